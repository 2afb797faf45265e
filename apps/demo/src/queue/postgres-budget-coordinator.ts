import { hostname } from 'node:os'
import { ConfigurationError } from '@ticketbridge/core'
import { abortableSleep, toAbortError, type RollingWindowBudgetOptions, type SharedBudgetCoordinator } from '@ticketbridge/http'
import { describePostgresAddress, postgresConnectionError, registerPostgresPasswords } from '@ticketbridge/migrate'
import pg from 'pg'

/** Settings of {@link PostgresBudgetCoordinator.open}. */
export interface PostgresBudgetCoordinatorOptions {
  /**
   * A row in flight longer than this counts as answered at its start + this: a worker killed
   * with SIGKILL never releases its rows. Default 120 s. Keep it above the slowest request, and
   * the same in every process sharing the table.
   */
  staleAfterMs?: number
  /** Told when a release or a clean-up fails; tasks never see those errors. */
  onError?: (error: unknown) => void
  /** Connections of the pool, at most; default 10. */
  maximumConnections?: number
  /** Written in each row's holder column, for debugging; default `pid@host`. */
  holder?: string
}

/** Key of the transaction lock that serialises creating the table (a constant unique to ticketbridge). */
const schemaLockKey = 7_461_726_964_676_502
/** First key of the per-budget admission locks ('tbbg'); the second is hashtext(budget key). Keeps them apart from other advisory locks. */
const admissionLockNamespace = 0x7462_6267
/** How long a task blocked only by requests still in flight waits before looking again, at most. */
const inFlightPollMs = 250
/** Admissions between two clean-ups of rows that count no more. */
const cleanupEvery = 500
/** Rows of budgets this process does not use are deleted only once this old: their windows are unknown here. */
const foreignRowsHorizonMs = 24 * 60 * 60 * 1000
const defaultStaleAfterMs = 120_000

const createTable = `CREATE TABLE IF NOT EXISTS ticketbridge_budget_spend (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, budget_key text NOT NULL, weight integer NOT NULL,
    started_at timestamptz NOT NULL, finished_at timestamptz, holder text NOT NULL);
  CREATE INDEX IF NOT EXISTS ticketbridge_budget_spend_by_key ON ticketbridge_budget_spend (budget_key, finished_at);`

/**
 * One admission attempt, under the budget's lock. A row counts while in flight and for a window
 * from its answer; one in flight past the stale limit counts as answered at start + stale limit.
 * Inserts the task's row when it fits; else says when enough answered rows leave the window
 * (null when rows still in flight block). Parameters: key, window ms, stale ms, weight, limit, holder.
 */
const attemptAdmission = `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS now),
  counted AS (
    SELECT spend.weight, CASE WHEN spend.finished_at IS NOT NULL THEN spend.finished_at
        WHEN spend.started_at <= clock.now - $3::bigint * interval '1 millisecond' THEN spend.started_at + $3::bigint * interval '1 millisecond'
      END AS ended_at
    FROM ticketbridge_budget_spend AS spend CROSS JOIN clock
    WHERE spend.budget_key = $1::text AND (spend.finished_at > clock.now - $2::bigint * interval '1 millisecond'
      OR (spend.finished_at IS NULL AND spend.started_at > clock.now - ($2::bigint + $3::bigint) * interval '1 millisecond'))),
  totals AS (SELECT coalesce(sum(weight), 0)::integer AS used FROM counted),
  leaving AS (SELECT ended_at, sum(weight) OVER (ORDER BY ended_at ROWS UNBOUNDED PRECEDING) AS cumulative FROM counted WHERE ended_at IS NOT NULL),
  admitted AS (
    INSERT INTO ticketbridge_budget_spend (budget_key, weight, started_at, holder)
    SELECT $1::text, $4::integer, clock_timestamp(), $6::text FROM totals WHERE totals.used + $4::integer <= $5::integer
    RETURNING id)
SELECT (SELECT id FROM admitted)::text AS id,
  (SELECT extract(epoch FROM min(leaving.ended_at) + $2::bigint * interval '1 millisecond' - clock.now) * 1000 FROM leaving
    WHERE leaving.cumulative >= totals.used + $4::integer - $5::integer)::float8 AS wait_ms
FROM totals CROSS JOIN clock`

interface AttemptRow {
  /** The admitted row (bigint, as text), or null when the task does not fit yet. */
  id: string | null
  wait_ms: number | null
}

/** What the budget store's connection errors say it is. */
const budgetStore = { store: 'budget store', tables: 'the budget table', option: 'queue' }

/** Throws the ConfigurationError of a budget or weight that cannot work. */
function checkRequest(key: string, budget: RollingWindowBudgetOptions, weight: number): void {
  for (const [name, value] of [
    ['limit', budget.limit],
    ['windowMs', budget.windowMs],
    ['weight', weight],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0)
      throw new ConfigurationError(`Budget ${key}: ${name} must be a whole number above 0, got ${value}.`, { option: 'budgets' })
  }
  if (weight > budget.limit) {
    throw new ConfigurationError(`A task of weight ${weight} can never fit budget ${key} (limit ${budget.limit}).`, { option: 'weight' })
  }
}

/**
 * Spends vendor budgets across processes through a rolling-window log in PostgreSQL: one row per
 * admitted task, counted from its start while in flight and for a window from its answer, by the
 * server's clock. A shared log rather than leases (each worker holding a slice of the budget):
 * it counts exactly as the vendor does, so any number of jobs per tenant proceed together and
 * spend the whole budget between them, and a dead worker's share returns by itself once its rows
 * go stale, with no lease to reclaim. Admissions of one budget are serialised by an advisory
 * transaction lock, which the server frees if a worker dies holding it.
 */
export class PostgresBudgetCoordinator implements SharedBudgetCoordinator {
  // ES private fields: inspecting or logging the coordinator never shows the pool or the address.
  readonly #pool: pg.Pool
  readonly #address: string
  readonly #passwords: readonly string[]
  readonly #staleAfterMs: number
  readonly #holder: string
  readonly #onError: ((error: unknown) => void) | undefined
  /** Releases and clean-ups under way: `close` lets them finish before ending the pool. */
  readonly #pending = new Set<Promise<void>>()
  /** Budget keys this process spends, for the clean-up. */
  readonly #keys = new Set<string>()
  #longestWindowMs = 0
  #admissions = 0
  #closing: Promise<void> | undefined

  private constructor(pool: pg.Pool, address: string, passwords: readonly string[], options: PostgresBudgetCoordinatorOptions) {
    this.#pool = pool
    this.#address = address
    this.#passwords = passwords
    this.#staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs
    this.#holder = options.holder ?? `${process.pid}@${hostname()}`
    this.#onError = options.onError
  }

  /** Connects to the database at `url` and creates the table if missing. */
  static async open(url: string, options: PostgresBudgetCoordinatorOptions = {}): Promise<PostgresBudgetCoordinator> {
    const staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs
    if (!Number.isInteger(staleAfterMs) || staleAfterMs <= 0) {
      throw new ConfigurationError(`staleAfterMs must be a whole number of milliseconds above 0, got ${staleAfterMs}.`, { option: 'staleAfterMs' })
    }
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      // The raw text may hold a password: do not repeat it.
      throw new ConfigurationError('The PostgreSQL queue address is not a URL (postgres://user:password@host:port/database).', { option: 'queue' })
    }
    const passwords = registerPostgresPasswords(parsed)
    const address = describePostgresAddress(parsed)
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maximumConnections ?? 10,
      connectionTimeoutMillis: 15_000,
      application_name: 'ticketbridge',
    })
    // An idle connection the server dropped: the pool discards it and the next query opens another.
    pool.on('error', () => undefined)
    try {
      await inTransaction(pool, async (client) => {
        // Taken before CREATE … IF NOT EXISTS: concurrent creations of one table still collide in the catalog.
        await client.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey])
        await client.query(createTable)
      })
    } catch (error) {
      await pool.end().catch(() => undefined)
      throw ConfigurationError.isInstance(error) ? error : postgresConnectionError(error, { address, passwords }, budgetStore)
    }
    return new PostgresBudgetCoordinator(pool, address, passwords, options)
  }

  async acquire(
    key: string,
    budget: RollingWindowBudgetOptions,
    weight: number,
    options: { signal?: AbortSignal; onWait?: (waitMs: number) => void } = {},
  ): Promise<() => void> {
    checkRequest(key, budget, weight)
    if (this.#closing) throw new ConfigurationError(`The budget store at ${this.#address} is closed.`, { option: 'queue' })
    const { signal } = options
    this.#keys.add(key)
    this.#longestWindowMs = Math.max(this.#longestWindowMs, budget.windowMs)
    for (;;) {
      if (signal?.aborted) throw toAbortError(signal)
      const attempt = await this.#attempt(key, budget, weight)
      if (attempt.id !== null) {
        const release = this.#releaser(attempt.id)
        // Aborted during the last attempt: the task will not run, and its row counts as answered now.
        if (signal?.aborted) {
          release()
          throw toAbortError(signal)
        }
        this.#admitted()
        return release
      }
      // Rows still in flight only leave a window after their answers: look again shortly.
      const waitMs = attempt.wait_ms === null ? Math.min(budget.windowMs, inFlightPollMs) : Math.max(1, Math.ceil(attempt.wait_ms))
      options.onWait?.(waitMs)
      await abortableSleep(waitMs, signal)
    }
  }

  /** Ends the pool once pending releases are written; calling it again waits for the same end. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([...this.#pending])
      await this.#pool.end()
    })()
    return this.#closing
  }

  /** One transaction: the budget's lock, the count, and the row when it fits. */
  async #attempt(key: string, budget: RollingWindowBudgetOptions, weight: number): Promise<AttemptRow> {
    let row: AttemptRow | undefined
    try {
      await inTransaction(this.#pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2::text))', [admissionLockNamespace, key])
        const parameters = [key, budget.windowMs, this.#staleAfterMs, weight, budget.limit, this.#holder]
        row = (await client.query<AttemptRow>(attemptAdmission, parameters)).rows[0]
      })
    } catch (error) {
      // pg's own errors never repeat the address; a refused connection is worded like at open.
      const code = (error as { code?: string }).code
      if (code === '28P01' || code === 'ECONNREFUSED' || code === 'ENOTFOUND')
        throw postgresConnectionError(error, { address: this.#address, passwords: this.#passwords }, budgetStore)
      throw error
    }
    if (!row) throw new Error(`The budget store at ${this.#address} returned no row for an admission of ${key}.`)
    return row
  }

  /** The release of row `id`: marks it answered by the server's clock, once; failures go to onError. */
  #releaser(id: string): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.#track(this.#pool.query('UPDATE ticketbridge_budget_spend SET finished_at = clock_timestamp() WHERE id = $1::bigint', [id]))
    }
  }

  /** Counts an admission; on the first and every `cleanupEvery`-th, deletes rows that count no more. */
  #admitted(): void {
    if (this.#admissions++ % cleanupEvery !== 0) return
    const horizonMs = this.#longestWindowMs + this.#staleAfterMs
    this.#track(
      this.#pool.query(
        `DELETE FROM ticketbridge_budget_spend
          WHERE coalesce(finished_at, started_at) < clock_timestamp() - $2::bigint * interval '1 millisecond'
            AND (budget_key = ANY($1::text[]) OR coalesce(finished_at, started_at) < clock_timestamp() - $3::bigint * interval '1 millisecond')`,
        [[...this.#keys], horizonMs, Math.max(horizonMs, foreignRowsHorizonMs)],
      ),
    )
  }

  /** Keeps a background query until it settles and reports its failure; never throws into a task. */
  #track(query: Promise<unknown>): void {
    const settled = query.then(
      () => undefined,
      (error: unknown) => {
        try {
          this.#onError?.(error)
        } catch {
          // A failing hook must not turn into an unhandled rejection.
        }
      },
    )
    this.#pending.add(settled)
    void settled.finally(() => this.#pending.delete(settled))
  }
}

/** Runs `work` in one transaction on a pooled client; a broken connection does not go back to the pool. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await work(client)
    await client.query('COMMIT')
    client.release()
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    client.release(error instanceof Error ? error : true)
    throw error
  }
}
