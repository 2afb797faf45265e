import type { AutotaskSpecViolation } from '../spec/check-autotask-request'
import { authenticateAutotaskRequest, type AutotaskCaller } from './autotask-auth'
import { dispatchAutotaskRoute, writeMethods } from './autotask-dispatch'
import type { AutotaskWriteActor } from './autotask-entity-rules'
import { type AutotaskFaultQueue, playFault } from './autotask-faults'
import type { AutotaskThresholdInformation } from './autotask-metadata-handlers'
import type { AutotaskAttachmentBudget, AutotaskRequestLimits } from './autotask-request-limits'
import { autotaskErrors } from './autotask-responses'
import type { AutotaskSimulatorSettings } from './autotask-simulator-options'
import type { AutotaskSimulatorState } from './autotask-simulator-state'
import { type AutotaskInspectedRequest, inspectAutotaskRequest, refuseAutotaskRequest } from './autotask-spec-enforcement'
import { answerZoneInformation, type AutotaskZoneInformation } from './autotask-zone'

/** What a request goes through in one simulator. */
export interface AutotaskSimulatorRuntime {
  settings: AutotaskSimulatorSettings
  faults: AutotaskFaultQueue
  specViolations: AutotaskSpecViolation[]
  limits: AutotaskRequestLimits
  attachmentBudget: AutotaskAttachmentBudget
  /** The tenant now: read at each use, since `reset()` replaces it (even while a request waits). */
  state(): AutotaskSimulatorState
  zoneInformation(origin: string): AutotaskZoneInformation
  thresholdInformation(): AutotaskThresholdInformation
}

/** A request as far as it has been read: where it goes, its body, and the spec's verdict. */
interface ReadRequest {
  request: Request
  url: URL
  method: string
  body: unknown
  unreadableBody: boolean
  inspected: AutotaskInspectedRequest
}

const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve())

/**
 * Answers one request as Autotask would: injected faults first, then the spec check, zone
 * discovery, the API user's credentials, the rolling-hour threshold and the per-endpoint thread
 * limit, each with the configured latency, before the route's handler.
 */
export async function answerAutotaskRequest(runtime: AutotaskSimulatorRuntime, request: Request): Promise<Response> {
  const { settings, limits } = runtime
  const url = new URL(request.url)
  const method = request.method.toUpperCase()
  const fault = runtime.faults.take()
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
  const inspected = inspectAutotaskRequest({
    url,
    method,
    body,
    userDefinedFields: (entity) =>
      runtime
        .state()
        .userDefinedFieldsOf(entity)
        .map((field) => field.name),
  })
  runtime.specViolations.push(...inspected.violations)
  const routing = refuseAutotaskRequest(inspected, { url, method, strict: false })
  if (routing || !inspected.route) return routing!
  const route = inspected.route

  if (route.spec.kind === 'zone') {
    await sleep(settings.latencyMs)
    return answerZoneInformation(
      url,
      settings.users.map((user) => user.username),
      runtime.zoneInformation,
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
    return await answerAdmitted(runtime, { request, url, method, body, unreadableBody, inspected }, caller)
  } finally {
    limits.release(threadKey)
  }
}

/** A request holding one of its endpoint's threads: the strict spec check, the caller's rights, then the handler. */
async function answerAdmitted(runtime: AutotaskSimulatorRuntime, read: ReadRequest, caller: AutotaskCaller): Promise<Response> {
  const { settings, limits } = runtime
  const { url, method, inspected } = read
  const route = inspected.route!
  await sleep(settings.latencyMs + limits.usageLatencyMs())
  const refusal = refuseAutotaskRequest(inspected, { url, method, strict: settings.strictSpec })
  if (refusal) return refusal
  if (read.unreadableBody) return autotaskErrors(500, ['The request body is not valid JSON.'])
  const isWrite = route.spec.kind === 'collection' || route.spec.kind === 'childCollection' ? writeMethods.has(method) : method === 'DELETE'
  if (isWrite && caller.user.access !== 'full') {
    return autotaskErrors(403, [
      `The logged in user does not have the adequate permissions to ${method === 'DELETE' ? 'delete' : 'write'} ${route.spec.entity ?? 'this entity'}.`,
    ])
  }
  const impersonation = impersonate(runtime, read.request.headers, caller)
  if (!impersonation.ok) return impersonation.response
  return dispatchAutotaskRoute(
    {
      url,
      method,
      route,
      body: read.body,
      state: runtime.state(),
      settings,
      caller,
      actor: impersonation.actor,
      attachmentBudget: runtime.attachmentBudget,
    },
    runtime.thresholdInformation,
  )
}

/** Who a write is recorded as: the API user, or the active, licensed resource named in `ImpersonationResourceId`. */
function impersonate(
  runtime: AutotaskSimulatorRuntime,
  headers: Headers,
  caller: AutotaskCaller,
): { ok: true; actor: AutotaskWriteActor } | { ok: false; response: Response } {
  const base = { apiUserResourceId: caller.user.resourceId, now: runtime.settings.clock.now() }
  const raw = headers.get('impersonationresourceid')
  if (raw === null || raw.trim() === '') return { ok: true, actor: { ...base, resourceId: caller.user.resourceId, impersonating: false } }
  const resource = /^\d+$/.test(raw.trim()) ? runtime.state().get('Resources', Number(raw.trim())) : undefined
  if (resource?.isActive !== true || resource.licenseType === 7) {
    return {
      ok: false,
      response: autotaskErrors(403, [
        `Impersonation failed: resource ${raw} does not exist, is inactive, or does not have the adequate permissions to be impersonated.`,
      ]),
    }
  }
  return { ok: true, actor: { ...base, resourceId: resource.id, impersonating: true } }
}
