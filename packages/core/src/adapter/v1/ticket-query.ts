import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../../input/same-type'
import { type StatusCategory, statusCategorySchema } from '../../model/ticket-status'
import { timestampSchema } from '../../model/timestamp'

/**
 * Filters for `tickets.list`. Every adapter honours every filter: those its vendor cannot run
 * server-side (see `capabilities.query`) it applies to what the server returns.
 */
export const ticketQuerySchema = z.object({
  /** Tickets changed at or after this instant. */
  updatedSince: timestampSchema.optional(),
  /** Tickets created at or after this instant. */
  createdSince: timestampSchema.optional(),
  statusCategories: z.array(statusCategorySchema).min(1).optional(),
  queueId: z.string().optional(),
  organizationId: z.string().optional(),
  /** Words in the subject or description. */
  text: z.string().min(1).optional(),
  /** Page size to ask for; the server may return fewer, and paging follows what it returned. */
  pageSize: z.number().int().positive().optional(),
  /** The listing's order; left out, the vendor's own (usually by id). Only orders in `capabilities.tickets.orders`. */
  order: z.enum(['recently-updated-first']).optional(),
})

/** Orders `tickets.list` can be asked for: `recently-updated-first` sorts by `updatedAt`, newest first. */
export type TicketListOrder = 'recently-updated-first'

/** Filters for `tickets.list` (checked against `ticketQuerySchema`). */
export interface TicketQuery {
  /** Tickets changed at or after this ISO-8601 UTC instant. */
  updatedSince?: string
  /** Tickets created at or after this ISO-8601 UTC instant. */
  createdSince?: string
  statusCategories?: StatusCategory[]
  queueId?: string
  organizationId?: string
  /** Words in the subject or description. */
  text?: string
  /** Page size to ask for; the server may return fewer, and paging follows what it returned. */
  pageSize?: number
  /**
   * The listing's order; left out, the vendor's own (usually by id). Only where the vendor sorts
   * so (`capabilities.tickets.orders`); elsewhere the call is refused, not silently unordered.
   */
  order?: TicketListOrder
}
type _TicketQueryPinned = ExpectTrue<IsSameType<TicketQuery, z.input<typeof ticketQuerySchema>>>

/** The names of the ticket query filters. */
export type TicketQueryFilter = Exclude<keyof TicketQuery, 'pageSize' | 'order'>
export const ticketQueryFilters: TicketQueryFilter[] = ['updatedSince', 'createdSince', 'statusCategories', 'queueId', 'organizationId', 'text']

/** Filters for `people.list`. */
export interface PersonQuery {
  kind?: 'agent' | 'contact'
  text?: string
  pageSize?: number
}
