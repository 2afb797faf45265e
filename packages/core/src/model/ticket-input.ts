import { carriedFilesSchema } from './file-upload'
import { z } from 'zod'
import { customFieldValueSchema } from './custom-field-value'
import { referenceSelectorSchema } from './reference'
import { richTextSchema } from './rich-text'
import { priorityLevelSchema } from './ticket-priority'
import { statusCategorySchema } from './ticket-status'
import { timestampSchema } from './timestamp'
import { vendorOptionsSchema } from './vendor-options'

/** Chooses a status by the vendor's id or name, or lets the adapter pick one of a category. */
export const statusSelectorSchema = z
  .object({ id: z.string().optional(), name: z.string().optional(), category: statusCategorySchema.optional() })
  .refine((selector) => selector.id ?? selector.name ?? selector.category, { message: 'give an id, a name or a category' })
export type StatusSelector = z.infer<typeof statusSelectorSchema>

/** Chooses a priority by the vendor's id or name, or lets the adapter pick one of a level. */
export const prioritySelectorSchema = z
  .object({ id: z.string().optional(), name: z.string().optional(), level: priorityLevelSchema.optional() })
  .refine((selector) => selector.id ?? selector.name ?? selector.level, { message: 'give an id, a name or a level' })
export type PrioritySelector = z.infer<typeof prioritySelectorSchema>

const ticketFieldsShape = {
  subject: z.string().trim().min(1, 'a ticket needs a subject'),
  description: richTextSchema,
  status: statusSelectorSchema.optional(),
  priority: prioritySelectorSchema.optional(),
  queue: referenceSelectorSchema.optional(),
  type: referenceSelectorSchema.optional(),
  requester: referenceSelectorSchema.optional(),
  assignee: referenceSelectorSchema.optional(),
  team: referenceSelectorSchema.optional(),
  organization: referenceSelectorSchema.optional(),
  tags: z.array(z.string()).optional(),
  customFields: z.record(z.string(), customFieldValueSchema).optional(),
  dueAt: timestampSchema.optional(),
  /** The id in the system the ticket came from; how it is kept is in `capabilities.externalId`. */
  externalId: z.string().min(1).optional(),
  /** The original creation time, honoured where `capabilities.tickets.setCreatedAt`. */
  createdAt: timestampSchema.optional(),
  vendorOptions: vendorOptionsSchema.optional(),
}

/** What `tickets.create` takes. */
export const ticketCreateInputSchema = z.object({
  ...ticketFieldsShape,
  /**
   * Files the ticket carries, sent in its create request where `capabilities.tickets.attachments`
   * (Halo's `Faults.attachments`, RT's `Attachments`); refused elsewhere (use `attachments.upload`).
   */
  attachments: carriedFilesSchema.optional(),
})
export type TicketCreateInput = z.input<typeof ticketCreateInputSchema>

/** What `tickets.update` takes: any of the create fields; absent fields are left alone. */
export const ticketUpdateInputSchema = z.object(ticketFieldsShape).partial()
export type TicketUpdateInput = z.input<typeof ticketUpdateInputSchema>
