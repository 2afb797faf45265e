import { randomUUID } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { AbortError, ConfigurationError } from '@ticketbridge/core'
import { HaloClient } from '@ticketbridge/halo'
import { createHaloSimulator } from '@ticketbridge/halo/simulator'
import { coordinateSharedBudgets, releaseSharedRateLimiter, type TransportRateLimitEvent } from '@ticketbridge/http'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PostgresBudgetCoordinator } from './postgres-budget-coordinator'

const databaseUrl = process.env.DATABASE_URL ?? ''
/** Every key of this file starts so; each test's rows are deleted after it. */
const keyPrefix = `test:budget:${randomUUID()}`

interface SpendRow {
  startedMs: number
  finishedMs: number | null
}

/** The largest number of tasks counted at one moment, each from its start to a window after its answer (server times). */
function busiestMoment(rows: readonly SpendRow[], windowMs: number): number {
  const changes: [number, number][] = []
  for (const row of rows) changes.push([row.startedMs, 1], [(row.finishedMs ?? Number.POSITIVE_INFINITY) + windowMs, -1])
  // Half-open [start, answer + window): at one instant a leaving task goes before an arriving one.
  changes.sort((left, right) => left[0] - right[0] || left[1] - right[1])
  let current = 0
  let busiest = 0
  for (const [, change] of changes) busiest = Math.max(busiest, (current += change))
  return busiest
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!databaseUrl)('PostgresBudgetCoordinator (set DATABASE_URL, .ci/start-postgres, to run)', () => {
  let inspector: pg.Pool
  const opened: PostgresBudgetCoordinator[] = []
  /** Failed releases and clean-ups: none expected. */
  const backgroundErrors: unknown[] = []

  /** A coordinator with its own pool, as a separate worker process would have. */
  async function openCoordinator(options: Parameters<typeof PostgresBudgetCoordinator.open>[1] = {}): Promise<PostgresBudgetCoordinator> {
    const coordinator = await PostgresBudgetCoordinator.open(databaseUrl, { onError: (error) => backgroundErrors.push(error), ...options })
    opened.push(coordinator)
    return coordinator
  }

  async function spendRows(key: string): Promise<SpendRow[]> {
    const { rows } = await inspector.query<{ started_ms: number; finished_ms: number | null }>(
      `SELECT (extract(epoch FROM started_at) * 1000)::float8 AS started_ms, (extract(epoch FROM finished_at) * 1000)::float8 AS finished_ms
         FROM ticketbridge_budget_spend WHERE budget_key = $1 ORDER BY started_at`,
      [key],
    )
    return rows.map((row) => ({ startedMs: row.started_ms, finishedMs: row.finished_ms }))
  }

  beforeAll(async () => {
    inspector = new pg.Pool({ connectionString: databaseUrl, max: 2 })
    // Creates the table the inspector reads, as any worker would.
    await (await openCoordinator()).close()
  })

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((coordinator) => coordinator.close()))
    await inspector.query('DELETE FROM ticketbridge_budget_spend WHERE starts_with(budget_key, $1)', [keyPrefix])
    expect(backgroundErrors.splice(0)).toEqual([])
  })

  afterAll(async () => {
    await inspector?.end()
  })

  it('keeps three processes hammering one budget within it in every window, near its full rate', async () => {
    const key = `${keyPrefix}:hammer`
    const budget = { name: 'rolling-window', limit: 20, windowMs: 1_000 }
    const coordinators = await Promise.all([openCoordinator(), openCoordinator(), openCoordinator()])
    const stop = new AbortController()
    // Twelve loops wait on this one signal at once.
    setMaxListeners(24, stop.signal)
    const began = performance.now()
    setTimeout(() => stop.abort(), 3_000)
    const loop = async (coordinator: PostgresBudgetCoordinator): Promise<void> => {
      while (!stop.signal.aborted) {
        let release: () => void
        try {
          release = await coordinator.acquire(key, budget, 1, { signal: stop.signal })
        } catch (error) {
          if (AbortError.isInstance(error)) return
          throw error
        }
        await sleep(10 + Math.random() * 30)
        release()
      }
    }
    await Promise.all(coordinators.flatMap((coordinator) => [1, 2, 3, 4].map(() => loop(coordinator))))
    const hammeredMs = performance.now() - began
    // Closing writes the last releases.
    await Promise.all(coordinators.map((coordinator) => coordinator.close()))

    const rows = await spendRows(key)
    expect(rows.every((row) => row.finishedMs !== null)).toBe(true)
    expect(busiestMoment(rows, budget.windowMs)).toBeLessThanOrEqual(budget.limit)
    // The vendor counts the last tasks until a window after their answers: the span the rate is spent over.
    const spanMs = Math.max(...rows.map((row) => (row.finishedMs as number) + budget.windowMs)) - Math.min(...rows.map((row) => row.startedMs))
    const share = (rows.length / spanMs) * (budget.windowMs / budget.limit)
    console.info(
      `hammer: ${rows.length} tasks in ${Math.round(hammeredMs)} ms of work, ${Math.round(spanMs)} ms counted; ${(share * 100).toFixed(1)}% of ${budget.limit}/s`,
    )
    expect(share).toBeGreaterThanOrEqual(0.7)
  }, 30_000)

  describe('three Halo clients of one instance, each its own process', () => {
    const budget = { requests: 30, windowMs: 1_000 }

    /** Reads 60 tickets through each of three clients at once; returns the 429s the simulator answered. */
    async function readFromThreeProcesses(coordinated: boolean): Promise<{ serverThrottles: number; budgetWaits: number; failures: number }> {
      const simulator = createHaloSimulator({ seed: 0, rateLimit: { limit: budget.requests, windowMs: budget.windowMs } })
      await simulator.seedTickets(10, 'Coordinated ticket')
      const ticketIds = simulator.state.tickets.all().map((row) => Number(row.id))
      const served = await simulator.serve()
      const key = `${keyPrefix}:halo:${randomUUID()}`
      const events: TransportRateLimitEvent[] = []
      const clients: HaloClient[] = []
      try {
        for (let index = 0; index < 3; index++) {
          // Each worker's registry holds its own limiter for the instance, and its own coordinator.
          releaseSharedRateLimiter(key)
          coordinateSharedBudgets(coordinated ? await openCoordinator() : undefined)
          clients.push(
            new HaloClient({
              resourceUrl: served.resourceUrl,
              authUrl: served.authUrl,
              clientId: simulator.credentials.clientId,
              clientSecret: simulator.credentials.clientSecret,
              ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
              rateLimit: { ...budget, key },
              onRateLimit: (event) => events.push(event),
            }),
          )
        }
        coordinateSharedBudgets(undefined)
        releaseSharedRateLimiter(key)
        const reads = clients.flatMap((client) =>
          Array.from({ length: 60 }, (_, index) => client.tickets.get(ticketIds[index % ticketIds.length] as number)),
        )
        const settled = await Promise.allSettled(reads)
        return {
          serverThrottles: events.filter((event) => event.source === 'response').length,
          budgetWaits: events.filter((event) => event.source === 'limiter' && event.reason === 'budget').length,
          failures: settled.filter((outcome) => outcome.status === 'rejected').length,
        }
      } finally {
        coordinateSharedBudgets(undefined)
        releaseSharedRateLimiter(key)
        await Promise.all(clients.map((client) => client.close()))
        await served.close()
      }
    }

    it('together never overrun the instance: zero 429s', async () => {
      const began = performance.now()
      const outcome = await readFromThreeProcesses(true)
      console.info(`coordinated Halo reads: 180 in ${Math.round(performance.now() - began)} ms, ${outcome.budgetWaits} budget waits`)
      expect(outcome.failures).toBe(0)
      expect(outcome.serverThrottles).toBe(0)
      expect(outcome.budgetWaits).toBeGreaterThan(0)
    }, 60_000)

    it('control: uncoordinated, they are answered 429', async () => {
      const outcome = await readFromThreeProcesses(false)
      expect(outcome.serverThrottles).toBeGreaterThan(0)
    }, 60_000)
  })

  it("stops counting a killed worker's row after the stale limit", async () => {
    const key = `${keyPrefix}:stale`
    const budget = { name: 'rolling-window', limit: 1, windowMs: 200 }
    const killed = await openCoordinator({ staleAfterMs: 400 })
    // Admitted and never released, as by a worker killed with SIGKILL.
    await killed.acquire(key, budget, 1)
    const survivor = await openCoordinator({ staleAfterMs: 400 })
    const waits: number[] = []
    const began = performance.now()
    const release = await survivor.acquire(key, budget, 1, { onWait: (waitMs) => waits.push(waitMs) })
    const waitedMs = performance.now() - began
    release()
    // The stale row counts until its start + stale limit + a window: about 600 ms.
    expect(waitedMs).toBeGreaterThanOrEqual(450)
    expect(waitedMs).toBeLessThan(2_000)
    expect(waits.length).toBeGreaterThan(0)
  }, 10_000)

  it('rejects a wait with AbortError when its signal fires, and a weight above the limit with ConfigurationError', async () => {
    const key = `${keyPrefix}:abort`
    const budget = { name: 'rolling-window', limit: 1, windowMs: 60_000 }
    const coordinator = await openCoordinator()
    ;(await coordinator.acquire(key, budget, 1))()
    const waiting = coordinator.acquire(key, budget, 1, { signal: AbortSignal.timeout(300) })
    await expect(waiting).rejects.toSatisfy((error) => AbortError.isInstance(error))
    expect((await spendRows(key)).length).toBe(1)
    await expect(coordinator.acquire(key, budget, 2)).rejects.toSatisfy((error) => ConfigurationError.isInstance(error))
  })

  it('deletes rows that count no more now and then', async () => {
    const key = `${keyPrefix}:cleanup`
    await inspector.query(
      `INSERT INTO ticketbridge_budget_spend (budget_key, weight, started_at, finished_at, holder)
       VALUES ($1, 1, now() - interval '1 hour', now() - interval '1 hour', 'old'), ($1, 1, now() - interval '1 hour', NULL, 'killed')`,
      [key],
    )
    const coordinator = await openCoordinator({ staleAfterMs: 1_000 })
    ;(await coordinator.acquire(key, { name: 'rolling-window', limit: 5, windowMs: 1_000 }, 1))()
    await coordinator.close()
    expect((await spendRows(key)).length).toBe(1)
  })

  it('refuses a wrong password with ConfigurationError that does not repeat it', async () => {
    const url = new URL(databaseUrl)
    const wrongPassword = `wrong-${randomUUID()}`
    url.password = wrongPassword
    const opening = PostgresBudgetCoordinator.open(url.toString())
    const error = await opening.catch((caught: unknown) => caught)
    expect(ConfigurationError.isInstance(error)).toBe(true)
    const { message, option } = error as ConfigurationError
    expect(option).toBe('queue')
    expect(message).not.toContain(wrongPassword)
    expect(message).toContain(url.hostname)
  })
})
