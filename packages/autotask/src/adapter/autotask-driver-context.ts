import type { AdapterCapabilities, DriverCallContext } from '@ticketbridge/core'
import type { AutotaskClient } from '../client/autotask-client'
import { createPicklist } from '../client/autotask-metadata'
import type { ResolvedAutotaskAdapterOptions } from './autotask-adapter-settings'
import { type AutotaskCoalescedReads, createAutotaskCoalescedReads } from './autotask-coalesced-reads'
import { AutotaskInputResolver } from './autotask-input-resolver'
import { type AutotaskPublishLevels, type AutotaskTicketLookups, createPublishLevels, createTicketLookups } from './autotask-lookups'

/** What every operation group of the Autotask driver shares. */
export interface AutotaskDriverContext {
  readonly client: AutotaskClient
  readonly options: ResolvedAutotaskAdapterOptions
  readonly capabilities: AdapterCapabilities
  /** Selectors of the common model (by id, name, email, category) as Autotask ids. */
  readonly resolve: AutotaskInputResolver
  readonly reads: AutotaskCoalescedReads
  /** The resource the client acts as (`impersonationResourceId`): who logs time when nothing else says. */
  readonly impersonationResourceId: number | undefined
  /** The tenant's ticket picklists with their mappings; cached by the client's metadata, `refresh` reads them anew. */
  ticketLookups(context: DriverCallContext, refresh?: boolean): Promise<AutotaskTicketLookups>
  /** How comment visibility maps onto the tenant's note publish levels. */
  publishLevels(context: DriverCallContext): Promise<AutotaskPublishLevels>
}

/** What the driver context is built from, besides the client. */
export interface AutotaskDriverContextSettings {
  options: ResolvedAutotaskAdapterOptions
  capabilities: AdapterCapabilities
  /** The API user, whose resource owns the companies the adapter creates. */
  username: string
  impersonationResourceId?: number | undefined
}

export function createAutotaskDriverContext(client: AutotaskClient, settings: AutotaskDriverContextSettings): AutotaskDriverContext {
  const { options } = settings
  return {
    client,
    options,
    capabilities: settings.capabilities,
    resolve: new AutotaskInputResolver(client, settings.username),
    reads: createAutotaskCoalescedReads(client),
    impersonationResourceId: settings.impersonationResourceId,
    async ticketLookups(context, refresh = false) {
      const fields = await client.metadata.fields('Tickets', { ...context, refresh })
      const picklist = (name: string) =>
        createPicklist('Tickets', name, fields.find((field) => field.name.toLowerCase() === name.toLowerCase())?.picklistValues ?? [])
      return createTicketLookups(
        { statuses: picklist('status'), priorities: picklist('priority'), queues: picklist('queueID'), issueTypes: picklist('issueType') },
        options,
      )
    },
    async publishLevels(context) {
      return createPublishLevels(await client.metadata.picklist('TicketNotes', 'publish', context), options)
    },
  }
}
