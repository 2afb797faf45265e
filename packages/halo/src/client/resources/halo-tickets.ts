import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloCustomFieldValueSchema, haloId, optionalDate, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/** A ticket (`Faults`) as Halo answers it; fields beyond these are kept as they came. */
export const haloTicketSchema = z.looseObject({
  id: haloId,
  summary: optionalText,
  details: optionalText,
  details_html: optionalText,
  tickettype_id: optionalId,
  tickettype_name: optionalText,
  status_id: optionalId,
  status_name: optionalText,
  priority_id: optionalId,
  priority_name: optionalText,
  sla_id: optionalId,
  client_id: optionalId,
  client_name: optionalText,
  site_id: optionalId,
  site_name: optionalText,
  user_id: optionalId,
  user_name: optionalText,
  user_email: optionalText,
  reportedby: optionalText,
  agent_id: optionalId,
  agent_name: optionalText,
  /** The team's name: this spec's tickets have no team id (newer builds add `team_id`). */
  team: optionalText,
  team_id: optionalId,
  category_1: optionalText,
  dateoccurred: optionalDate,
  datecreated: optionalDate,
  dateclosed: optionalDate,
  lastactiondate: optionalDate,
  last_update: optionalDate,
  respondbydate: optionalDate,
  fixbydate: optionalDate,
  targetdate: optionalDate,
  deadlinedate: optionalDate,
  onhold: optionalFlag,
  hasbeenclosed: optionalFlag,
  third_party_id: optionalNumber,
  customfields: z.array(haloCustomFieldValueSchema).nullish(),
  tags: z.array(z.looseObject({ id: optionalId, text: optionalText })).nullish(),
  deleted: optionalFlag,
  /** A warning Halo attached to a successful write. */
  _warning: optionalText,
})
export type HaloTicket = z.infer<typeof haloTicketSchema>

/** A ticket to create or update, with Halo's field names (`summary`, `details_html`, `tickettype_id`, …). */
export type HaloTicketInput = HaloWritable<'Faults'>
/** Every filter of `GET /Tickets` the spec declares (about 190). */
export type HaloTicketQuery = HaloListQuery<'/Tickets'>

/**
 * Tickets (`/Tickets`). Lists page automatically (100 per page at most, following
 * `record_count`); `get` asks for details by default; writes are array upserts.
 *
 * @example
 * const open = await client.tickets.list({ open_only: true, requesttype_id: 1 }).toArray({ limit: 500 })
 * const [created] = await client.tickets.createMany([{ summary: 'VPN drops', details_html: '<p>…</p>', tickettype_id: 1 }])
 * await client.tickets.update({ id: created.id, status_id: 2 })
 */
export class HaloTickets extends HaloCollection<{
  row: HaloTicket
  listQuery: HaloTicketQuery
  getQuery: HaloQueryOf<'/Tickets/{id}', 'get'>
  deleteQuery: HaloQueryOf<'/Tickets/{id}', 'delete'>
  input: HaloTicketInput
}> {
  constructor(context: HaloRequestContext, path: '/Tickets' | '/Projects' = '/Tickets', what = 'ticket') {
    super(context, { path, listKey: 'tickets', paged: true, row: haloTicketSchema, what })
  }

  /** One ticket with its details (custom fields, HTML, names) unless `includedetails: false`. */
  override get(id: number | string, query: HaloQueryOf<'/Tickets/{id}', 'get'> = {}, options: HaloCallOptions = {}): Promise<HaloTicket> {
    return super.get(id, { includedetails: true, ...query }, options)
  }

  /** Tickets matching `text` (Halo's `search`), at most `limit` of them. */
  search(text: string, query: HaloTicketQuery & { limit?: number } = {}, options: HaloCallOptions = {}): Promise<HaloTicket[]> {
    const { limit = 100, ...filters } = query
    return this.list({ ...filters, search: text }, options).toArray({ limit })
  }
}
