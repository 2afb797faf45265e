import { z } from 'zod'
import { ticketRelationKindSchema } from './ticket-relation'

/** What `relations.create` takes. */
export const ticketRelationCreateInputSchema = z.object({
  relatedTicketId: z.string().min(1),
  kind: ticketRelationKindSchema,
})
export type TicketRelationCreateInput = z.input<typeof ticketRelationCreateInputSchema>
