import type { Options } from 'tsup'

/**
 * Every published package builds the same way: ESM and CJS side by side with their
 * declaration files, so `import` and `require` both get types (checked by attw).
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    ...overrides,
  }
}

/**
 * A vendor package: its main entry, and ./simulator and ./connector, which load the optional peers
 * @ticketbridge/testkit and msw. Their public files are guards: they check the peers resolve, then
 * load the real module, built beside them to dist/simulator/index.* and dist/connector/index.* and
 * left external, so its imports cannot be hoisted above the check. That takes a top-level await in
 * ESM, which tsup cannot build to CommonJS, so each entry has an import guard (ESM) and a require
 * guard (CJS), picked by format. The types are published from the real modules.
 */
export function vendorPackageBuild(vendor: string): Options {
  const realModules = { 'simulator/index': 'src/simulator/index.ts', 'connector/index': 'src/connector/index.ts' }
  const guards = (kind: 'import' | 'require') => ({
    simulator: `src/${vendor}-simulator-${kind}-guard.ts`,
    connector: `src/${vendor}-connector-${kind}-guard.ts`,
  })
  return packageBuild(
    { index: 'src/index.ts', ...guards('import'), ...realModules },
    {
      // The guards' imports of the real modules, as written in their sources.
      external: ['./simulator/index.js', './simulator/index.cjs', './connector/index.js', './connector/index.cjs'],
      esbuildOptions(options, { format }) {
        if (format !== 'cjs') return
        options.entryPoints = { index: 'src/index.ts', ...guards('require'), ...realModules }
        // The require guards set module.exports on purpose, in files esbuild reads as ESM (type: module).
        options.logOverride = { ...options.logOverride, 'commonjs-variable-in-esm': 'silent' }
      },
      dts: { entry: { index: 'src/index.ts', simulator: realModules['simulator/index'], connector: realModules['connector/index'] } },
    },
  )
}
