import { createTicketingAdapter, type TicketingAdapterV1 } from '@ticketbridge/core'
import { AutotaskClient } from '../client/autotask-client'
import {
  autotaskAdapterEnvironmentNames,
  autotaskClientEnvironmentNames,
  namingAutotaskVariable,
  withAutotaskEnvironment,
} from '../client/autotask-environment-settings'
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
 * Settings left out are read from `AUTOTASK_*` variables: the client's (see `AutotaskClientSettings`)
 * and AUTOTASK_DEFAULT_COMPANY_ID, AUTOTASK_ORGANIZATION_PHONE and AUTOTASK_TIME_ENTRY_RESOURCE_ID.
 * Given settings win.
 *
 * @example
 * // AUTOTASK_USERNAME, AUTOTASK_SECRET and AUTOTASK_INTEGRATION_CODE set in the environment:
 * const adapter = createAutotaskAdapter()
 *
 * @example
 * const adapter = createAutotaskAdapter({ username, secret, integrationCode })
 * for await (const ticket of adapter.tickets.list({ updatedSince: '2025-01-01T00:00:00Z' })) console.log(ticket.subject)
 */
export function createAutotaskAdapter(settings: AutotaskAdapterSettings = {}): AutotaskAdapter {
  const { environment = process.env, ...given } = settings
  const names = [...autotaskClientEnvironmentNames, ...autotaskAdapterEnvironmentNames]
  const { settings: complete, fromEnvironment } = withAutotaskEnvironment(given, environment, names)
  try {
    // The client reads nothing more: what the environment gives is in `complete` already.
    const client = new AutotaskClient({ ...autotaskClientSettingsOf(complete), environment: {} })
    // The client refused settings without a user name, so `complete` has one.
    return createTicketingAdapter(createAutotaskDriver(client, complete as AutotaskAdapterSettings & { username: string }), { client })
  } catch (error) {
    throw namingAutotaskVariable(error, fromEnvironment)
  }
}
