import { http, type RequestHandler } from 'msw'
import type { HaloAuthority, HaloScopeArea, HaloSession } from './halo-auth'
import type { HaloFaultQueue } from './halo-faults'
import { playHaloFault } from './halo-faults'
import { HaloQuery } from './halo-query'
import type { HaloRateLimit } from './halo-rate-limit'
import { haloError, HaloRequestError, haloJson } from './halo-responses'
import type { ResolvedHaloSimulatorOptions } from './halo-simulator-options'
import type { HaloSimulatorState } from './halo-simulator-state'
import { enforceHaloSpec, type HaloSpecViolationRecord } from './halo-spec-enforcement'
import type { HaloWriteContext } from './halo-write-context'

/** What every route shares: the simulator's state and machinery. */
export interface HaloSimulatorContext {
  /** The current state (replaced on `reset()`, so always read it through the context). */
  state: HaloSimulatorState
  readonly options: ResolvedHaloSimulatorOptions
  readonly faults: HaloFaultQueue
  readonly rateLimit: HaloRateLimit
  readonly auth: HaloAuthority
  readonly specViolations: HaloSpecViolationRecord[]
}

/** One request as a route sees it, after faults, rate limit, spec check and authentication. */
export interface HaloRouteInput {
  request: Request
  url: URL
  query: HaloQuery
  params: Record<string, string>
  /** The parsed JSON body; for multipart uploads undefined (see `form`). */
  body: unknown
  /** The body text (empty for GET/DELETE and multipart). */
  rawBody: string
  form: FormData | undefined
  /** Undefined only on anonymous routes. */
  session: HaloSession | undefined
  simulator: HaloSimulatorContext
  /** State, time and acting agent, for the rules modules. */
  write: HaloWriteContext
}

/** A simulated endpoint. */
export interface HaloRoute {
  method: 'get' | 'post' | 'delete' | 'all'
  /** msw path relative to `/api`, e.g. `/Tickets/:id`. */
  path: string
  /** The scope family the token needs (halo.md §2.2); `none` for configuration reads. */
  area: HaloScopeArea
  /** No token needed (`/api/AuthInfo`). */
  anonymous?: boolean
  /** Route parameters that must match, else the request falls through to the next handler. */
  parameters?: Record<string, RegExp>
  resolve(input: HaloRouteInput): Response | Promise<Response>
}

/** Integer ids (Halo's int32 path parameters). */
export const integerParameter = /^\d+$/

function apiPath(url: URL): string {
  const match = /\/api(\/.*)?$/i.exec(url.pathname)
  return match?.[1] ?? '/'
}

async function readBody(request: Request): Promise<{ body: unknown; rawBody: string; form: FormData | undefined }> {
  if (request.method === 'GET' || request.method === 'HEAD') return { body: undefined, rawBody: '', form: undefined }
  const contentType = request.headers.get('content-type')?.toLowerCase() ?? ''
  if (contentType.startsWith('multipart/form-data')) return { body: undefined, rawBody: '', form: await request.formData() }
  const rawBody = await request.text()
  if (rawBody.trim() === '') return { body: undefined, rawBody, form: undefined }
  try {
    return { body: JSON.parse(rawBody) as unknown, rawBody, form: undefined }
  } catch (error) {
    throw haloError.exception(`The request body is not valid JSON: ${(error as Error).message}`, 400, 'Newtonsoft.Json.JsonReaderException')
  }
}

/**
 * Runs one resource request through Halo's layers, in order: latency, an injected fault, the
 * rolling rate limit, the spec check (recorded always; 400 in strict mode), the bearer token
 * (401), the token's scope and agent rights (403), then the route. A route throws
 * {@link HaloRequestError} for Halo's error answers; anything else becomes a .NET-style 500.
 */
async function runHaloRoute(simulator: HaloSimulatorContext, route: HaloRoute, request: Request, params: Record<string, string>): Promise<Response> {
  const { options } = simulator
  if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))
  const fault = simulator.faults.take()
  if (fault) {
    const answered = await playHaloFault(fault)
    if (answered) return answered
  }
  const limited = simulator.rateLimit.admit(options.clock.now())
  if (limited) return limited
  try {
    const url = new URL(request.url)
    const { body, rawBody, form } = await readBody(request)
    const checkedBody = form ? Object.fromEntries([...form.keys()].map((key) => [key, true])) : body
    const rejection = enforceHaloSpec(
      simulator,
      { method: request.method, path: apiPath(url), query: url.searchParams, body: checkedBody },
      options.clock.now(),
    )
    if (rejection) return rejection
    let session: HaloSession | undefined
    if (!route.anonymous) {
      const authenticated = simulator.auth.authenticate(request)
      if ('response' in authenticated) return authenticated.response
      session = authenticated.session
      const refused = simulator.auth.authorise(session, route.area, request.method === 'POST' || request.method === 'DELETE')
      if (refused) return refused
    }
    const now = options.clock.now()
    return await route.resolve({
      request,
      url,
      query: new HaloQuery(url.searchParams),
      params,
      body,
      rawBody,
      form,
      session,
      simulator,
      write: { state: simulator.state, now, agentId: session?.agentId ?? 0 },
    })
  } catch (error) {
    if (error instanceof HaloRequestError) return error.response
    return haloJson(
      { ClassName: (error as Error).name === 'Error' ? 'System.Exception' : (error as Error).name, Message: (error as Error).message },
      { status: 500 },
    )
  }
}

/** The msw handler of a route, matching any origin (`*\/api/...`). */
export function haloRouteHandler(simulator: HaloSimulatorContext, route: HaloRoute): RequestHandler {
  return http[route.method](`*/api${route.path}`, async ({ request, params }) => {
    const values: Record<string, string> = {}
    for (const [name, value] of Object.entries(params)) values[name] = Array.isArray(value) ? value.join('/') : String(value ?? '')
    for (const [name, pattern] of Object.entries(route.parameters ?? {})) {
      // Not this route (`/Tickets/View` is not `/Tickets/:id`): let the next handler try.
      if (!pattern.test(values[name] ?? '')) return undefined
    }
    return runHaloRoute(simulator, route, request, values)
  })
}
