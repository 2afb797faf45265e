import type { SharedTicketReads } from '@ticketbridge/core'
import { createWriteCoalescer, type WriteCoalescer } from '@ticketbridge/http'
import type { HaloClient } from '../client/halo-client'
import type { HaloAction, HaloActionInput } from '../client/resources/halo-actions'
import type { HaloTicket } from '../client/resources/halo-tickets'
import type { HaloUser } from '../client/resources/halo-users'
import type { HaloWritable } from '../client/halo-openapi-types'
import type { ResolvedHaloAdapterOptions } from './halo-adapter-settings'
import { haloWriteBatchLimit } from './halo-capabilities'
import { createHaloInstanceLookups, type HaloInstanceLookups } from './halo-instance-lookups'
import { HaloInputResolver } from './halo-input-resolver'
import { createHaloTicketActions, type HaloActionReader } from './halo-ticket-actions'

/** Where the external id is kept: a marker in the details, or a ticket custom field. */
export type HaloExternalIdStorage = ResolvedHaloAdapterOptions['externalId']

/** A ticket as `POST /Tickets` takes it. */
export type HaloTicketWrite = Parameters<HaloClient['tickets']['createMany']>[0][number]

/**
 * What the operation groups of one Halo driver share: the client, the instance's lookups and
 * selector resolution (both cached), and the queues that gather single creates into array POSTs.
 */
export interface HaloDriverContext {
  readonly client: HaloClient
  readonly options: ResolvedHaloAdapterOptions
  readonly externalId: HaloExternalIdStorage
  readonly lookups: HaloInstanceLookups
  readonly resolver: HaloInputResolver
  /** Tickets created together leave as one `POST /Tickets`. */
  readonly ticketWrites: WriteCoalescer<HaloTicketWrite, HaloTicket>
  /** Comments and time entries created together leave as one `POST /Actions`. */
  readonly actionWrites: WriteCoalescer<HaloActionInput, HaloAction>
  /** End users created together leave as one `POST /Users`. */
  readonly userWrites: WriteCoalescer<HaloWritable<'Users'>, HaloUser>
  /** Many tickets' actions, read once for their comments and their time entries. */
  readonly ticketActions: SharedTicketReads<HaloActionReader, HaloAction[]>
}

export function createHaloDriverContext(client: HaloClient, options: ResolvedHaloAdapterOptions): HaloDriverContext {
  const lookups = createHaloInstanceLookups(client, {
    ttlMs: options.lookupCacheMs,
    statusCategories: options.statusCategories,
    priorityLevels: options.priorityLevels,
  })
  return {
    client,
    options,
    externalId: options.externalId,
    lookups,
    resolver: new HaloInputResolver(client, lookups, 'ticket', { userCacheMs: options.lookupCacheMs }),
    // Every Halo POST takes an array (halo.md §3.1): single creates made together (a migration
    // moving several tickets at once) leave as one request. Files stay one per request: an array
    // of them is one body of their summed size.
    // Tickets and actions may carry files (`attachments`, base64): arrays stay under the request body bound.
    ticketWrites: createWriteCoalescer((rows: HaloTicketWrite[], current) => client.tickets.createMany(rows, current), {
      maxBatch: haloWriteBatchLimit,
      maxBytes: options.maxRequestBytes,
      sizeOf: haloWriteWeight,
    }),
    actionWrites: createWriteCoalescer((rows: HaloActionInput[], current) => client.actions.createMany(rows, current), {
      maxBatch: haloWriteBatchLimit,
      maxBytes: options.maxRequestBytes,
      sizeOf: haloWriteWeight,
    }),
    userWrites: createWriteCoalescer((rows: HaloWritable<'Users'>[], current) => client.users.createMany(rows, current), {
      maxBatch: haloWriteBatchLimit,
    }),
    ticketActions: createHaloTicketActions(client),
  }
}

/** About how many bytes a ticket or action weighs in a request body: its texts, its files' base64, and room for the other fields. */
function haloWriteWeight(row: object): number {
  const { note, note_html: noteHtml, details, details_html: detailsHtml, attachments } = row as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0)
  const files = Array.isArray(attachments) ? (attachments as { data?: unknown }[]) : []
  return 1_024 + text(note) + text(noteHtml) + text(details) + text(detailsHtml) + files.reduce((sum, file) => sum + text(file.data) + 256, 0)
}
