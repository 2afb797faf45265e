import { z } from 'zod'

/**
 * The five status categories every vendor's statuses fall into. Vendors let each tenant define
 * its own statuses, so the vendor's value is always kept beside the category.
 */
export const statusCategorySchema = z.enum(['new', 'open', 'pending', 'resolved', 'closed'])
export type StatusCategory = z.infer<typeof statusCategorySchema>
export const statusCategories = statusCategorySchema.options

/** A ticket's status: the common category and the vendor's own id and name. */
export const ticketStatusSchema = z.object({
  category: statusCategorySchema,
  id: z.string().optional(),
  name: z.string(),
})
export type TicketStatus = z.infer<typeof ticketStatusSchema>
