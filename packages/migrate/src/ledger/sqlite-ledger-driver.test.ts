import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { describeLedgerDriver } from './ledger-driver-conformance'
import { SqliteLedgerDriver } from './sqlite-ledger-driver'

const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-sqlite-ledger-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// One file per ledger name: a SQLite ledger is one migration's.
describeLedgerDriver('SQLite', async (ledgerName) => new SqliteLedgerDriver(join(folder, `${ledgerName}.sqlite`)))
