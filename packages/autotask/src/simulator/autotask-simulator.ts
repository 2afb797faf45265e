import { http, type RequestHandler } from 'msw'
import { autotaskEntityModel } from '../spec/autotask-spec-index'
import type { AutotaskSpecViolation } from '../spec/check-autotask-request'
import { authenticateAutotaskRequest, type AutotaskCaller, type AutotaskSimulatorCredentials } from './autotask-auth'
import type { AutotaskWriteActor } from './autotask-entity-rules'
import { createAutotaskFaultQueue, playFault, type AutotaskSimulatorFaults } from './autotask-faults'
import type { AutotaskHandlerContext } from './autotask-handler-context'
import { answerDelete, answerGetItem, answerWrite } from './autotask-item-handlers'
import { answerMetadata, type AutotaskThresholdInformation } from './autotask-metadata-handlers'
import { answerQuery } from './autotask-query-handlers'
import { AutotaskAttachmentBudget, AutotaskRequestLimits } from './autotask-request-limits'
import { autotaskErrors, autotaskJson } from './autotask-responses'
import { createSeededRandom } from './autotask-seeded-random'
import { seedAutotaskDirectory, seedAutotaskTickets, seedMarkedTickets } from './autotask-seed'
import { apiUserResourceId, resolveAutotaskSimulatorSettings, type AutotaskSimulatorOptions } from './autotask-simulator-options'
import { type RecordedRequest, serveHandlers, type ServeHandlersOptions } from '@ticketbridge/testkit/servers'

/** A request the served simulator received. */
export type AutotaskServedRequest = RecordedRequest
/** Options of `serve()`: the port on 127.0.0.1 and whether to keep a request log. */
export type AutotaskServeOptions = ServeHandlersOptions
import { AutotaskSimulatorState } from './autotask-simulator-state'
import { inspectAutotaskRequest, refuseAutotaskRequest } from './autotask-spec-enforcement'
import { answerZoneInformation, type AutotaskZoneInformation } from './autotask-zone'

/** The simulator served on 127.0.0.1. */
export interface AutotaskServedSimulator {
  /** Origin of the server, such as `http://127.0.0.1:40123`. */
  readonly url: string
  /** The REST base zone discovery points to: `url + '/ATServicesRest/'` (clients append `V1.0/`). */
  readonly zoneUrl: string
  /** Where to discover the zone: `url + '/ATServicesRest/V1.0/ZoneInformation'` (add `?user=`). */
  readonly zoneDiscoveryUrl: string
  readonly port: number
  /** Requests served so far, oldest first. */
  readonly requests: AutotaskServedRequest[]
  close(): Promise<void>
}

/** A stateful fake of the Autotask REST API. */
export interface AutotaskSimulator {
  /** msw handlers answering any origin (`*\/ATServicesRest/...`), for in-process interception. */
  readonly handlers: RequestHandler[]
  /** Serves the handlers on 127.0.0.1. */
  serve(options?: AutotaskServeOptions): Promise<AutotaskServedSimulator>
  /** The simulated tenant's data (replaced by `reset()`). */
  readonly state: AutotaskSimulatorState
  /** Faults to play on the next requests (the conformance suite's vocabulary). */
  readonly faults: AutotaskSimulatorFaults
  /** Credentials of the main API user. */
  readonly credentials: AutotaskSimulatorCredentials
  /** Seeds `count` tickets titled `${marker} 1..count` directly in the store. */
  seedTickets(count: number, marker: string): Promise<void>
  /** Every departure from the vendor spec seen so far (refused or not). */
  readonly specViolations: AutotaskSpecViolation[]
  /** Back to the seeded tenant: data, faults, violations, counted requests. */
  reset(): void
  /** What `GET /V1.0/ThresholdInformation` would answer now (without counting a request). */
  thresholdInformation(): AutotaskThresholdInformation
}

const writeMethods = new Set(['POST', 'PATCH', 'PUT'])

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

  const zoneInformation = (origin: string): AutotaskZoneInformation => ({
    zoneName: 'Simulator (127.0.0.1)',
    url: settings.zoneUrl ?? `${origin}/ATServicesRest/`,
    webUrl: `${origin}/`,
    ci: settings.databaseId,
  })

  const thresholdInformation = (): AutotaskThresholdInformation => ({
    externalRequestThreshold: settings.hourlyLimit,
    requestThresholdTimeframe: 60,
    currentTimeframeRequestCount: limits.currentCount(),
  })

  const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve())

  const impersonate = (headers: Headers, caller: AutotaskCaller): { ok: true; actor: AutotaskWriteActor } | { ok: false; response: Response } => {
    const base = { apiUserResourceId: caller.user.resourceId, now: settings.clock.now() }
    const raw = headers.get('impersonationresourceid')
    if (raw === null || raw.trim() === '') return { ok: true, actor: { ...base, resourceId: caller.user.resourceId, impersonating: false } }
    const resource = /^\d+$/.test(raw.trim()) ? state.get('Resources', Number(raw.trim())) : undefined
    if (!resource || resource.isActive !== true || resource.licenseType === 7) {
      return {
        ok: false,
        response: autotaskErrors(403, [
          `Impersonation failed: resource ${raw} does not exist, is inactive, or does not have the adequate permissions to be impersonated.`,
        ]),
      }
    }
    return { ok: true, actor: { ...base, resourceId: resource.id, impersonating: true } }
  }

  const dispatch = (context: AutotaskHandlerContext): Response => {
    const { kind, entity } = context.route.spec
    switch (kind) {
      case 'threshold':
        return autotaskJson(thresholdInformation())
      case 'apiVersions':
      case 'version':
      case 'modules':
      case 'entityInformationAll':
      case 'entityInformation':
      case 'fields':
      case 'userDefinedFields':
      case 'childEntityInformation':
      case 'childFields':
      case 'childUserDefinedFields':
        return entity && !autotaskEntityModel(entity) ? notSimulated(context) : answerMetadata(context)
      default:
        break
    }
    if (!entity || !autotaskEntityModel(entity) || kind === 'other') return notSimulated(context)
    if (kind === 'query' || kind === 'count' || kind === 'next' || (kind === 'childCollection' && context.method === 'GET')) return answerQuery(context)
    if ((kind === 'collection' || kind === 'childCollection') && writeMethods.has(context.method)) return answerWrite(context)
    if ((kind === 'item' || kind === 'childItem') && context.method === 'GET') return answerGetItem(context)
    if ((kind === 'item' || kind === 'childItem') && context.method === 'DELETE') return answerDelete(context)
    return notSimulated(context)
  }

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    const fault = faults.take()
    if (fault) {
      const answer = await playFault(fault)
      if (answer) return answer
    }
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text()
    let body: unknown
    let unreadableBody = false
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        unreadableBody = true
      }
    }
    const inspected = inspectAutotaskRequest({ url, method, body, userDefinedFields: (entity) => state.userDefinedFieldsOf(entity).map((field) => field.name) })
    specViolations.push(...inspected.violations)
    const routing = refuseAutotaskRequest(inspected, { url, method, strict: false })
    if (routing || !inspected.route) return routing!
    const route = inspected.route

    if (route.spec.kind === 'zone') {
      await sleep(settings.latencyMs)
      return answerZoneInformation(
        url,
        settings.users.map((user) => user.username),
        zoneInformation,
      )
    }
    const authentication = authenticateAutotaskRequest(request.headers, settings.users, [settings.credentials.integrationCode])
    if (!authentication.ok) {
      await sleep(settings.latencyMs)
      return authentication.response
    }
    const caller = authentication.caller
    if (!limits.admit()) {
      await sleep(settings.latencyMs)
      return autotaskErrors(settings.thresholdExceededStatus, [
        `The API request threshold of ${settings.hourlyLimit} requests per 60 minutes has been exceeded for this database; API access is suspended until the rolling hour drops below the threshold.`,
      ])
    }
    const endpoint = route.spec.entity ?? route.template.split('/').at(-1) ?? route.template
    const threadKey = `${caller.integrationCode}\u0000${endpoint.toLowerCase()}`
    if (!limits.acquire(threadKey)) {
      await sleep(settings.latencyMs)
      return autotaskErrors(settings.threadLimitStatus, [
        `Thread threshold of ${settings.concurrencyLimitPerEndpoint} threads has been exceeded for the ${endpoint} endpoint. Error code: Itgenatr005`,
      ])
    }
    try {
      await sleep(settings.latencyMs + limits.usageLatencyMs())
      const refusal = refuseAutotaskRequest(inspected, { url, method, strict: settings.strictSpec })
      if (refusal) return refusal
      if (unreadableBody) return autotaskErrors(500, ['The request body is not valid JSON.'])
      const isWrite = (route.spec.kind === 'collection' || route.spec.kind === 'childCollection') ? writeMethods.has(method) : method === 'DELETE'
      if (isWrite && caller.user.access !== 'full') {
        return autotaskErrors(403, [`The logged in user does not have the adequate permissions to ${method === 'DELETE' ? 'delete' : 'write'} ${route.spec.entity ?? 'this entity'}.`])
      }
      const impersonation = impersonate(request.headers, caller)
      if (!impersonation.ok) return impersonation.response
      return dispatch({ url, method, route, body, state, settings, caller, actor: impersonation.actor, attachmentBudget })
    } finally {
      limits.release(threadKey)
    }
  }

  const handlers: RequestHandler[] = [http.all(/\/ATServicesRest(?:\/|$)/i, ({ request }) => handle(request))]

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

function notSimulated(context: AutotaskHandlerContext): Response {
  return autotaskErrors(501, [`The Autotask simulator does not implement ${context.method} ${context.route.template}.`])
}

export { apiUserResourceId }
