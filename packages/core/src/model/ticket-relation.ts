import { z } from 'zod'

/** How two tickets relate. Optional capability: `capabilities.relations`. */
export const ticketRelationKindSchema = z.enum(['parent', 'child', 'related', 'duplicate-of'])
export type TicketRelationKind = z.infer<typeof ticketRelationKindSchema>

export const ticketRelationSchema = z.object({
  ticketId: z.string().min(1),
  relatedTicketId: z.string().min(1),
  kind: ticketRelationKindSchema,
})
export type TicketRelation = z.infer<typeof ticketRelationSchema>
