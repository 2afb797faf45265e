import type { DocumentedRateLimit, TicketingDriverV1 } from '@ticketbridge/core'
import type { AutotaskClient } from '../client/autotask-client'
import { defaultAttachmentMaxBytes, defaultHourlyRequestLimit } from '../client/autotask-client-settings'
import { type AutotaskAdapterSettings, resolveAutotaskAdapterOptions } from './autotask-adapter-settings'
import { createAutotaskAttachmentOperations } from './autotask-attachment-operations'
import { autotaskCapabilities, autotaskUnsupportedReasons } from './autotask-capabilities'
import { createAutotaskCommentOperations } from './autotask-comment-operations'
import { createAutotaskDriverContext } from './autotask-driver-context'
import { createAutotaskLookupOperations } from './autotask-lookup-operations'
import { createAutotaskOrganizationOperations } from './autotask-organization-operations'
import { createAutotaskPersonOperations } from './autotask-person-operations'
import { createAutotaskTicketOperations } from './autotask-ticket-operations'
import { createAutotaskTimeEntryOperations } from './autotask-time-entry-operations'

/** Where Autotask's limit is documented; the figure the adapter keeps to is the configured budget. */
export const autotaskRateLimitSource = 'Autotask: 10,000 requests per hour per database (autotask.md)'

/** The pace the client keeps to: the configured hourly budget over its window (an hour, shorter only on a fast simulator clock). */
export function autotaskRateLimit(settings: Pick<AutotaskAdapterSettings, 'hourlyRequestLimit' | 'hourlyWindowMs'>): DocumentedRateLimit {
  return {
    requests: settings.hourlyRequestLimit ?? defaultHourlyRequestLimit,
    windowMs: settings.hourlyWindowMs ?? 3_600_000,
    source: autotaskRateLimitSource,
  }
}

/**
 * The Autotask driver: the operations Autotask's REST API has, over {@link AutotaskClient}, one
 * group per file. `createTicketingAdapter` turns it into the adapter. The adapter's own settings
 * are checked here (ConfigurationError naming the option); the client checked its own.
 */
export function createAutotaskDriver(client: AutotaskClient, settings: AutotaskAdapterSettings & { username: string }): TicketingDriverV1 {
  const options = resolveAutotaskAdapterOptions(settings)
  const capabilities = autotaskCapabilities(
    options,
    typeof settings.attachmentMaxBytes === 'number' ? settings.attachmentMaxBytes : defaultAttachmentMaxBytes,
  )
  const context = createAutotaskDriverContext(client, {
    options,
    capabilities,
    username: settings.username,
    impersonationResourceId: settings.impersonationResourceId,
  })
  return {
    specificationVersion: 'v1',
    vendor: 'autotask',
    title: 'Autotask',
    capabilities,
    rateLimit: autotaskRateLimit(settings),
    tickets: createAutotaskTicketOperations(context),
    comments: createAutotaskCommentOperations(context),
    attachments: createAutotaskAttachmentOperations(context),
    people: createAutotaskPersonOperations(context),
    organizations: createAutotaskOrganizationOperations(context),
    lookups: createAutotaskLookupOperations(context),
    timeEntries: createAutotaskTimeEntryOperations(context),
    unsupportedReasons: autotaskUnsupportedReasons,
    close: () => client.close(),
  }
}
