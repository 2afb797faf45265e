import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { describeLedgerDriver } from './ledger-driver-conformance'
import { SqliteLedgerDriver } from './sqlite-ledger-driver'

const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-sqlite-ledger-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// One file per ledger name: a SQLite ledger is one migration's.
describeLedgerDriver('SQLite', async (ledgerName) => new SqliteLedgerDriver(join(folder, `${ledgerName}.sqlite`)))

describe('a SQLite ledger made by an earlier version', () => {
  it('gains the run summary column and keeps its runs', async () => {
    const path = join(folder, 'before-summaries.sqlite')
    const old = new Database(path)
    old.exec(`CREATE TABLE run (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, options TEXT NOT NULL);
      INSERT INTO run (started_at, finished_at, status, options) VALUES ('2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z', 'finished', '{}');`)
    old.close()
    const ledger = new SqliteLedgerDriver(path)
    try {
      expect(await ledger.runs()).toEqual([
        { id: 1, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T01:00:00.000Z', status: 'finished', options: {}, summary: null },
      ])
      const next = await ledger.startRun({ only: { statusCategories: ['open'] } })
      await ledger.finishRun(next, 'finished', { tickets: { created: 1 } })
      expect((await ledger.runs()).at(-1)?.summary).toEqual({ tickets: { created: 1 } })
    } finally {
      await ledger.close()
    }
  })
})
