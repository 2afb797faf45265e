import { http, type RequestHandler } from 'msw'
import {
  type RecordedRequest,
  type ServedVendorSimulator,
  serveHandlers,
  type ServeHandlersOptions,
  type VendorSimulator,
} from '@ticketbridge/testkit/servers'
import type { AutotaskSpecViolation } from '../spec/check-autotask-request'
import type { AutotaskSimulatorCredentials } from './autotask-auth'
import { createAutotaskFaultQueue, type AutotaskSimulatorFaults } from './autotask-faults'
import type { AutotaskThresholdInformation } from './autotask-metadata-handlers'
import { answerAutotaskRequest, type AutotaskSimulatorRuntime } from './autotask-request-handler'
import { AutotaskAttachmentBudget, AutotaskRequestLimits } from './autotask-request-limits'
import { createSeededRandom } from '@ticketbridge/testkit/servers'
import { seedAutotaskDirectory } from './autotask-seed-directory'
import { seedAutotaskTickets, seedMarkedTickets } from './autotask-seed-tickets'
import { resolveAutotaskSimulatorSettings, type AutotaskSimulatorOptions } from './autotask-simulator-options'
import { AutotaskSimulatorState } from './autotask-simulator-state'

/** A request the served simulator received. */
export type AutotaskServedRequest = RecordedRequest
/** Options of `serve()`: the port on 127.0.0.1 and whether to keep a request log. */
export type AutotaskServeOptions = ServeHandlersOptions

/** The simulator served on 127.0.0.1. */
export interface AutotaskServedSimulator extends ServedVendorSimulator {
  /** The REST base zone discovery points to: `url + '/ATServicesRest/'` (clients append `V1.0/`). */
  readonly zoneUrl: string
  /** Where to discover the zone: `url + '/ATServicesRest/V1.0/ZoneInformation'` (add `?user=`). */
  readonly zoneDiscoveryUrl: string
}

/** A stateful fake of the Autotask REST API; its state is replaced by `reset()`. */
export interface AutotaskSimulator
  extends VendorSimulator<AutotaskServedSimulator, AutotaskSimulatorState, AutotaskSimulatorFaults, AutotaskSimulatorCredentials> {
  /** Every departure from the vendor spec seen so far (refused or not). */
  readonly specViolations: AutotaskSpecViolation[]
  /** Back to the seeded tenant: data, faults, violations, counted requests. */
  reset(): void
  /** What `GET /V1.0/ThresholdInformation` would answer now (without counting a request). */
  thresholdInformation(): AutotaskThresholdInformation
}

/**
 * Creates an Autotask REST API simulator: the vendor's paths (from its Swagger document),
 * bodies, status codes and quirks as shared/reference/autotask.md describes them: zone
 * discovery, header credentials with Autotask's odd statuses, the query API with every operator
 * and 500-row id-ordered pages, child routes, HTTP 500 `{"errors": [...]}` validation, metadata
 * with picklists and UDFs, the rolling-hour threshold with usage latency, and per-endpoint
 * thread limits. Every request is checked against the spec (see `strictSpec`).
 */
export function createAutotaskSimulator(options: AutotaskSimulatorOptions = {}): AutotaskSimulator {
  const settings = resolveAutotaskSimulatorSettings(options)
  const faults = createAutotaskFaultQueue()
  const specViolations: AutotaskSpecViolation[] = []
  const limits = new AutotaskRequestLimits({
    hourlyLimit: settings.hourlyLimit,
    windowMs: 60 * 60 * 1000,
    concurrencyLimitPerEndpoint: settings.concurrencyLimitPerEndpoint,
    usageLatency: settings.usageLatency,
    clock: settings.clock,
  })
  const attachmentBudget = new AutotaskAttachmentBudget({
    maximumFileBytes: settings.attachmentSizeLimitBytes,
    maximumBytesPerWindow: settings.attachmentBytesPerFiveMinutes,
    windowMs: 5 * 60 * 1000,
    clock: settings.clock,
  })

  const buildState = (): AutotaskSimulatorState => {
    const state = new AutotaskSimulatorState()
    const random = createSeededRandom(settings.randomSeed)
    const now = settings.clock.now()
    seedAutotaskDirectory(state, { random, now, apiUsername: settings.credentials.username })
    if (settings.seed > 0) seedAutotaskTickets(state, { count: settings.seed, random, now })
    return state
  }
  let state = buildState()

  const thresholdInformation = (): AutotaskThresholdInformation => ({
    externalRequestThreshold: settings.hourlyLimit,
    requestThresholdTimeframe: 60,
    currentTimeframeRequestCount: limits.currentCount(),
  })
  const runtime: AutotaskSimulatorRuntime = {
    settings,
    faults,
    specViolations,
    limits,
    attachmentBudget,
    state: () => state,
    zoneInformation: (origin) => ({
      zoneName: 'Simulator (127.0.0.1)',
      url: settings.zoneUrl ?? `${origin}/ATServicesRest/`,
      webUrl: `${origin}/`,
      ci: settings.databaseId,
    }),
    thresholdInformation,
  }
  const handlers: RequestHandler[] = [http.all(/\/ATServicesRest(?:\/|$)/i, ({ request }) => answerAutotaskRequest(runtime, request))]

  return {
    handlers,
    async serve(serveOptions) {
      const served = await serveHandlers(handlers, serveOptions)
      return {
        url: served.url,
        zoneUrl: settings.zoneUrl ?? `${served.url}/ATServicesRest/`,
        zoneDiscoveryUrl: `${served.url}/ATServicesRest/V1.0/ZoneInformation`,
        port: served.port,
        requests: served.requests,
        close: () => served.close(),
      }
    },
    get state() {
      return state
    },
    faults,
    credentials: settings.credentials,
    seedTickets(count, marker) {
      seedMarkedTickets(state, { count, marker, now: settings.clock.now(), randomSeed: settings.randomSeed + state.count('Tickets') })
      return Promise.resolve()
    },
    specViolations,
    reset() {
      state = buildState()
      faults.clear()
      specViolations.length = 0
      limits.reset()
      attachmentBudget.reset()
    },
    thresholdInformation,
  }
}
