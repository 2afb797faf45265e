import type { AutotaskSimulatorCredentials, AutotaskSimulatorUser } from './autotask-auth'
import type { AutotaskSimulatorClock } from './autotask-request-limits'

/** Knobs of {@link createAutotaskSimulator}. Every one has a default that behaves like a real tenant. */
export interface AutotaskSimulatorOptions {
  /** Realistic tickets to seed (with notes, attachments and time entries), deterministic. Default 0: the directory (companies, contacts, resources) is always there. */
  seed?: number
  /** Seed of the generator behind the seeded data (default 1). Same numbers, same tenant. */
  randomSeed?: number
  /** Latency added to every answer, in milliseconds (default 0). */
  latencyMs?: number
  /** Requests in flight per (integration code, object endpoint) before the thread-limit error (default 3, Autotask since 2023.1). */
  concurrencyLimitPerEndpoint?: number
  /** Status of the thread-limit answer (default 429; autotask.md §15 says "429 or other"). */
  threadLimitStatus?: number
  /** Requests per rolling hour per database before the threshold error (default 10,000). */
  hourlyLimit?: number
  /** Status of the hourly-threshold answer (default 429; Autotask does not document it). */
  thresholdExceededStatus?: number
  /** Delay Autotask adds from 50 % and from 75 % of the hourly threshold (default 500 ms and 1,000 ms). */
  usageLatency?: { atHalfMs?: number; atThreeQuartersMs?: number }
  /** Multiplies the usage latency, so tests can keep it small (default 1). */
  usageLatencyScale?: number
  /** Rows per page and the cap of `MaxRecords` (default 500). */
  pageSize?: number
  /**
   * Check every request against the vendor spec (default true). Violations are always recorded
   * in `specViolations`; when strict, requests with unknown query parameters (400), unknown
   * body properties or unknown filter operators (500) are refused. Unknown paths (404), verbs
   * (405) and unknown filter fields (500) are refused either way, as Autotask refuses them.
   */
  strictSpec?: boolean
  /** Time source for dates, the rolling hour and attachment windows (default: the system clock). */
  clock?: AutotaskSimulatorClock
  /** The main API user's credentials (defaults: see `simulator.credentials`). */
  credentials?: Partial<AutotaskSimulatorCredentials>
  /** More users of the tenant (read-only API users, UI-only users). */
  users?: AutotaskSimulatorUser[]
  /** REST base zone discovery answers; default: the origin the request came to + `/ATServicesRest/`. */
  zoneUrl?: string
  /** Tenant database id (`ci` of zone discovery, default 29683100). */
  databaseId?: number
  /**
   * What a GET by id answers for an id that does not exist: `null-item` (HTTP 200 `{"item":null}`,
   * the default) or `not-found` (HTTP 404). Peers report both (autotask.md §8).
   */
  missingItem?: 'null-item' | 'not-found'
  /** Largest attachment the API accepts, in bytes (default 6 MiB). */
  attachmentSizeLimitBytes?: number
  /** Attachment bytes per five minutes before creation is suspended for five minutes (default 10,000,000). */
  attachmentBytesPerFiveMinutes?: number
}

/** Options with every default applied. */
export interface AutotaskSimulatorSettings {
  seed: number
  randomSeed: number
  latencyMs: number
  concurrencyLimitPerEndpoint: number
  threadLimitStatus: number
  hourlyLimit: number
  thresholdExceededStatus: number
  usageLatency: { atHalfMs: number; atThreeQuartersMs: number }
  pageSize: number
  strictSpec: boolean
  clock: AutotaskSimulatorClock
  credentials: AutotaskSimulatorCredentials
  users: (AutotaskSimulatorUser & { resourceId: number })[]
  zoneUrl: string | undefined
  databaseId: number
  missingItem: 'null-item' | 'not-found'
  attachmentSizeLimitBytes: number
  attachmentBytesPerFiveMinutes: number
}

/** The resource behind the main API user (an "API User (API-only)" resource). */
export const apiUserResourceId = 29682999

/** Default credentials of the simulated tenant's API user. */
export const defaultAutotaskCredentials: AutotaskSimulatorCredentials = {
  username: 'sim.api.user@ticketbridge.example',
  secret: 'Sim-Secret-9f3c2a71e4',
  integrationCode: 'TBSIMULATOR7Q2W9E4R6T8Y1U3I',
}

function positive(name: string, value: number | undefined, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value < minimum)
    throw new RangeError(`createAutotaskSimulator: ${name} must be a number of at least ${minimum}, not ${value}.`)
  return value
}

/** Applies the defaults and checks the numbers. */
export function resolveAutotaskSimulatorSettings(options: AutotaskSimulatorOptions = {}): AutotaskSimulatorSettings {
  const credentials = { ...defaultAutotaskCredentials, ...options.credentials }
  const scale = positive('usageLatencyScale', options.usageLatencyScale, 1, 0)
  const pageSize = positive('pageSize', options.pageSize, 500)
  return {
    seed: positive('seed', options.seed, 0, 0),
    randomSeed: options.randomSeed ?? 1,
    latencyMs: positive('latencyMs', options.latencyMs, 0, 0),
    concurrencyLimitPerEndpoint: positive('concurrencyLimitPerEndpoint', options.concurrencyLimitPerEndpoint, 3),
    threadLimitStatus: options.threadLimitStatus ?? 429,
    hourlyLimit: positive('hourlyLimit', options.hourlyLimit, 10_000),
    thresholdExceededStatus: options.thresholdExceededStatus ?? 429,
    usageLatency: {
      atHalfMs: (options.usageLatency?.atHalfMs ?? 500) * scale,
      atThreeQuartersMs: (options.usageLatency?.atThreeQuartersMs ?? 1000) * scale,
    },
    pageSize,
    strictSpec: options.strictSpec ?? true,
    clock: options.clock ?? { now: () => Date.now() },
    credentials,
    users: [
      { username: credentials.username, secret: credentials.secret, access: 'full', resourceId: apiUserResourceId },
      ...(options.users ?? []).map((user) => ({ ...user, resourceId: user.resourceId ?? apiUserResourceId })),
    ],
    zoneUrl: options.zoneUrl,
    databaseId: options.databaseId ?? 29683100,
    missingItem: options.missingItem ?? 'null-item',
    attachmentSizeLimitBytes: positive('attachmentSizeLimitBytes', options.attachmentSizeLimitBytes, 6 * 1024 * 1024),
    attachmentBytesPerFiveMinutes: positive('attachmentBytesPerFiveMinutes', options.attachmentBytesPerFiveMinutes, 10_000_000),
  }
}
