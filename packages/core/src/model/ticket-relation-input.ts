import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'
import { type TicketRelationKind, ticketRelationKindSchema } from './ticket-relation'

/** What `relations.create` takes. */
export const ticketRelationCreateInputSchema = z.object({
  relatedTicketId: z.string().min(1),
  kind: ticketRelationKindSchema,
})

/** What `relations.create` takes (checked against `ticketRelationCreateInputSchema`). */
export interface TicketRelationCreateInput {
  relatedTicketId: string
  kind: TicketRelationKind
}
type _TicketRelationCreateInputPinned = ExpectTrue<IsSameType<TicketRelationCreateInput, z.input<typeof ticketRelationCreateInputSchema>>>
