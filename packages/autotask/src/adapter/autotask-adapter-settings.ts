import { parseSettings, priorityLevelSchema, statusCategorySchema } from '@ticketbridge/core'
import { z } from 'zod'
import type { AutotaskClientSettings } from '../client/autotask-client-settings'

/** A picklist value named by its number or its label. */
const picklistChoice = z.union([z.number().int(), z.string().trim().min(1)])

/** The adapter's own settings (the client's settings come beside them). */
export const autotaskAdapterOptionsSchema = z.object({
  /**
   * Where the external id of a ticket is kept: the native `externalID` field (default), or a
   * ticket user-defined field named by its label (`{ udf: 'Source Ticket' }`). Either way
   * `findByExternalId` is one server-side query.
   */
  externalId: z
    .union([z.object({ field: z.string().trim().min(1) }).strict(), z.object({ udf: z.string().trim().min(1) }).strict()])
    .default({ field: 'externalID' }),
  /** The company of tickets and contacts created without an organization (0 is the tenant's own company). */
  defaultCompanyId: z.number().int().nonnegative().default(0),
  /** The queue of tickets created without a queue or assignee; defaults to the tenant's default queue. */
  defaultQueue: picklistChoice.optional(),
  /** The note `publish` levels comments are written with, by value or label; defaults by label (internal levels contain "Internal"). */
  notePublish: z.object({ public: picklistChoice.optional(), internal: picklistChoice.optional() }).strict().default({}),
  /** The `noteType` of comments, by value or label; defaults to the tenant's default note type. */
  noteType: picklistChoice.optional(),
  /** Status categories by status label or value (`{ 'Waiting Customer': 'pending' }`), over the label-based defaults. */
  statusCategories: z.record(z.string(), statusCategorySchema).default({}),
  /** Priority levels by priority label or value (`{ 'P1 - Outage': 'urgent' }`), over the label-based defaults. */
  priorityLevels: z.record(z.string(), priorityLevelSchema).default({}),
  /**
   * Write comments as their author through `ImpersonationResourceId`. Needs the API user's
   * security level to allow impersonation on ticket notes and the author to be a resource whose
   * level allows being impersonated; off by default, and then `comments.setAuthor` is false.
   */
  impersonateAuthors: z.boolean().default(false),
  /** The resource time entries are logged as when the input names no person. */
  timeEntryResourceId: z.number().int().positive().optional(),
  /** Fields (vendor names) every created company gets unless the input says otherwise, such as `{ phone: '…', ownerResourceID: 29682885 }`. */
  organizationDefaults: z.record(z.string(), z.unknown()).default({}),
})

/** Settings of {@link createAutotaskAdapter}: the client's settings and the adapter's own. */
export type AutotaskAdapterSettings = AutotaskClientSettings & z.input<typeof autotaskAdapterOptionsSchema>

export type ResolvedAutotaskAdapterOptions = z.output<typeof autotaskAdapterOptionsSchema>

/** The keys of the adapter's own settings, to split them from the client's. */
const autotaskAdapterOptionKeys = Object.keys(autotaskAdapterOptionsSchema.shape) as (keyof ResolvedAutotaskAdapterOptions)[]

/** The client's part of the settings: everything but the adapter's own. */
export function autotaskClientSettingsOf(settings: AutotaskAdapterSettings): AutotaskClientSettings {
  const clientPart: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings ?? {})) if (!(autotaskAdapterOptionKeys as string[]).includes(key)) clientPart[key] = value
  return clientPart as unknown as AutotaskClientSettings
}

/** The adapter's own settings, checked (ConfigurationError naming the option) with their defaults. */
export function resolveAutotaskAdapterOptions(settings: AutotaskAdapterSettings): ResolvedAutotaskAdapterOptions {
  const adapterPart: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings ?? {})) if ((autotaskAdapterOptionKeys as string[]).includes(key)) adapterPart[key] = value
  return parseSettings(autotaskAdapterOptionsSchema, adapterPart, { vendor: 'autotask', what: 'Autotask adapter settings' })
}
