import { basename } from 'node:path'
import type { MigrationLedger } from '../ledger/migration-ledger'
import { openLedger } from '../ledger/open-ledger'

/** Where a test's ledger is: a file in its folder, or a ledger in PostgreSQL (see {@link ledgerStoreUnderTest}). */
export interface TestLedger {
  ledger: string
  ledgerName?: string
}

/**
 * Which ledger store the migration tests run on: SQLite by default; PostgreSQL when
 * `TICKETBRIDGE_TEST_LEDGER=postgres` and `DATABASE_URL` are set (CI runs the suite both ways).
 */
function ledgerStoreUnderTest(): 'sqlite' | 'postgres' {
  if (process.env.TICKETBRIDGE_TEST_LEDGER !== 'postgres') return 'sqlite'
  if (!process.env.DATABASE_URL) throw new Error('TICKETBRIDGE_TEST_LEDGER=postgres needs DATABASE_URL (start one with .ci/start-postgres).')
  return 'postgres'
}

/** A test's ledger named `file`: the file in the test's (fresh) folder, or a PostgreSQL ledger named after both. */
export function testLedger(folder: string, file: string): TestLedger {
  if (ledgerStoreUnderTest() === 'sqlite') return { ledger: `${folder}/${file}` }
  return { ledger: process.env.DATABASE_URL!, ledgerName: `test-${basename(folder)}-${file}` }
}

/** Opens a test's ledger to look inside it, as the migration left it. */
export function openTestLedger(location: TestLedger): Promise<MigrationLedger> {
  return openLedger(location.ledger, { name: location.ledgerName })
}
