import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHaloAdapter, type HaloAdapter } from '@ticketbridge/halo'
import { createHaloSimulator, type HaloServedSimulator } from '@ticketbridge/halo/simulator'
import { releaseSharedRateLimiter, type TransportRateLimitEvent } from '@ticketbridge/http'
import { createMemoryAdapter } from '@ticketbridge/memory'
import { createMigration } from '@ticketbridge/migrate'
import { describe, expect, it } from 'vitest'
import { seedHelpDesk } from '../demo/seed-help-desk'

/** The instance's enforced budget, short so the test spans several windows in a few seconds. */
const budget = { requests: 30, windowMs: 1_000 }

interface Outcome {
  /** 429s the simulator answered (the transport reports each as a server throttle). */
  serverThrottles: number
  /** Times our limiter held a request back for the budget. */
  limiterWaits: number
  verified: boolean[]
  /** Records the migrations could not move (the control's 429s can exhaust retries). */
  failures: number
  requests: number
}

/**
 * One Halo instance is the source of one migration and the target of another, running at the same
 * time in one process, as when a help desk is pulled out of Halo while another is moved in. The
 * adapters are built separately from the same settings, as the CLI builds `--from` and `--to`:
 * they must still spend one budget, so the instance never answers 429.
 */
async function migrateBothWays(options: { shareBudget: boolean }): Promise<Outcome> {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-shared-budget-'))
  const simulator = createHaloSimulator({ seed: 0, rateLimit: { limit: budget.requests, windowMs: budget.windowMs } })
  await simulator.seedTickets(14, 'Outgoing ticket')
  const served: HaloServedSimulator = await simulator.serve()
  const events: TransportRateLimitEvent[] = []
  const keys: string[] = []
  const haloAdapter = (role: string): HaloAdapter => {
    // Without a key the client derives one from the instance and budget; a distinct key per
    // adapter is the control: two budgets for one instance.
    const key = options.shareBudget ? undefined : `halo:shared-budget-control:${role}:${Math.random()}`
    if (key) keys.push(key)
    return createHaloAdapter({
      resourceUrl: served.resourceUrl,
      authUrl: served.authUrl,
      clientId: simulator.credentials.clientId,
      clientSecret: simulator.credentials.clientSecret,
      ...(simulator.credentials.tenant ? { tenant: simulator.credentials.tenant } : {}),
      rateLimit: { ...budget, ...(key ? { key } : {}) },
      onRateLimit: (event) => events.push(event),
    })
  }
  const outgoingSource = haloAdapter('source')
  const incomingTarget = haloAdapter('target')
  const memorySource = createMemoryAdapter({ vendor: 'memory-source' })
  const memoryTarget = createMemoryAdapter({ vendor: 'memory-target' })
  try {
    await seedHelpDesk(memorySource, 8, 5)
    const outgoing = createMigration({ source: outgoingSource, target: memoryTarget, ledger: join(folder, 'outgoing.sqlite') })
    const incoming = createMigration({ source: memorySource, target: incomingTarget, ledger: join(folder, 'incoming.sqlite') })
    try {
      // The control's 429s can exhaust the retries and stop a run: counted, not thrown.
      const runs = await Promise.allSettled([outgoing.run(), incoming.run()])
      const reports = runs.flatMap((run) => (run.status === 'fulfilled' ? [run.value] : []))
      const stopped = runs.length - reports.length
      const verified = stopped === 0 ? [(await outgoing.verify()).passed, (await incoming.verify()).passed] : [false, false]
      return {
        serverThrottles: events.filter((event) => event.source === 'response').length,
        limiterWaits: events.filter((event) => event.source === 'limiter').length,
        verified,
        failures: stopped + reports.reduce((sum, report) => sum + report.failures.length, 0),
        requests: served.requests.filter((request) => request.url.includes('/api/')).length,
      }
    } finally {
      await outgoing.close()
      await incoming.close()
    }
  } finally {
    await Promise.all([outgoingSource.close(), incomingTarget.close(), memorySource.close(), memoryTarget.close()])
    await served.close()
    for (const key of keys) releaseSharedRateLimiter(key)
    rmSync(folder, { recursive: true, force: true })
  }
}

describe('one rate-limit budget per vendor instance', () => {
  it('paces a source and a target of one Halo instance together, so the instance never answers 429', async () => {
    const shared = await migrateBothWays({ shareBudget: true })
    expect(shared.failures).toBe(0)
    expect(shared.verified).toEqual([true, true])
    // The two migrations needed several windows' worth of requests: the budget was really spent.
    expect(shared.requests).toBeGreaterThan(budget.requests * 2)
    expect(shared.limiterWaits).toBeGreaterThan(0)
    expect(shared.serverThrottles).toBe(0)
  }, 120_000)

  it('control: two budgets for one instance overrun it and are answered 429', async () => {
    const separate = await migrateBothWays({ shareBudget: false })
    expect(separate.serverThrottles).toBeGreaterThan(0)
  }, 120_000)
})
