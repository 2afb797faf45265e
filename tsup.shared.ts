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
