import type { RunningSimulator, SimulatorStartOptions } from '@ticketbridge/http'
import { createAutotaskAdapter } from '../adapter/autotask-adapter'
import { type AutotaskSimulator, createAutotaskSimulator } from '../simulator/autotask-simulator'
import { autotaskAdapterSettingsOf } from './autotask-connector-settings'

/** The hourly limit of a simulator started without a budget: out of reach, so demos and request counts never wait. */
const unreachableHourlyLimit = 10_000_000

/** Autotask requires a phone on every company; the one the migration writes on a simulator. */
const simulatorOrganizationPhone = '555-0100'

let simulatorsStarted = 0

/**
 * Starts the Autotask simulator on 127.0.0.1. With a budget, it enforces it as Autotask does: its
 * threshold is per rolling hour, so its clock runs `3 600 000 / windowMs` times faster (its hour
 * lasts `windowMs`, and its usage latency, 0.5 s from half and 1 s from three quarters of the
 * threshold, is scaled down by the same factor) with `hourlyLimit: requests`; `connect` gives the
 * adapter `requests` over `windowMs`, and caps the client's 60 s pause after a threshold refusal
 * to the window. Without one, the limits are out of reach.
 */
export async function startAutotaskSimulator(options: SimulatorStartOptions = {}): Promise<RunningSimulator<AutotaskSimulator>> {
  const { budget } = options
  const startedAt = Date.now()
  const speedUp = budget ? 3_600_000 / budget.windowMs : 1
  const hourlyLimit = budget ? budget.requests : unreachableHourlyLimit
  const simulator = createAutotaskSimulator({
    seed: options.seedTickets ?? 0,
    hourlyLimit,
    usageLatencyScale: budget ? 1 / speedUp : 0,
    ...(budget ? { clock: { now: () => startedAt + (Date.now() - startedAt) * speedUp } } : {}),
  })
  const served = await simulator.serve({ ...(options.port !== undefined ? { port: options.port } : {}), record: options.record ?? false })
  const settings: Record<string, string> = {
    ...simulator.credentials,
    zoneDiscoveryUrl: served.zoneDiscoveryUrl,
    hourlyRequestLimit: String(hourlyLimit),
    ...(budget ? { hourlyWindowMs: String(budget.windowMs) } : {}),
    organizationPhone: simulatorOrganizationPhone,
  }
  // One key for every adapter `connect` builds: Autotask counts per database, and so does the simulator.
  const rateLimitKey = `autotask-simulator-${++simulatorsStarted}-${served.port}`
  return {
    url: served.url,
    settings,
    simulator,
    connect({ throughProxy, ...adapterOptions } = {}) {
      const base = autotaskAdapterSettingsOf(settings, adapterOptions)
      return createAutotaskAdapter({
        ...base,
        // Through a proxy, the zone is given instead of discovered: discovery would point at the simulator itself.
        ...(throughProxy ? { zoneUrl: throughProxy(served.zoneUrl) } : {}),
        rateLimitKey,
        // Without a budget the hourly count has nothing to learn, and a background resync would take a fault meant for a test's request.
        ...(budget ? {} : { thresholdResyncIntervalMs: 0 }),
        // After a threshold refusal the client pauses 60 s, a sixtieth of Autotask's hour; capped to the shortened window here.
        ...(budget ? { retry: { maximumRetryAfterMs: budget.windowMs, ...base.retry } } : {}),
      })
    },
    requestCount: () => served.requests.length,
    close: () => served.close(),
  }
}
