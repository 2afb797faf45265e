import { type AdapterWarning, ConfigurationError } from '@ticketbridge/core'
import Database from 'better-sqlite3'
import type { LedgerDriver } from './ledger-driver'
import type { LedgerCounts, LedgerKind, LedgerRecord, LedgerState, LedgerWarning, LedgerWrite, RunRecord } from './ledger-record'

const pageSize = 500

interface RecordRow {
  kind: LedgerKind
  source_id: string
  parent_source_id: string | null
  target_id: string | null
  state: LedgerState
  source_updated_at: string | null
  attempts: number
  error: string | null
  run_id: number | null
  created_by_migration: number
  fingerprint: string | null
}

function toRecord(row: RecordRow): LedgerRecord {
  return {
    kind: row.kind,
    sourceId: row.source_id,
    parentSourceId: row.parent_source_id,
    targetId: row.target_id,
    state: row.state,
    sourceUpdatedAt: row.source_updated_at,
    attempts: row.attempts,
    error: row.error,
    runId: row.run_id,
    createdByMigration: row.created_by_migration === 1,
    fingerprint: row.fingerprint,
  }
}

const schema = `
CREATE TABLE IF NOT EXISTS migration (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS run (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  options TEXT NOT NULL,
  summary TEXT
);
CREATE TABLE IF NOT EXISTS record (
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  parent_source_id TEXT,
  target_id TEXT,
  state TEXT NOT NULL,
  source_updated_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  run_id INTEGER,
  created_by_migration INTEGER NOT NULL DEFAULT 0,
  fingerprint TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, source_id)
);
CREATE INDEX IF NOT EXISTS record_by_parent ON record (kind, parent_source_id);
CREATE INDEX IF NOT EXISTS record_by_state ON record (kind, state);
CREATE TABLE IF NOT EXISTS warning (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  type TEXT NOT NULL,
  field TEXT,
  message TEXT NOT NULL
);
`

/**
 * The ledger in one SQLite file (WAL), the embedded default: nothing to start. better-sqlite3 is
 * synchronous, so each method is its own transaction and the promises resolve at once.
 */
export class SqliteLedgerDriver implements LedgerDriver {
  readonly location: string
  private readonly database: Database.Database
  private readonly statements

  constructor(path: string) {
    this.location = path
    try {
      this.database = new Database(path)
      // WAL keeps readers and the writer apart; NORMAL sync survives a killed process (not a power cut).
      this.database.pragma('journal_mode = WAL')
    } catch (error) {
      // "file is not a database", a folder, no rights: the path is wrong, not the migration.
      throw new ConfigurationError(
        `Cannot use ${path} as a ticketbridge ledger (a SQLite file): ${(error as Error).message}. Name another file, or none to use the default.`,
        { option: 'ledger' },
      )
    }
    this.database.pragma('synchronous = NORMAL')
    this.database.pragma('busy_timeout = 5000')
    this.database.exec(schema)
    // Ledgers made before run summaries were kept gain the column (SQLite has no ADD COLUMN IF NOT EXISTS).
    const runColumns = this.database.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('run')").all()
    if (!runColumns.some((column) => column.name === 'summary')) this.database.exec('ALTER TABLE run ADD COLUMN summary TEXT')
    this.statements = {
      get: this.database.prepare<[string, string], RecordRow>('SELECT * FROM record WHERE kind = ? AND source_id = ?'),
      upsert: this.database.prepare(
        `INSERT INTO record (kind, source_id, parent_source_id, target_id, state, source_updated_at, attempts, error, run_id, created_by_migration, fingerprint, updated_at)
         VALUES (@kind, @sourceId, @parentSourceId, @targetId, @state, @sourceUpdatedAt, @attempts, @error, @runId, @createdByMigration, @fingerprint, @updatedAt)
         ON CONFLICT (kind, source_id) DO UPDATE SET
           parent_source_id = excluded.parent_source_id, target_id = excluded.target_id, state = excluded.state,
           source_updated_at = excluded.source_updated_at, attempts = excluded.attempts, error = excluded.error,
           run_id = excluded.run_id, created_by_migration = excluded.created_by_migration, fingerprint = excluded.fingerprint,
           updated_at = excluded.updated_at`,
      ),
      children: this.database.prepare<[string, string], RecordRow>('SELECT * FROM record WHERE kind = ? AND parent_source_id = ? ORDER BY rowid'),
      byState: this.database.prepare<[string, string], RecordRow>('SELECT * FROM record WHERE kind = ? AND state = ? ORDER BY rowid'),
      countByKindAndState: this.database.prepare<[], { kind: LedgerKind; state: LedgerState; total: number }>(
        'SELECT kind, state, COUNT(*) AS total FROM record GROUP BY kind, state',
      ),
      allOfKindPage: this.database.prepare<[string, number, number], RecordRow & { rowid: number }>(
        'SELECT rowid, * FROM record WHERE kind = ? AND rowid > ? ORDER BY rowid LIMIT ?',
      ),
      addWarning: this.database.prepare('INSERT INTO warning (run_id, kind, source_id, type, field, message) VALUES (?, ?, ?, ?, ?, ?)'),
      warningsPage: this.database.prepare<
        [number, number],
        { id: number; kind: LedgerKind; source_id: string; type: AdapterWarning['type']; field: string | null; message: string }
      >('SELECT id, kind, source_id, type, field, message FROM warning WHERE id > ? ORDER BY id LIMIT ?'),
      clearWarnings: this.database.prepare('DELETE FROM warning WHERE kind = ? AND source_id = ?'),
      setMeta: this.database.prepare('INSERT INTO migration (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      getMeta: this.database.prepare<[string], { value: string }>('SELECT value FROM migration WHERE key = ?'),
      startRun: this.database.prepare('INSERT INTO run (started_at, status, options) VALUES (?, ?, ?)'),
      finishRun: this.database.prepare('UPDATE run SET finished_at = ?, status = ?, summary = ? WHERE id = ?'),
      runs: this.database.prepare<
        [],
        { id: number; started_at: string; finished_at: string | null; status: RunRecord['status']; options: string; summary: string | null }
      >('SELECT * FROM run ORDER BY id'),
      interruptRuns: this.database.prepare("UPDATE run SET status = 'interrupted' WHERE status = 'running'"),
    }
  }

  async get(kind: LedgerKind, sourceId: string): Promise<LedgerRecord | undefined> {
    const row = this.statements.get.get(kind, sourceId)
    return row ? toRecord(row) : undefined
  }

  /** Writes a record's new state (insert or update). */
  async put(record: LedgerWrite): Promise<void> {
    // Read and write in one transaction: the merge of left-out fields never sees another writer between.
    this.database.transaction(() => this.write(record))()
  }

  private write(record: LedgerWrite): void {
    const row = this.statements.get.get(record.kind, record.sourceId)
    const previous = row ? toRecord(row) : undefined
    this.statements.upsert.run({
      kind: record.kind,
      sourceId: record.sourceId,
      parentSourceId: record.parentSourceId,
      targetId: record.targetId,
      state: record.state,
      sourceUpdatedAt: record.sourceUpdatedAt,
      attempts: record.attempts ?? previous?.attempts ?? 0,
      error: record.error ?? null,
      runId: record.runId,
      createdByMigration: (record.createdByMigration ?? previous?.createdByMigration ?? false) ? 1 : 0,
      fingerprint: record.fingerprint !== undefined ? record.fingerprint : (previous?.fingerprint ?? null),
      updatedAt: new Date().toISOString(),
    })
  }

  async children(kind: LedgerKind, parentSourceId: string): Promise<LedgerRecord[]> {
    return this.statements.children.all(kind, parentSourceId).map(toRecord)
  }

  async inState(kind: LedgerKind, state: LedgerState): Promise<LedgerRecord[]> {
    return this.statements.byState.all(kind, state).map(toRecord)
  }

  // Pages by rowid rather than one open iterator: the caller awaits between records, and other
  // writes on this connection would find it busy.
  async *allOfKind(kind: LedgerKind): AsyncGenerator<LedgerRecord> {
    let after = 0
    for (;;) {
      const rows = this.statements.allOfKindPage.all(kind, after, pageSize)
      for (const row of rows) yield toRecord(row)
      if (rows.length < pageSize) return
      after = rows.at(-1)?.rowid ?? after
    }
  }

  async counts(): Promise<LedgerCounts> {
    const counts = {} as LedgerCounts
    for (const row of this.statements.countByKindAndState.all()) {
      counts[row.kind] ??= {}
      counts[row.kind][row.state] = row.total
    }
    return counts
  }

  async setWarnings(runId: number, kind: LedgerKind, sourceId: string, warnings: readonly AdapterWarning[]): Promise<void> {
    this.database.transaction(() => {
      this.statements.clearWarnings.run(kind, sourceId)
      for (const warning of warnings) this.statements.addWarning.run(runId, kind, sourceId, warning.type, warning.field ?? null, warning.message)
    })()
  }

  async *warnings(): AsyncGenerator<LedgerWarning> {
    let after = 0
    for (;;) {
      const rows = this.statements.warningsPage.all(after, pageSize)
      for (const row of rows) {
        yield {
          kind: row.kind,
          sourceId: row.source_id,
          warning: { type: row.type, message: row.message, ...(row.field !== null ? { field: row.field } : {}) },
        }
      }
      if (rows.length < pageSize) return
      after = rows.at(-1)?.id ?? after
    }
  }

  async getMeta(key: string): Promise<string | undefined> {
    return this.statements.getMeta.get(key)?.value
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.statements.setMeta.run(key, value)
  }

  async startRun(options: Record<string, unknown>): Promise<number> {
    return this.database.transaction(() => {
      this.statements.interruptRuns.run()
      return Number(this.statements.startRun.run(new Date().toISOString(), 'running', JSON.stringify(options)).lastInsertRowid)
    })()
  }

  async finishRun(runId: number, status: 'finished' | 'failed' | 'interrupted', summary?: Record<string, unknown>): Promise<void> {
    this.statements.finishRun.run(new Date().toISOString(), status, summary ? JSON.stringify(summary) : null, runId)
  }

  async runs(): Promise<RunRecord[]> {
    return this.statements.runs.all().map((row) => ({
      id: row.id,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      status: row.status,
      options: JSON.parse(row.options) as Record<string, unknown>,
      summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
    }))
  }

  async close(): Promise<void> {
    if (this.database.open) this.database.close()
  }
}
