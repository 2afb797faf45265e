import { existsSync, readdirSync } from 'node:fs'
import type { KnipConfiguration } from 'knip'

/**
 * `pnpm lint:unused`. A published package's entries are its tsup entries, read from its
 * tsup.config.ts: knip's tsup plugin only finds a literal `entry:` there, and ours go through
 * packageBuild(). Tests come from each vitest.config.ts, scripts and bins from each package.json.
 */
async function tsupEntries(folder: string): Promise<string[]> {
  const { default: options } = (await import(`./${folder}/tsup.config.ts`)) as { default: { entry?: Record<string, string> | string[] } }
  return Object.values(options.entry ?? {})
}

const packageFolders = readdirSync('packages', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`packages/${entry.name}/tsup.config.ts`))
  .map((entry) => `packages/${entry.name}`)

export default async (): Promise<KnipConfiguration> => {
  const workspaces: NonNullable<KnipConfiguration['workspaces']> = {
    // tests/packaging/examples and readme-context.d.ts are compiled in the packaging test's npm project, not imported.
    '.': {
      entry: ['tests/*/vitest.config.ts', 'tests/**/*.test.ts'],
      project: ['*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', '!tests/packaging/examples/**', '!tests/packaging/readme-context.d.ts'],
    },
    'apps/*': { project: ['src/**/*.ts'] },
    // run-bench.ts imports every file of cases/ by name at run time.
    bench: { entry: ['cases/*.ts'], project: ['**/*.ts'] },
  }
  for (const folder of packageFolders) {
    const project = existsSync(`${folder}/scripts`) ? ['src/**/*.ts', 'scripts/**/*.ts'] : ['src/**/*.ts']
    workspaces[folder] = { entry: await tsupEntries(folder), project }
  }
  // The require guards of ./simulator and ./connector are entries of the CommonJS build only (tsup.config.ts swaps
  // them in), and require the real modules' built files, which exist only in dist.
  for (const vendor of ['packages/halo', 'packages/autotask', 'packages/rt']) {
    workspaces[vendor] = {
      ...workspaces[vendor],
      entry: [...(await tsupEntries(vendor)), 'src/*-require-guard.ts'],
      ignoreUnresolved: ['./simulator/index.cjs', './connector/index.cjs'],
    }
  }
  // Loaded with createRequire in scripts/generate-autotask-types.ts, which knip cannot follow.
  workspaces['packages/autotask'] = { ...workspaces['packages/autotask'], ignoreDependencies: ['swagger2openapi'] }
  return {
    // Generated OpenAPI types export every schema of the vendor's spec; most are unused by design.
    ignore: ['**/generated/**'],
    // A type exported beside the function whose signature uses it is there for callers; not dead code.
    ignoreExportsUsedInFile: { interface: true, type: true },
    // util-linux's setsid (the real-RT time-zone test starts RT as ../shared/rt/start-rt does): a system tool, not a package.
    ignoreBinaries: ['setsid'],
    workspaces,
  }
}
