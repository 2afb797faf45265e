import { z } from 'zod'

/** The four priority levels every vendor's priorities map onto. */
export const priorityLevelSchema = z.enum(['low', 'normal', 'high', 'urgent'])
export type PriorityLevel = z.infer<typeof priorityLevelSchema>
export const priorityLevels = priorityLevelSchema.options

/** A ticket's priority: the common level and the vendor's own id and name. */
export const ticketPrioritySchema = z.object({
  level: priorityLevelSchema,
  id: z.string().optional(),
  name: z.string().optional(),
})
export type TicketPriority = z.infer<typeof ticketPrioritySchema>
