import { z } from 'zod'
import { priorityLevelSchema } from './ticket-priority'
import { statusCategorySchema } from './ticket-status'

/** One of the vendor's ticket statuses, with the category it maps to. */
export const statusDefinitionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  category: statusCategorySchema,
})
export type StatusDefinition = z.infer<typeof statusDefinitionSchema>

/** One of the vendor's priorities, with the level it maps to. */
export const priorityDefinitionSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  level: priorityLevelSchema,
})
export type PriorityDefinition = z.infer<typeof priorityDefinitionSchema>

/** A queue (Autotask queue, RT queue, Halo team used as a queue). */
export const queueSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
})
export type Queue = z.infer<typeof queueSchema>

/** A ticket type (Halo ticket type, Autotask issue type or ticket category, RT queue lifecycle). */
export const ticketTypeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
})
export type TicketType = z.infer<typeof ticketTypeSchema>

export const customFieldTypeSchema = z.enum(['text', 'number', 'boolean', 'date', 'select', 'multiselect'])
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>

/** A custom field a ticket can carry. */
export const customFieldDefinitionSchema = z.object({
  /** The key used in `ticket.customFields`. */
  key: z.string().min(1),
  label: z.string(),
  type: customFieldTypeSchema,
  /** Allowed values of select fields. */
  options: z.array(z.string()).optional(),
  required: z.boolean(),
})
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>
