// Import boundaries and cycles of the workspace (`pnpm lint:boundaries`). Rules match resolved
// paths, so `@ticketbridge/http`, `../client` and `../client/index` are caught alike; the
// `^@ticketbridge/` alternatives catch the same imports when a package's dist is not built yet.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-stands-alone',
      comment: 'core is the vendor-neutral model every package builds on: it imports no other workspace package and no HTTP client.',
      severity: 'error',
      // Entry points that re-export core's own main entry by name (one copy of each class) are the exception.
      from: { path: '^packages/core/src/', pathNot: '^packages/core/src/entries/' },
      to: { path: ['^@ticketbridge/', '^packages/(?!core/src/)', '(^|/)node_modules/axios/', '^axios$'] },
    },
    {
      name: 'simulator-stands-alone',
      comment:
        "A simulator plays the vendor's API on its own; it must not lean on its own package's client or adapter (nor the main entry, which re-exports both). Its tests may: they drive the adapter against it.",
      severity: 'error',
      from: { path: '^packages/([^/]+)/src/simulator/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^packages/$1/src/(client|adapter)(/|\\.ts$)', '^packages/$1/dist/index\\.'] },
    },
    {
      name: 'migrate-is-vendor-neutral',
      comment: 'The migration engine talks to vendors only through the core contract; tests and test-support may start vendor simulators.',
      severity: 'error',
      from: { path: '^packages/migrate/src/', pathNot: ['\\.test\\.ts$', '^packages/migrate/src/test-support/'] },
      to: { path: ['^@ticketbridge/(halo|autotask|rt|connectors)(/|$)', '^packages/(halo|autotask|rt|connectors)/'] },
    },
    {
      name: 'vendors-through-connectors',
      comment:
        "The CLI and the bench support learn about vendors only from the connector registry (@ticketbridge/connectors): adding a vendor is its own package and one registry line. Vendor-specific tests may import a vendor package, and so may a vendor's own commands (next rule).",
      severity: 'error',
      from: { path: ['^apps/demo/src/', '^bench/support/'], pathNot: ['\\.test\\.ts$', '^apps/demo/src/commands/(halo|autotask|rt)/'] },
      to: { path: ['^@ticketbridge/(halo|autotask|rt)(/|$)', '^packages/(halo|autotask|rt)/'] },
    },
    {
      name: 'native-commands-own-vendor-only',
      comment:
        "A vendor's own commands (`ticketbridge halo|autotask|rt …`, in the vendor's folder) drive its native client, so they import that vendor's package, and no other vendor's.",
      severity: 'error',
      from: { path: '^apps/demo/src/commands/(halo|autotask|rt)/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^@ticketbridge/(halo|autotask|rt)(/|$)', '^packages/(halo|autotask|rt)/'], pathNot: ['^@ticketbridge/$1(/|$)', '^packages/$1/'] },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make load order matter and block splitting files; type-only imports count too, as they tie the files together all the same.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Built output and installed packages are leaves: their imports are not ours to check.
    doNotFollow: { path: ['(^|/)node_modules/', '^packages/[^/]+/dist/', '^apps/[^/]+/dist/'] },
    // Generated OpenAPI types (3 MB) only export types; skipping them keeps the run short.
    exclude: { path: ['/generated/', '\\.generated\\.json$', '(^|/)\\.turbo/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
  },
}
