import { type AdapterWarning, ConfigurationError } from '@ticketbridge/core'
import pg from 'pg'
import { LedgerBusyError } from './ledger-busy-error'
import { describePostgresAddress, postgresConnectionError, registerPostgresPasswords } from './postgres-address'
import type { LedgerDriver } from './ledger-driver'
import type { LedgerCounts, LedgerKind, LedgerRecord, LedgerState, LedgerWarning, LedgerWrite, RunRecord } from './ledger-record'

/** Rows read per query by the paged lists. */
const pageSize = 500
/** Key of the transaction lock that serialises schema changes (any constant unique to ticketbridge). */
const schemaLockKey = 7_461_726_964_676_501
/** First key of the session locks that make one process a ledger's only writer; the second is hashtext(name). */
export const writerLockNamespace = 0x7462_6c67

/**
 * The schema, one step per version, applied in order by `open`. A migration library would bring
 * files to ship and a tool to run; a handful of steps in an array, applied under one advisory
 * lock in one transaction, needs neither. Append new steps; never edit a released one.
 * Times are timestamptz (read back as ISO strings); options are json, which keeps the written text.
 */
const schemaSteps: readonly string[] = [
  `CREATE TABLE ticketbridge_ledger_meta (ledger text NOT NULL, key text NOT NULL, value text NOT NULL, PRIMARY KEY (ledger, key));
   CREATE TABLE ticketbridge_run (
     ledger text NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY, started_at timestamptz NOT NULL, finished_at timestamptz,
     status text NOT NULL, options json NOT NULL, PRIMARY KEY (ledger, id));
   CREATE INDEX ticketbridge_run_running ON ticketbridge_run (ledger) WHERE status = 'running';
   CREATE TABLE ticketbridge_record (
     ledger text NOT NULL, kind text NOT NULL, source_id text NOT NULL, parent_source_id text, target_id text, state text NOT NULL,
     source_updated_at text, attempts integer NOT NULL DEFAULT 0, error text, run_id bigint,
     created_by_migration boolean NOT NULL DEFAULT false, fingerprint text, updated_at timestamptz NOT NULL,
     seq bigint GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (ledger, kind, source_id));
   CREATE INDEX ticketbridge_record_by_parent ON ticketbridge_record (ledger, kind, parent_source_id, seq);
   CREATE INDEX ticketbridge_record_by_state ON ticketbridge_record (ledger, kind, state, seq);
   CREATE UNIQUE INDEX ticketbridge_record_by_seq ON ticketbridge_record (ledger, kind, seq);
   CREATE TABLE ticketbridge_warning (
     ledger text NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY, run_id bigint NOT NULL, kind text NOT NULL, source_id text NOT NULL,
     type text NOT NULL, field text, message text NOT NULL, PRIMARY KEY (ledger, id));
   CREATE INDEX ticketbridge_warning_by_record ON ticketbridge_warning (ledger, kind, source_id);`,
  // What each run did, for per-phase reports.
  'ALTER TABLE ticketbridge_run ADD COLUMN summary json',
]

/** The schema version this code writes; `ticketbridge_schema_version` holds one row per applied step. */
export const ledgerSchemaVersion = schemaSteps.length

const recordColumns =
  'kind, source_id, parent_source_id, target_id, state, source_updated_at, attempts, error, run_id, created_by_migration, fingerprint, seq'

interface RecordRow {
  kind: LedgerKind
  source_id: string
  parent_source_id: string | null
  target_id: string | null
  state: LedgerState
  source_updated_at: string | null
  attempts: number
  error: string | null
  /** bigint columns arrive as strings. */
  run_id: string | null
  created_by_migration: boolean
  fingerprint: string | null
  seq: string
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
    runId: row.run_id === null ? null : Number(row.run_id),
    createdByMigration: row.created_by_migration,
    fingerprint: row.fingerprint,
  }
}

interface WarningRow {
  id: string
  kind: LedgerKind
  source_id: string
  type: AdapterWarning['type']
  field: string | null
  message: string
}

interface RunRow {
  id: string
  started_at: Date
  finished_at: Date | null
  status: RunRecord['status']
  options: Record<string, unknown>
  summary: Record<string, unknown> | null
}

/** What the ledger's connection errors say it is. */
const ledgerStore = { store: 'ledger', tables: 'the ledger tables', option: 'ledger' }

/** Applies the schema steps this database lacks, one transaction, one at a time across every process. */
async function migrateSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // Taken before CREATE … IF NOT EXISTS: concurrent creations of one table still collide in the catalog.
    await client.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey])
    await client.query(
      'CREATE TABLE IF NOT EXISTS ticketbridge_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM ticketbridge_schema_version')
    const applied = rows[0]?.version ?? 0
    if (applied > schemaSteps.length) {
      throw new ConfigurationError(
        `The ledger tables are at schema version ${applied}, newer than this ticketbridge knows (${schemaSteps.length}). Upgrade ticketbridge.`,
        { option: 'ledger' },
      )
    }
    for (let version = applied + 1; version <= schemaSteps.length; version++) {
      await client.query(schemaSteps[version - 1]!)
      await client.query('INSERT INTO ticketbridge_schema_version (version) VALUES ($1)', [version])
    }
    await client.query('COMMIT')
    client.release()
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    // A broken connection must not go back to the pool.
    client.release(error instanceof Error ? error : true)
    throw error
  }
}

/**
 * The ledger in PostgreSQL: one database holds many migrations' ledgers, told apart by name.
 * Every change is one SQL statement, atomic on its own, so the shared pool needs no transactions;
 * `startRun` takes a session lock that makes this process the ledger's only writer until
 * `finishRun` or `close`, and which the server frees when a killed process's connection drops.
 */
export class PostgresLedgerDriver implements LedgerDriver {
  readonly location: string
  // ES private fields: inspecting or logging the driver never shows the pool, the URL or the passwords.
  readonly #pool: pg.Pool
  readonly #url: string
  readonly #passwords: readonly string[]
  #lockClient: pg.Client | undefined
  /** Shared by startRun calls made at once, so they do not take the lock on two connections (and refuse each other). */
  #lockTaking: Promise<void> | undefined
  #closing: Promise<void> | undefined

  private constructor(
    pool: pg.Pool,
    url: string,
    passwords: readonly string[],
    private readonly name: string,
    private readonly address: string,
  ) {
    this.#pool = pool
    this.#url = url
    this.#passwords = passwords
    this.location = `${address}#${name}`
  }

  static async open(options: { url: string; name: string }): Promise<PostgresLedgerDriver> {
    if (!options.name) throw new ConfigurationError('A PostgreSQL ledger needs a name: one database holds many migrations.', { option: 'ledgerName' })
    let url: URL
    try {
      url = new URL(options.url)
    } catch {
      // The raw text may hold a password: do not repeat it.
      throw new ConfigurationError('The PostgreSQL ledger address is not a URL (postgres://user:password@host:port/database).', { option: 'ledger' })
    }
    const passwords = registerPostgresPasswords(url)
    const address = describePostgresAddress(url)
    const pool = new pg.Pool({ connectionString: options.url, max: 4, connectionTimeoutMillis: 15_000, application_name: 'ticketbridge' })
    // An idle connection the server dropped: the pool discards it and the next query opens another.
    pool.on('error', () => undefined)
    try {
      await migrateSchema(pool)
    } catch (error) {
      await pool.end().catch(() => undefined)
      throw ConfigurationError.isInstance(error) ? error : postgresConnectionError(error, { address, passwords }, ledgerStore)
    }
    return new PostgresLedgerDriver(pool, options.url, passwords, options.name, address)
  }

  async get(kind: LedgerKind, sourceId: string): Promise<LedgerRecord | undefined> {
    const sql = `SELECT ${recordColumns} FROM ticketbridge_record WHERE ledger = $1 AND kind = $2 AND source_id = $3`
    const [row] = await this.select<RecordRow>(sql, [kind, sourceId])
    return row ? toRecord(row) : undefined
  }

  /** One upsert; left-out fields keep the stored values, and an update keeps the record's `seq` (its first-write place). */
  async put(record: LedgerWrite): Promise<void> {
    const { kind, sourceId, parentSourceId, targetId, state, sourceUpdatedAt, runId, fingerprint } = record
    // null is a fingerprint to store, undefined one to keep: $13 tells them apart.
    const merged = [record.attempts ?? null, record.error ?? null, record.createdByMigration ?? null, fingerprint ?? null, fingerprint !== undefined]
    await this.select(
      `INSERT INTO ticketbridge_record AS stored
         (ledger, kind, source_id, parent_source_id, target_id, state, source_updated_at, run_id, attempts, error, created_by_migration, fingerprint, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::integer, 0), $10, coalesce($11::boolean, false), $12, now())
       ON CONFLICT (ledger, kind, source_id) DO UPDATE SET
         parent_source_id = excluded.parent_source_id, target_id = excluded.target_id, state = excluded.state,
         source_updated_at = excluded.source_updated_at, run_id = excluded.run_id, attempts = coalesce($9::integer, stored.attempts),
         error = excluded.error, created_by_migration = coalesce($11::boolean, stored.created_by_migration),
         fingerprint = CASE WHEN $13::boolean THEN excluded.fingerprint ELSE stored.fingerprint END, updated_at = excluded.updated_at`,
      [kind, sourceId, parentSourceId, targetId, state, sourceUpdatedAt, runId, ...merged],
    )
  }

  async children(kind: LedgerKind, parentSourceId: string): Promise<LedgerRecord[]> {
    const sql = `SELECT ${recordColumns} FROM ticketbridge_record WHERE ledger = $1 AND kind = $2 AND parent_source_id = $3 ORDER BY seq`
    return (await this.select<RecordRow>(sql, [kind, parentSourceId])).map(toRecord)
  }

  async inState(kind: LedgerKind, state: LedgerState): Promise<LedgerRecord[]> {
    const sql = `SELECT ${recordColumns} FROM ticketbridge_record WHERE ledger = $1 AND kind = $2 AND state = $3 ORDER BY seq`
    return (await this.select<RecordRow>(sql, [kind, state])).map(toRecord)
  }

  async *allOfKind(kind: LedgerKind): AsyncGenerator<LedgerRecord> {
    const sql = `SELECT ${recordColumns} FROM ticketbridge_record WHERE ledger = $1 AND kind = $2 AND seq > $3 ORDER BY seq LIMIT $4`
    for await (const row of this.pages<RecordRow>(sql, [kind], (last) => last.seq)) yield toRecord(row)
  }

  async counts(): Promise<LedgerCounts> {
    const sql = 'SELECT kind, state, count(*)::integer AS total FROM ticketbridge_record WHERE ledger = $1 GROUP BY kind, state'
    const counts = {} as LedgerCounts
    for (const row of await this.select<{ kind: LedgerKind; state: LedgerState; total: number }>(sql, [])) {
      counts[row.kind] ??= {}
      counts[row.kind][row.state] = row.total
    }
    return counts
  }

  /** One statement: the delete and the insert commit together. The ordinality keeps the given order in `id`. */
  async setWarnings(runId: number, kind: LedgerKind, sourceId: string, warnings: readonly AdapterWarning[]): Promise<void> {
    await this.select(
      `WITH removed AS (DELETE FROM ticketbridge_warning WHERE ledger = $1 AND kind = $2 AND source_id = $3)
       INSERT INTO ticketbridge_warning (ledger, run_id, kind, source_id, type, field, message)
       SELECT $1, $4, $2, $3, given.type, given.field, given.message
       FROM unnest($5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS given (type, field, message, position)
       ORDER BY given.position`,
      [kind, sourceId, runId, warnings.map(({ type }) => type), warnings.map(({ field }) => field ?? null), warnings.map(({ message }) => message)],
    )
  }

  async *warnings(): AsyncGenerator<LedgerWarning> {
    const sql = 'SELECT id, kind, source_id, type, field, message FROM ticketbridge_warning WHERE ledger = $1 AND id > $2 ORDER BY id LIMIT $3'
    for await (const row of this.pages<WarningRow>(sql, [], (last) => last.id)) {
      const warning: AdapterWarning = { type: row.type, message: row.message, ...(row.field !== null ? { field: row.field } : {}) }
      yield { kind: row.kind, sourceId: row.source_id, warning }
    }
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.select<{ value: string }>('SELECT value FROM ticketbridge_ledger_meta WHERE ledger = $1 AND key = $2', [key]))[0]?.value
  }

  async setMeta(key: string, value: string): Promise<void> {
    const sql =
      'INSERT INTO ticketbridge_ledger_meta (ledger, key, value) VALUES ($1, $2, $3) ON CONFLICT (ledger, key) DO UPDATE SET value = excluded.value'
    await this.select(sql, [key, value])
  }

  /** Takes the writer lock first, then in one statement marks runs left `running` interrupted and adds this one. */
  async startRun(options: Record<string, unknown>): Promise<number> {
    await (this.#lockTaking ??= this.takeWriterLock().finally(() => (this.#lockTaking = undefined)))
    const rows = await this.select<{ id: string }>(
      `WITH interrupted AS (UPDATE ticketbridge_run SET status = 'interrupted' WHERE ledger = $1 AND status = 'running')
       INSERT INTO ticketbridge_run (ledger, started_at, status, options) VALUES ($1, now(), 'running', $2::json) RETURNING id`,
      [JSON.stringify(options)],
    )
    return Number(rows[0]!.id)
  }

  async finishRun(runId: number, status: 'finished' | 'failed' | 'interrupted', summary?: Record<string, unknown>): Promise<void> {
    await this.select('UPDATE ticketbridge_run SET finished_at = now(), status = $3, summary = $4::json WHERE ledger = $1 AND id = $2', [
      runId,
      status,
      summary ? JSON.stringify(summary) : null,
    ])
    await this.releaseWriterLock()
  }

  async runs(): Promise<RunRecord[]> {
    const sql = 'SELECT id, started_at, finished_at, status, options, summary FROM ticketbridge_run WHERE ledger = $1 ORDER BY id'
    return (await this.select<RunRow>(sql, [])).map((row) => ({
      id: Number(row.id),
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      status: row.status,
      options: row.options,
      summary: row.summary,
    }))
  }

  async close(): Promise<void> {
    this.#closing ??= this.releaseWriterLock().then(() => this.#pool.end())
    return this.#closing
  }

  /**
   * A session lock on a connection of its own, kept until the run ends: the server frees it when
   * that connection drops, so a process killed with SIGKILL never leaves the ledger locked.
   * (Names share the lock when their hashtext collides: a false "busy", never two writers.)
   */
  private async takeWriterLock(): Promise<void> {
    if (this.#lockClient) return
    const client = new pg.Client({ connectionString: this.#url, application_name: 'ticketbridge writer lock', connectionTimeoutMillis: 15_000 })
    // Lost later (server restart): forget it, so the next run takes it again.
    client.on('error', () => {
      if (this.#lockClient === client) this.#lockClient = undefined
    })
    try {
      await client.connect()
    } catch (error) {
      throw postgresConnectionError(error, { address: this.address, passwords: this.#passwords }, ledgerStore)
    }
    const { rows } = await client
      .query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [writerLockNamespace, this.name])
      .catch(async (error: unknown) => {
        await client.end().catch(() => undefined)
        throw error
      })
    if (!rows[0]?.locked) {
      await client.end().catch(() => undefined)
      throw new LedgerBusyError(this.name, this.location)
    }
    this.#lockClient = client
  }

  /** Runs one statement on the pool with this ledger's name as `$1`, followed by `values`. */
  private async select<Row extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values: readonly unknown[]): Promise<Row[]> {
    return (await this.#pool.query<Row>(sql, [this.name, ...values])).rows
  }

  /**
   * Keyset pages of `pageSize` rows (`sql` takes the last key and the page size after `values`):
   * no cursor or connection is held while the caller awaits between rows.
   */
  private async *pages<Row extends pg.QueryResultRow>(sql: string, values: readonly unknown[], key: (last: Row) => string): AsyncGenerator<Row> {
    let after = '0'
    for (;;) {
      const rows = await this.select<Row>(sql, [...values, after, pageSize])
      yield* rows
      if (rows.length < pageSize) return
      after = key(rows.at(-1)!)
    }
  }

  /** Ending the lock's connection frees the lock, as a dropped connection would. */
  private async releaseWriterLock(): Promise<void> {
    const client = this.#lockClient
    this.#lockClient = undefined
    await client?.end().catch(() => undefined)
  }
}
