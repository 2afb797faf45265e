import { ConfigurationError, type DocumentedRateLimit, parseSettings, priorityLevelSchema, statusCategorySchema } from '@ticketbridge/core'
import { z } from 'zod'
import { HaloClient } from '../client/halo-client'
import type { HaloClientSettings } from '../client/halo-client-settings'
import { haloAdapterEnvironmentNames, haloClientEnvironmentNames, namingHaloVariable, withHaloEnvironment } from '../client/halo-environment-settings'
import { haloConfiguredRateLimit, haloDocumentedRateLimit } from './halo-rate-limit'

const idOrName = z.union([z.number().int().positive(), z.string().trim().min(1)])

/** The default bound on one request's body: 16 MB. */
const haloDefaultMaxRequestBytes = 16 * 1024 * 1024

const haloAdapterOptionsSchema = z.object({
  client: z.custom<HaloClient>((value) => value instanceof HaloClient, 'must be a HaloClient').optional(),
  ticketTypeId: z.number().int().positive().optional(),
  defaultSiteId: z.number().int().positive().optional(),
  outcomes: z.object({ public: idOrName, internal: idOrName, timeEntry: idOrName }).partial().default({}),
  statusCategories: z.record(z.string(), statusCategorySchema).default({}),
  priorityLevels: z.record(z.string(), priorityLevelSchema).default({}),
  externalId: z
    .discriminatedUnion('storage', [
      z.object({ storage: z.literal('marker') }),
      z.object({
        storage: z.literal('custom-field'),
        field: z
          .string()
          .trim()
          .regex(/^CF\w+$/, 'must be the custom field’s API name, such as CFExternalId'),
      }),
    ])
    .default({ storage: 'marker' }),
  lookupCacheMs: z.number().int().nonnegative().default(300_000),
  maxRequestBytes: z.number().int().positive().default(haloDefaultMaxRequestBytes),
})

/** Adapter-only settings: how the common model lands in this instance. */
export interface HaloAdapterOptions {
  /** Use this client instead of building one from the settings (it is not closed by `close()`). */
  client?: HaloClient
  /** The ticket type (`tickettype_id`) of new tickets that name none; Halo's default otherwise. */
  ticketTypeId?: number
  /** The site of new contacts that name no organization. */
  defaultSiteId?: number
  /**
   * The outcomes (action types) comments and time entries are written with, by id or name.
   * By default they are chosen from `/Outcome`: a private note for internal comments and time,
   * a note the end user sees for public ones.
   */
  outcomes?: { public?: number | string; internal?: number | string; timeEntry?: number | string }
  /** Categories of statuses the name and the instance's own classes get wrong, by status id or name. */
  statusCategories?: Record<string, 'new' | 'open' | 'pending' | 'resolved' | 'closed'>
  /** Levels of priorities the name and rank get wrong, by `priorityid` or name. */
  priorityLevels?: Record<string, 'low' | 'normal' | 'high' | 'urgent'>
  /**
   * Where `externalId` is kept. `marker` (the default) appends `[ticketbridge external id: …]`
   * to the ticket's details and finds it with Halo's search; `custom-field` writes it to a
   * ticket custom field the instance has (such as `CFExternalId`).
   */
  externalId?: { storage: 'marker' } | { storage: 'custom-field'; field: string }
  /** How long statuses, priorities, teams, outcomes, field definitions and requesters read by id (their site and client) are reused. Defaults to 5 minutes. */
  lookupCacheMs?: number
  /**
   * Largest request body the adapter sends, in bytes: actions that carry files leave in arrays
   * no heavier than this (files are base64, a third larger than their bytes); an action heavier
   * alone leaves on its own. Defaults to 16 MB, well under the 30 MB ASP.NET accepts by default.
   */
  maxRequestBytes?: number
}

/**
 * Settings of {@link createHaloAdapter}: the client's settings (or `client`) plus the adapter's.
 * What they leave out is read from the environment, as the client reads it, and
 * HALO_DEFAULT_SITE_ID for `defaultSiteId`.
 */
export type HaloAdapterSettings = HaloClientSettings & HaloAdapterOptions

export type ResolvedHaloAdapterOptions = z.output<typeof haloAdapterOptionsSchema>

const adapterOptionNames = Object.keys(haloAdapterOptionsSchema.shape)

/** The settings split and checked: the adapter's options, its client, and the pace that client keeps to. */
export interface ResolvedHaloAdapterSettings {
  options: ResolvedHaloAdapterOptions
  client: HaloClient
  /** Whether the adapter built the client (and so closes it). */
  ownsClient: boolean
  /** The client's budget; absent where its limiter is off. */
  rateLimit?: DocumentedRateLimit
}

/** Splits and checks the settings; throws ConfigurationError naming the option at fault. */
export function resolveHaloAdapterSettings(settings: HaloAdapterSettings = {}): ResolvedHaloAdapterSettings {
  if (typeof settings !== 'object' || settings === null) {
    throw new ConfigurationError('createHaloAdapter needs settings such as { resourceUrl, authUrl, clientId, clientSecret }.', { vendor: 'halo' })
  }
  const { environment = process.env, ...given } = settings
  // With a client of its own, only the adapter's variables apply: the client's settings are made.
  const names = given.client === undefined ? [...haloClientEnvironmentNames, ...haloAdapterEnvironmentNames] : haloAdapterEnvironmentNames
  const { settings: complete, fromEnvironment } = withHaloEnvironment(given, environment, names)
  const adapterPart: Record<string, unknown> = {}
  // The client reads nothing more: what the environment gives is in `complete` already.
  const clientPart: Record<string, unknown> = { environment: {} }
  for (const [key, value] of Object.entries(complete)) (adapterOptionNames.includes(key) ? adapterPart : clientPart)[key] = value
  let options: ResolvedHaloAdapterOptions
  try {
    options = parseSettings(haloAdapterOptionsSchema, adapterPart, { vendor: 'halo', what: 'Halo adapter settings' })
  } catch (error) {
    throw namingHaloVariable(error, fromEnvironment)
  }
  if (options.client) {
    const extra = Object.keys(clientPart).filter((key) => key !== 'environment' && clientPart[key] !== undefined)
    if (extra.length > 0) {
      throw new ConfigurationError(`Invalid Halo adapter settings: ${extra[0]}: give client settings or an existing client, not both.`, {
        vendor: 'halo',
        option: extra[0]!,
      })
    }
    // A client given as it is keeps its budget to itself: Halo's documented one is assumed.
    return { options, client: options.client, ownsClient: false, rateLimit: haloDocumentedRateLimit }
  }
  const clientSettings = clientPart as HaloClientSettings
  let client: HaloClient
  try {
    client = new HaloClient(clientSettings)
  } catch (error) {
    throw namingHaloVariable(error, fromEnvironment)
  }
  const rateLimit = haloConfiguredRateLimit(clientSettings.rateLimit)
  return { options, client, ownsClient: true, ...(rateLimit ? { rateLimit } : {}) }
}
