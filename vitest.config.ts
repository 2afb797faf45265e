import { defineConfig } from 'vitest/config'
import { workspaceSources } from './vitest.shared'

/**
 * Where a PostgreSQL is given (`DATABASE_URL`; CI starts one with .ci/start-postgres), the
 * migration suites run a second time on the PostgreSQL ledger: the engine's (resume after a crash,
 * retry, verify, rollback, --since) and the CLI's SIGKILL test.
 */
const onPostgres = process.env.DATABASE_URL
  ? [
      {
        plugins: [workspaceSources()],
        test: {
          name: 'migrate on postgres',
          root: './packages/migrate',
          include: ['src/engine/**/*.test.ts'],
          env: { TICKETBRIDGE_TEST_LEDGER: 'postgres' },
        },
      },
      {
        plugins: [workspaceSources()],
        test: {
          name: 'demo on postgres',
          root: './apps/demo',
          // SIGKILL at random points is the crash the ledger must survive; Ctrl-C is the same store's graceful path, tested on SQLite.
          include: ['src/commands/migrate-command-kill.test.ts'],
          env: { TICKETBRIDGE_TEST_LEDGER: 'postgres' },
        },
      },
    ]
  : []

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tests/*/vitest.config.ts', ...onPostgres],
  },
})
