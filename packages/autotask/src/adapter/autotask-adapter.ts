import { createTicketingAdapter, type TicketingAdapterV1 } from '@ticketbridge/core'
import { AutotaskClient } from '../client/autotask-client'
import { type AutotaskAdapterSettings, autotaskClientSettingsOf } from './autotask-adapter-settings'
import { createAutotaskDriver } from './autotask-driver'

/** The Autotask adapter: the contract, and the native client underneath for everything else. */
export interface AutotaskAdapter extends TicketingAdapterV1 {
  /** The native client the adapter uses: vendor field names, every entity. */
  readonly client: AutotaskClient
}

/**
 * Creates the Autotask adapter: the vendor-neutral contract over {@link AutotaskClient}.
 * Settings are checked at construction (ConfigurationError naming the option); nothing is sent
 * until the first call.
 *
 * - Statuses, priorities, queues and issue types come from the tenant's picklists and map to the
 *   common categories and levels by label (override with `statusCategories` / `priorityLevels`).
 * - Comments are ticket notes; their publish level gives the visibility. Notes are plain text:
 *   HTML is written as text with a `converted` warning.
 * - The external id is kept in the ticket's `externalID` field (or a UDF) and found with one query.
 * - Every ticket query filter runs in Autotask; listings page by id, 500 at a time.
 *
 * @example
 * const adapter = createAutotaskAdapter({ username, secret, integrationCode })
 * for await (const ticket of adapter.tickets.list({ updatedSince: '2025-01-01T00:00:00Z' })) console.log(ticket.subject)
 */
export function createAutotaskAdapter(settings: AutotaskAdapterSettings): AutotaskAdapter {
  const client = new AutotaskClient(autotaskClientSettingsOf(settings))
  return createTicketingAdapter(createAutotaskDriver(client, settings), { client })
}
