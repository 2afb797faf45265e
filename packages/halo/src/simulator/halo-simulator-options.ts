import { ConfigurationError } from '@ticketbridge/core'

/** Time as the simulator sees it; inject one to expire tokens or age the rate window by hand. */
export interface HaloSimulatorClock {
  /** Epoch milliseconds. */
  now(): number
}

/** The rolling-window request budget the simulator enforces, like Halo's hosted limit. */
export interface HaloRateLimitOptions {
  /** Requests allowed in any window (Halo hosted: 300). */
  limit: number
  /** Length of the rolling window in milliseconds (Halo hosted: 300 000, five minutes). */
  windowMs: number
  /**
   * Send `Retry-After` (whole seconds until a slot frees) on the 429. Off by default: no
   * Retry-After has been documented for Halo (halo.md §6), so a client must back off on its own.
   */
  retryAfter: boolean
}

/** Credentials the simulator accepts; any left out get fixed defaults. */
export interface HaloSimulatorCredentialOptions {
  clientId?: string
  clientSecret?: string
  username?: string
  password?: string
}

/** Options of `createHaloSimulator`. Every field is optional. */
export interface HaloSimulatorOptions {
  /** Realistic tickets (with actions) to generate deterministically on top of the built-in lookups. Default 0. */
  seed?: number
  /** Added to every answer, resource and token requests alike. Default 0. */
  latencyMs?: number
  /** Halo's hosted budget by default (300 per rolling 5 minutes); `false` turns it off. */
  rateLimit?: Partial<HaloRateLimitOptions> | false
  /** Largest page Halo returns; larger `page_size` values are cut to it silently. Default 100. */
  pageSizeCap?: number
  /** `page_size` used when a paged list does not send one. Default 50 (inferred). */
  defaultPageSize?: number
  /** `expires_in` of issued tokens. Default 3600. */
  tokenLifetimeSeconds?: number
  /**
   * Answer requests that are not in Halo's OpenAPI spec with 400 (default true). Either way they
   * are recorded in `specViolations`.
   */
  strictSpec?: boolean
  /** Source of the current time. Default: the system clock. */
  clock?: HaloSimulatorClock
  /**
   * Tenant name a hosted Halo requires as `?tenant=` on the token URL. `false` plays a
   * self-hosted instance, which takes no tenant. Default `'simulated'`.
   */
  tenant?: string | false
  /**
   * Refuse a token request without `?tenant=`, as a shared authorisation server hosting several
   * tenants (`auth.haloservicedesk.com`) does. Default false: like `{account}.halopsa.com/auth`,
   * the instance's own server takes the request with or without it (a wrong tenant is refused
   * either way).
   */
  requireTenant?: boolean
  /** Override the accepted credentials (defaults are fixed values, see `simulator.credentials`). */
  credentials?: HaloSimulatorCredentialOptions
}

/** Options with every default filled in. */
export interface ResolvedHaloSimulatorOptions {
  seed: number
  latencyMs: number
  rateLimit: HaloRateLimitOptions | false
  pageSizeCap: number
  defaultPageSize: number
  tokenLifetimeSeconds: number
  strictSpec: boolean
  clock: HaloSimulatorClock
  tenant: string | false
  requireTenant: boolean
}

/** Halo-hosted instances allow about 300 requests per rolling five minutes (halo.md §6). */
const haloDefaultRateLimit: HaloRateLimitOptions = { limit: 300, windowMs: 300_000, retryAfter: false }

const systemClock: HaloSimulatorClock = { now: () => Date.now() }

function wholeNumber(value: number | undefined, fallback: number, option: string, minimum: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(`Halo simulator option ${option} must be a whole number of at least ${minimum}; got ${String(value)}.`, { option })
  }
  return value
}

/** Fills in defaults and refuses nonsensical values with a ConfigurationError naming the option. */
export function resolveHaloSimulatorOptions(options: HaloSimulatorOptions = {}): ResolvedHaloSimulatorOptions {
  const rateLimit =
    options.rateLimit === false
      ? false
      : {
          limit: wholeNumber(options.rateLimit?.limit, haloDefaultRateLimit.limit, 'rateLimit.limit', 1),
          windowMs: wholeNumber(options.rateLimit?.windowMs, haloDefaultRateLimit.windowMs, 'rateLimit.windowMs', 1),
          retryAfter: options.rateLimit?.retryAfter ?? haloDefaultRateLimit.retryAfter,
        }
  const pageSizeCap = wholeNumber(options.pageSizeCap, 100, 'pageSizeCap', 1)
  if (options.tenant !== undefined && options.tenant !== false && !/^[\w.-]+$/.test(options.tenant)) {
    throw new ConfigurationError(`Halo simulator option tenant must be a plain name such as 'acme'; got '${options.tenant}'.`, { option: 'tenant' })
  }
  return {
    seed: wholeNumber(options.seed, 0, 'seed', 0),
    latencyMs: wholeNumber(options.latencyMs, 0, 'latencyMs', 0),
    rateLimit,
    pageSizeCap,
    defaultPageSize: Math.min(wholeNumber(options.defaultPageSize, 50, 'defaultPageSize', 1), pageSizeCap),
    tokenLifetimeSeconds: wholeNumber(options.tokenLifetimeSeconds, 3600, 'tokenLifetimeSeconds', 1),
    strictSpec: options.strictSpec ?? true,
    clock: options.clock ?? systemClock,
    tenant: options.tenant ?? 'simulated',
    requireTenant: options.requireTenant ?? false,
  }
}
