import type { AdapterCapabilities } from '@ticketbridge/core'
import { haloPageSizeLimit } from '../client/halo-collection'

/**
 * What the Halo adapter can do, as Halo really honours it (halo.md):
 * - Pages hold at most 100 tickets, whatever is asked (§3.3).
 * - Tickets and actions are created as arrays; HaloAPI's batch processor sends 100 a request (§7).
 * - An action moves its ticket to another status with `new_status` (swagger `Actions`; §4.2).
 * - Comments are actions: public with `hiddenfromuser: false`, internal with `true`; HTML in
 *   `note_html` (§4.2). Author and time are not declared writable: `who` is an answer-only field
 *   and the spec does not say the API honours action dates written by a client, so both warn.
 * - A ticket's creation time (`dateoccurred`) is likewise not declared writable; it warns.
 * - Writes can be silent through `dont_do_rules`, `_dont_fire_automations` and `sendack: false`
 *   on tickets and `sendemail: false` on actions (§3.1).
 * - `updatedSince` runs in the adapter: Halo has no documented "changed since" filter (§3.4).
 * - Tickets list most recently updated first with `order=last_update&orderdesc=true` (§3.4):
 *   `last_update` is the field `updatedAt` reads, so the order is the common model's.
 */
/** Records per array POST: no maximum is documented; HaloAPI's batch processor sends 100 (halo.md §7). */
export const haloWriteBatchLimit = 100

export function haloCapabilities(externalId: AdapterCapabilities['externalId']): AdapterCapabilities {
  return {
    tickets: {
      create: true,
      update: true,
      delete: true,
      setCreatedAt: false,
      html: true,
      pageSizeLimit: haloPageSizeLimit,
      createBatchLimit: haloWriteBatchLimit,
      attachments: true,
      orders: ['recently-updated-first'],
    },
    comments: {
      create: true,
      visibilities: ['public', 'internal'],
      setAuthor: false,
      setCreatedAt: false,
      html: true,
      createBatchLimit: haloWriteBatchLimit,
      setTicketStatus: true,
      attachments: true,
    },
    attachments: { upload: true, download: true, linkToComment: true },
    people: { create: true },
    organizations: { create: true },
    externalId,
    query: {
      updatedSince: 'client',
      createdSince: 'server',
      statusCategories: 'server',
      queueId: 'server',
      organizationId: 'server',
      text: 'server',
    },
    silentWrites: true,
    timeEntries: true,
    timeEntriesAreComments: true,
    relations: false,
  }
}

/** Why the operations Halo's capabilities leave out are missing, and what to use instead. */
export const haloUnsupportedReasons: Readonly<Record<string, string>> = {
  'relations.list': 'the Halo adapter does not map ticket relations yet; use client.tickets (parent_id) directly',
  'relations.create': 'the Halo adapter does not map ticket relations yet; use client.tickets (parent_id) directly',
}
