import { type AdapterWarning, ConfigurationError } from '@ticketbridge/core'
import Database from 'better-sqlite3'

/** What the ledger tracks: every record the migration reads, and its counterpart in the target. */
export type LedgerKind = 'organization' | 'person' | 'ticket' | 'comment' | 'attachment' | 'time-entry' | 'relation'

/**
 * Where a record stands.
 * - `pending`: the write was about to be sent; after a crash its answer may have been lost, so
 *   the target is searched for it before anything is sent again.
 * - `created`: the target record exists (its id is known); a ticket's comments and files may still be moving.
 * - `completed`: done, with everything under it.
 * - `failed`: the write was refused; `--retry-failed` tries again.
 * - `skipped`: deliberately not moved (filtered out, or mapped onto an existing target record).
 */
export type LedgerState = 'pending' | 'created' | 'completed' | 'failed' | 'skipped'

export interface LedgerRecord {
  kind: LedgerKind
  sourceId: string
  parentSourceId: string | null
  targetId: string | null
  state: LedgerState
  /** The source record's `updatedAt` when it was last moved; a newer one means it changed since. */
  sourceUpdatedAt: string | null
  attempts: number
  error: string | null
  runId: number | null
  /** Whether this migration created the target record (rather than matching an existing one). */
  createdByMigration: boolean
  /** What verification checks the target against (a ticket's status category, comment count, file digests). */
  fingerprint: string | null
}

export interface LedgerWarning {
  kind: LedgerKind
  sourceId: string
  warning: AdapterWarning
}

export interface RunRecord {
  id: number
  startedAt: string
  finishedAt: string | null
  status: 'running' | 'finished' | 'failed' | 'interrupted'
  options: Record<string, unknown>
}

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
  options TEXT NOT NULL
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
 * The id map and per-record ledger of one migration, in SQLite (WAL). Every write to the target
 * is bracketed by ledger writes: `pending` before, the target id after. A process killed at any
 * point leaves at most one record per worker `pending`, and the next run resolves it by looking
 * the record up in the target before sending anything again. Nothing is held in memory: a
 * migration of a million tickets keeps a flat footprint.
 */
export class MigrationLedger {
  readonly path: string
  private readonly database: Database.Database
  private readonly statements

  constructor(path: string) {
    this.path = path
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
      allOfKind: this.database.prepare<[string], RecordRow>('SELECT * FROM record WHERE kind = ? ORDER BY rowid'),
      addWarning: this.database.prepare('INSERT INTO warning (run_id, kind, source_id, type, field, message) VALUES (?, ?, ?, ?, ?, ?)'),
      warnings: this.database.prepare<
        [],
        { kind: LedgerKind; source_id: string; type: AdapterWarning['type']; field: string | null; message: string }
      >('SELECT kind, source_id, type, field, message FROM warning ORDER BY id'),
      clearWarnings: this.database.prepare('DELETE FROM warning WHERE kind = ? AND source_id = ?'),
      setMeta: this.database.prepare('INSERT INTO migration (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      getMeta: this.database.prepare<[string], { value: string }>('SELECT value FROM migration WHERE key = ?'),
      startRun: this.database.prepare('INSERT INTO run (started_at, status, options) VALUES (?, ?, ?)'),
      finishRun: this.database.prepare('UPDATE run SET finished_at = ?, status = ? WHERE id = ?'),
      runs: this.database.prepare<[], { id: number; started_at: string; finished_at: string | null; status: RunRecord['status']; options: string }>(
        'SELECT * FROM run ORDER BY id',
      ),
      interruptRuns: this.database.prepare("UPDATE run SET status = 'interrupted' WHERE status = 'running'"),
    }
  }

  get(kind: LedgerKind, sourceId: string): LedgerRecord | undefined {
    const row = this.statements.get.get(kind, sourceId)
    return row ? toRecord(row) : undefined
  }

  /**
   * Writes a ticket's child (a comment, a file, a time entry): its parent is the ticket, it has no
   * source timestamp of its own, and it has no target id until one is given.
   */
  putChild(
    ticketId: string,
    runId: number,
    record: Pick<LedgerRecord, 'kind' | 'sourceId' | 'state'> &
      Partial<Pick<LedgerRecord, 'targetId' | 'attempts' | 'error' | 'createdByMigration' | 'fingerprint'>>,
  ): void {
    this.put({ parentSourceId: ticketId, targetId: null, sourceUpdatedAt: null, runId, ...record })
  }

  /** Writes a record's new state (insert or update). */
  put(
    record: Omit<LedgerRecord, 'attempts' | 'error' | 'createdByMigration' | 'fingerprint'> &
      Partial<Pick<LedgerRecord, 'attempts' | 'error' | 'createdByMigration' | 'fingerprint'>>,
  ): void {
    const previous = this.get(record.kind, record.sourceId)
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

  children(kind: LedgerKind, parentSourceId: string): LedgerRecord[] {
    return this.statements.children.all(kind, parentSourceId).map(toRecord)
  }

  inState(kind: LedgerKind, state: LedgerState): LedgerRecord[] {
    return this.statements.byState.all(kind, state).map(toRecord)
  }

  *allOfKind(kind: LedgerKind): Generator<LedgerRecord> {
    for (const row of this.statements.allOfKind.iterate(kind)) yield toRecord(row)
  }

  /** Counts per kind and state. */
  counts(): Record<LedgerKind, Partial<Record<LedgerState, number>>> {
    const counts = {} as Record<LedgerKind, Partial<Record<LedgerState, number>>>
    for (const row of this.statements.countByKindAndState.all()) {
      counts[row.kind] ??= {}
      counts[row.kind][row.state] = row.total
    }
    return counts
  }

  /** Replaces the warnings kept for a record with those of its latest write. */
  setWarnings(runId: number, kind: LedgerKind, sourceId: string, warnings: readonly AdapterWarning[]): void {
    this.database.transaction(() => {
      this.statements.clearWarnings.run(kind, sourceId)
      for (const warning of warnings) this.statements.addWarning.run(runId, kind, sourceId, warning.type, warning.field ?? null, warning.message)
    })()
  }

  *warnings(): Generator<LedgerWarning> {
    for (const row of this.statements.warnings.iterate()) {
      yield {
        kind: row.kind,
        sourceId: row.source_id,
        warning: { type: row.type, message: row.message, ...(row.field !== null ? { field: row.field } : {}) },
      }
    }
  }

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value)
  }

  /** Starts a run; runs a killed process left `running` are marked interrupted first. */
  startRun(options: Record<string, unknown>): number {
    this.statements.interruptRuns.run()
    return Number(this.statements.startRun.run(new Date().toISOString(), 'running', JSON.stringify(options)).lastInsertRowid)
  }

  finishRun(runId: number, status: 'finished' | 'failed' | 'interrupted'): void {
    this.statements.finishRun.run(new Date().toISOString(), status, runId)
  }

  runs(): RunRecord[] {
    return this.statements.runs.all().map((row) => ({
      id: row.id,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      status: row.status,
      options: JSON.parse(row.options) as Record<string, unknown>,
    }))
  }

  close(): void {
    this.database.close()
  }
}
