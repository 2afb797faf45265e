import { defineConfig } from 'vitest/config'
import { workspaceSources } from './vitest.shared'

/**
 * Where a PostgreSQL is given (`DATABASE_URL`; CI starts one with .ci/start-postgres), the
 * engine's tests of what the ledger store decides run a second time on the PostgreSQL ledger:
 * resume after a crash at random writes, retries, verify, rollback, --since, cut-over phases;
 * and the CLI's SIGKILL test. What does not depend on the store (files, relations, time
 * entries, vendor pairs) runs once, on SQLite: CI time is better spent elsewhere.
 */
const onPostgres = process.env.DATABASE_URL
  ? [
      {
        plugins: [workspaceSources()],
        test: {
          name: 'migrate on postgres',
          root: './packages/migrate',
          include: ['src/engine/create-migration.test.ts', 'src/engine/migrate-through-faults.test.ts', 'src/engine/cut-over-phases.test.ts'],
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
