import { type ServedVendorSimulator, serveHandlers, type VendorSimulator } from '@ticketbridge/testkit/servers'
import { http, type RequestHandler } from 'msw'
import { createHaloAuthority, defaultHaloCredentials, type HaloSimulatorCredentials } from './halo-auth'
import { createHaloFaultQueue, type HaloFaults, playHaloFault } from './halo-faults'
import { actionRoutes } from './halo-action-handlers'
import { agentRoutes } from './halo-agent-handlers'
import { assetRoutes } from './halo-asset-handlers'
import { attachmentRoutes } from './halo-attachment-handlers'
import { customerRoutes } from './halo-customer-handlers'
import { fallbackRoute, instanceRoutes } from './halo-instance-handlers'
import { kbArticleRoutes } from './halo-kb-article-handlers'
import { createHaloRateLimit } from './halo-rate-limit'
import { haloRouteHandler, type HaloSimulatorContext } from './halo-route'
import { generateSeedTickets } from './halo-seed-tickets'
import { type HaloSimulatorOptions, resolveHaloSimulatorOptions } from './halo-simulator-options'
import { createHaloSimulatorState, type HaloSimulatorState } from './halo-simulator-state'
import type { HaloSpecViolationRecord } from './halo-spec-enforcement'
import { ticketConfigurationRoutes } from './halo-ticket-configuration-handlers'
import { ticketRoutes } from './halo-ticket-handlers'
import { commitTicketWrite, prepareTicketWrite } from './halo-ticket-rules'
import { integrationAgentId } from './halo-seed-agents'

/** Options of {@link HaloSimulator.serve}. */
export interface HaloServeOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number
  /** Keep every request in `requests` (default true; turn off for long benchmarks). */
  record?: boolean
}

/** A request the served simulator received. */
export interface HaloServedRequest {
  method: string
  url: string
  headers: Record<string, string>
  /** The body as text (binary bodies as latin1), empty when there was none. */
  body: string
}

/** The simulator served as a real HTTP server on 127.0.0.1. */
export interface HaloServedSimulator extends ServedVendorSimulator {
  /** `url + '/api'`: the resource server. */
  readonly resourceUrl: string
  /** `url + '/auth'`: the authorisation server (token URL `authUrl + '/token'`). */
  readonly authUrl: string
}

/** A running Halo simulator. See {@link createHaloSimulator}. */
export interface HaloSimulator
  extends VendorSimulator<HaloServedSimulator, HaloSimulatorState, HaloFaults, HaloSimulatorCredentials, HaloServeOptions> {
  /** Expires every token issued so far: the next resource call with one answers 401. */
  expireTokens(): void
  /** Every request that failed the spec check, oldest first. */
  readonly specViolations: readonly HaloSpecViolationRecord[]
  /** Requests the enforced budget answered 429 (0 without one). */
  readonly rateLimitRefusals: number
  /** Back to the state just after creation: seed data, no tokens, faults, violations or rate-window history. */
  reset(): void
}

/**
 * Creates a Halo simulator: a stateful in-memory fake of Halo's REST API as `shared/reference/halo.md`
 * describes it, written once as msw handlers (`handlers`, for in-process interception) and
 * servable on 127.0.0.1 (`serve()`), so clients are tested against real paths, bodies, status
 * codes and quirks without a tenant.
 *
 * **What it plays** (paths relative to `/api`; only GET, POST and DELETE, as Halo):
 * - OAuth at `POST /auth/token`: form-encoded `client_credentials`, `password`,
 *   `authorization_code` (PKCE S256, codes from `GET /auth/authorize`, which signs the agent of
 *   `username` in at once and redirects to a loopback `redirect_uri`) and `refresh_token`
 *   grants; `?tenant=` required when `tenant` is set; scopes; OpenIddict errors
 *   (`invalid_client` 401, `invalid_grant`/`invalid_scope`/`unsupported_grant_type`/`invalid_request` 400).
 *   Tokens expire after `tokenLifetimeSeconds`; a missing, unknown or expired bearer is a 401 with
 *   an empty body and a `WWW-Authenticate` challenge; a missing scope or a read-only agent is a 403.
 * - Lists in Halo's shapes: `{ record_count, tickets }` (Tickets, Projects), `users`, `clients`,
 *   `sites`, `assets`, `articles`, `actions`, `attachments`; bare arrays for Agent, Team, Status,
 *   TicketType, Priority, SLA, Outcome, Category, FieldInfo, Lookup. `pageinate=true` with 1-based
 *   `page_no` and `page_size` silently capped at `pageSizeCap` while `record_count` stays the total.
 * - POST upserts: a JSON array; no `id` creates, an `id` changes only the fields sent; one
 *   record answers an object, several an array; every element is validated before any is stored.
 *   Write flags (`_novalidate`, `dont_do_rules`, `_dont_fire_automations`, `sendack`, `_isimport`, …)
 *   steer the write and are recorded in `state.writes`.
 * - Dates as UTC without `Z` (`2024-05-02T08:00:03.21`) and `1900-01-01T00:00:00` for unset dates;
 *   `Users.site_id` and `Site.client_id` as doubles (`40.0`).
 * - Errors in Halo's body shapes: `{ ClassName, Message }` (mandatory fields: "Details is a mandatory
 *   field"), `{ resultCode, errorMessage }` (unknown status, priority outside the SLA, …), the bare
 *   string "An Outcome must be entered for this Action", text "Invalid advanced search parameter".
 * - Rate limiting: a rolling window per simulator over resource requests (token requests do not
 *   count; requests refused with 429 do not either); over it, 429 with Halo's text
 *   "Rate Limit Reached - 300 Requests per rolling 5 minute window", without `Retry-After` unless
 *   `rateLimit.retryAfter` (none is documented for Halo).
 * - Query parameter names are read case-insensitively and unknown ones are ignored, as ASP.NET
 *   binds them; the strict spec check is what flags them.
 *
 * **Options** ({@link HaloSimulatorOptions}, all optional):
 * - `seed` (0): realistic tickets to generate deterministically, on top of the built-in lookups
 *   (statuses, SLAs and priorities, ticket types with mandatory fields, outcomes, categories, custom
 *   fields, lookups, agents, teams, clients, sites, users, assets, KB articles).
 * - `latencyMs` (0): added to every answer.
 * - `rateLimit` (`{ limit: 300, windowMs: 300_000, retryAfter: false }`), or `false` for none.
 * - `pageSizeCap` (100) and `defaultPageSize` (50).
 * - `tokenLifetimeSeconds` (3600).
 * - `strictSpec` (true): requests outside `shared/vendor-specs/halo/swagger.json` (unknown path,
 *   method, query parameter or body property, exact spelling) answer 400 naming the violation;
 *   either way they are recorded in `specViolations`.
 * - `clock` (system): `{ now() }` in epoch ms, for token expiry, the rate window and record times.
 * - `tenant` (`'simulated'`), or `false` for a self-hosted instance without `?tenant=`.
 * - `credentials`: override the client id/secret or the password-grant login.
 *
 * **Knobs**: `faults.inject({ kind: 'status' | 'reset' | 'delay' | 'html', … })` and
 * `faults.clear()` (resource and token requests alike), `expireTokens()`, `seedTickets(count,
 * marker)`, `reset()`, and direct access to `state` (`state.writes` logs every accepted write
 * with the flags it carried, so a test can prove a "silent" write sent `dont_do_rules`).
 *
 * **Credentials** (`credentials`): `clientId`/`clientSecret` (client_credentials, full rights,
 * acting as the API agent), `readOnlyClientId`/`readOnlyClientSecret` (reads work, writes answer
 * 403), `passwordClientId` with `username`/`password` (password grant),
 * `authorizationCodeClientId` (a person's sign-in in a browser, as that agent), and `tenant`.
 *
 * @example
 * ```ts
 * const simulator = createHaloSimulator({ seed: 50 })
 * const server = await simulator.serve()
 * // token: POST `${server.authUrl}/token?tenant=${simulator.credentials.tenant}` (form body)
 * // then:  GET `${server.resourceUrl}/Tickets?pageinate=true&page_size=50&page_no=1`
 * await server.close()
 * ```
 */
export function createHaloSimulator(options: HaloSimulatorOptions = {}): HaloSimulator {
  const resolved = resolveHaloSimulatorOptions(options)
  const credentials = defaultHaloCredentials(resolved.tenant, options.credentials)
  const freshState = (): HaloSimulatorState => {
    const state = createHaloSimulatorState()
    if (resolved.seed > 0) generateSeedTickets(state, resolved.seed)
    return state
  }
  const faults = createHaloFaultQueue()
  const specViolations: HaloSpecViolationRecord[] = []
  const context: HaloSimulatorContext = {
    state: freshState(),
    options: resolved,
    faults,
    rateLimit: createHaloRateLimit(resolved.rateLimit),
    auth: createHaloAuthority({
      credentials,
      tokenLifetimeSeconds: resolved.tokenLifetimeSeconds,
      requireTenant: resolved.requireTenant,
      clock: resolved.clock,
      permissionOf: (agentId) => context.state.agentPermissions.get(agentId),
    }),
    specViolations,
  }

  const routes = [
    ...instanceRoutes(),
    ...ticketRoutes(),
    ...actionRoutes(),
    ...attachmentRoutes(),
    ...ticketConfigurationRoutes(),
    ...customerRoutes(),
    ...agentRoutes(),
    ...assetRoutes(),
    ...kbArticleRoutes(),
    fallbackRoute(),
  ]
  const tokenHandler = http.post('*/auth/token', async ({ request }) => {
    if (resolved.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, resolved.latencyMs))
    const fault = faults.take()
    if (fault) {
      const answered = await playHaloFault(fault)
      if (answered) return answered
    }
    return context.auth.token(request)
  })
  // The sign-in page of the authorization code grant; it approves at once, so tests need no browser.
  const authorizeHandler = http.get('*/auth/authorize', ({ request }) => context.auth.authorize(request))
  const handlers: RequestHandler[] = [tokenHandler, authorizeHandler, ...routes.map((route) => haloRouteHandler(context, route))]

  return {
    handlers,
    get state() {
      return context.state
    },
    faults,
    credentials,
    specViolations,
    expireTokens: () => context.auth.expireTokens(),
    async serve(serveOptions = {}) {
      const served = await serveHandlers(handlers, { host: '127.0.0.1', ...serveOptions })
      return {
        url: served.url,
        resourceUrl: `${served.url}/api`,
        authUrl: `${served.url}/auth`,
        port: served.port,
        requests: served.requests,
        close: () => served.close(),
      }
    },
    async seedTickets(count, marker) {
      const now = resolved.clock.now()
      const write = { state: context.state, now, agentId: integrationAgentId }
      const writesBefore = context.state.writes.length
      for (let index = 1; index <= count; index += 1) {
        const prepared = prepareTicketWrite(write, { summary: `${marker} ${index}`, details: `Seeded ticket ${index} of ${count}.` }, 'reqs')
        commitTicketWrite(write, prepared, 'reqs', 'Tickets')
      }
      // Seeding stands in for history, not client writes: the write log stays the client's.
      context.state.writes.length = writesBefore
    },
    get rateLimitRefusals() {
      return context.rateLimit.refused()
    },
    reset() {
      context.state = freshState()
      faults.clear()
      specViolations.length = 0
      context.rateLimit.reset()
      context.auth.reset()
    },
  }
}
