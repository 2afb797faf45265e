import { absoluteHttpUrlSchema } from '@ticketbridge/core'
import type { LogLevel, RetryPolicyOptions, TransportLogger, TransportRateLimitEvent, TransportRetryEvent } from '@ticketbridge/http'
import type { AxiosInstance } from 'axios'
import { z } from 'zod'

/** Where zone discovery is asked when no zone is given: any `webservicesN` host answers it. */
export const defaultZoneDiscoveryUrl = 'https://webservices.autotask.net/ATServicesRest/V1.0/ZoneInformation'

/** Autotask's thread limit: integrations made since release 2023.1 get 3 concurrent requests per endpoint. */
export const autotaskThreadLimit = 3

/** Autotask's default hourly threshold per database, when ThresholdInformation has not said otherwise. */
export const defaultHourlyRequestLimit = 10_000

/** Largest file the REST API accepts (about 6–7 MB per the vendor; the UI allows 10 MB). */
export const defaultAttachmentMaxBytes = 6 * 1024 * 1024

/** Attachment bytes Autotask accepts per 5 minutes before it refuses uploads for 5 minutes. */
export const attachmentBytesPerFiveMinutes = 10_000_000

/** The plain (JSON-serialisable) settings of {@link AutotaskClient}, checked at construction. */
export const autotaskClientSettingsSchema = z.object({
  /** The API user's user name (an e-mail-like login with the API User security level). */
  username: z.string().trim().min(1, 'give the API user name'),
  /** The API user's password, sent in the `Secret` header. */
  secret: z.string().min(1, 'give the API user secret'),
  /** The API tracking identifier (vendor or custom integration code), sent as `ApiIntegrationCode`. */
  integrationCode: z.string().trim().min(1, 'give the API integration code (tracking identifier)'),
  /** Act as this resource (`ImpersonationResourceId`); its security level must allow it. */
  impersonationResourceId: z.number().int().positive().optional(),
  /**
   * The zone's REST base, such as `https://webservices14.autotask.net/ATServicesRest/`; skips
   * zone discovery. `…/ATServicesRest/V1.0` is accepted too.
   */
  zoneUrl: absoluteHttpUrlSchema.optional(),
  /** Where to discover the zone (`…/V1.0/ZoneInformation`, or the `…/ATServicesRest/` base of a host). */
  zoneDiscoveryUrl: absoluteHttpUrlSchema.default(defaultZoneDiscoveryUrl),
  /** Time limit of one attempt, in milliseconds. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Concurrent requests per endpoint (`Tickets`, `TicketNotes`, …), at most Autotask's thread limit of 3. */
  concurrencyPerEndpoint: z.number().int().min(1).max(autotaskThreadLimit).default(autotaskThreadLimit),
  /** Requests per rolling hour for the whole database; resynced from ThresholdInformation. */
  hourlyRequestLimit: z.number().int().positive().default(defaultHourlyRequestLimit),
  /**
   * The length of that rolling window: an hour on every Autotask tenant (autotask.md §15).
   * Shorter only for a simulator on a fast clock, as the benchmarks run one.
   */
  hourlyWindowMs: z.number().int().positive().default(3_600_000),
  /** How often the hourly count is resynced from ThresholdInformation while the client is used; 0 turns it off. */
  thresholdResyncIntervalMs: z.number().int().nonnegative().default(300_000),
  /** How long entity information, fields, picklists and UDF definitions are cached. */
  metadataCacheTtlMs: z.number().int().nonnegative().default(3_600_000),
  /** Largest attachment uploaded; larger files are refused before sending. */
  attachmentMaxBytes: z.number().int().positive().default(defaultAttachmentMaxBytes),
  /**
   * The key under which clients share the per-endpoint lanes and the hourly budget. Defaults to
   * the zone and database id (`ci`) from zone discovery, so source and target work on one
   * tenant draw on one budget.
   */
  rateLimitKey: z.string().min(1).optional(),
  /** `off`, `error`, `warn`, `info` or `debug`; defaults to `info` when a logger is given. */
  logLevel: z.enum(['off', 'error', 'warn', 'info', 'debug']).optional(),
})

/**
 * Settings of {@link AutotaskClient}. What they leave out is read from the environment:
 * AUTOTASK_USERNAME, AUTOTASK_SECRET, AUTOTASK_INTEGRATION_CODE, AUTOTASK_IMPERSONATION_RESOURCE_ID,
 * AUTOTASK_ZONE_URL or AUTOTASK_ZONE_DISCOVERY_URL, AUTOTASK_HOURLY_REQUEST_LIMIT and
 * AUTOTASK_HOURLY_WINDOW_MS. Given settings always win (a zone given takes neither zone variable).
 */
export interface AutotaskClientSettings extends Omit<z.input<typeof autotaskClientSettingsSchema>, 'username' | 'secret' | 'integrationCode'> {
  /** The API user's user name (an e-mail-like login with the API User security level); AUTOTASK_USERNAME when left out. */
  username?: string
  /** The API user's password, sent in the `Secret` header; AUTOTASK_SECRET when left out. */
  secret?: string
  /** The API tracking identifier, sent as `ApiIntegrationCode`; AUTOTASK_INTEGRATION_CODE when left out. */
  integrationCode?: string
  /** Where settings left out are read from, when not `process.env` (read at construction); `{}` reads none. */
  environment?: NodeJS.ProcessEnv
  /** Retry policy of the transport (idempotent calls and queries; creates only after 429 or a thread-limit refusal). */
  retry?: RetryPolicyOptions
  /** Receives redacted log lines, one per attempt. */
  logger?: TransportLogger
  logLevel?: LogLevel
  /** The axios instance to send with (tests inject one). */
  axiosInstance?: AxiosInstance
  /** Called when a call waits for the budget or a lane, or Autotask refused with a rate or thread limit. */
  onRateLimit?: (event: TransportRateLimitEvent) => void
  /** Called before each retry wait. */
  onRetry?: (event: TransportRetryEvent) => void
}

/** The checked settings. */
export type ResolvedAutotaskClientSettings = z.output<typeof autotaskClientSettingsSchema> &
  Pick<AutotaskClientSettings, 'retry' | 'logger' | 'axiosInstance' | 'onRateLimit' | 'onRetry'>
