import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'
import { type CustomFieldValue, customFieldValueSchema } from './custom-field-value'
import { type CarriedFiles, carriedFilesSchema } from './file-upload'
import { type ReferenceSelector, referenceSelectorSchema } from './reference'
import { type RichText, richTextSchema } from './rich-text'
import { type PriorityLevel, priorityLevelSchema } from './ticket-priority'
import { type StatusCategory, statusCategorySchema } from './ticket-status'
import { timestampSchema } from './timestamp'
import { type VendorOptions, vendorOptionsSchema } from './vendor-options'

/** Chooses a status by the vendor's id or name, or lets the adapter pick one of a category. */
export const statusSelectorSchema = z
  .object({ id: z.string().optional(), name: z.string().optional(), category: statusCategorySchema.optional() })
  .refine((selector) => selector.id ?? selector.name ?? selector.category, { message: 'give an id, a name or a category' })
/** A status by the vendor's id or name, or any status of a category; give at least one. */
export interface StatusSelector {
  id?: string
  name?: string
  category?: StatusCategory
}
type _StatusSelectorPinned = ExpectTrue<IsSameType<StatusSelector, z.input<typeof statusSelectorSchema>>>

/** Chooses a priority by the vendor's id or name, or lets the adapter pick one of a level. */
export const prioritySelectorSchema = z
  .object({ id: z.string().optional(), name: z.string().optional(), level: priorityLevelSchema.optional() })
  .refine((selector) => selector.id ?? selector.name ?? selector.level, { message: 'give an id, a name or a level' })
/** A priority by the vendor's id or name, or any priority of a level; give at least one. */
export interface PrioritySelector {
  id?: string
  name?: string
  level?: PriorityLevel
}
type _PrioritySelectorPinned = ExpectTrue<IsSameType<PrioritySelector, z.input<typeof prioritySelectorSchema>>>

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

/** What `tickets.update` takes: any of the create fields; absent fields are left alone. */
export const ticketUpdateInputSchema = z.object(ticketFieldsShape).partial()

/**
 * What `tickets.update` takes: any of the ticket's fields; absent fields are left alone. A named
 * interface (checked against `ticketUpdateInputSchema`, the runtime check) so compiler errors name it.
 */
export interface TicketUpdateInput {
  subject?: string
  description?: RichText
  status?: StatusSelector
  priority?: PrioritySelector
  queue?: ReferenceSelector
  type?: ReferenceSelector
  requester?: ReferenceSelector
  assignee?: ReferenceSelector
  team?: ReferenceSelector
  organization?: ReferenceSelector
  tags?: string[]
  /** Values by field key. */
  customFields?: Record<string, CustomFieldValue>
  /** An ISO-8601 UTC instant (`2024-05-02T08:00:00Z`). */
  dueAt?: string
  /** The id in the system the ticket came from; how it is kept is in `capabilities.externalId`. */
  externalId?: string
  /** The original creation time, honoured where `capabilities.tickets.setCreatedAt`. */
  createdAt?: string
  vendorOptions?: VendorOptions
}
type _TicketUpdateInputPinned = ExpectTrue<IsSameType<TicketUpdateInput, z.input<typeof ticketUpdateInputSchema>>>

/** What `tickets.create` takes: a subject and a description at least (checked against `ticketCreateInputSchema`). */
export interface TicketCreateInput extends TicketUpdateInput {
  subject: string
  description: RichText
  /**
   * Files the ticket carries, sent in its create request where `capabilities.tickets.attachments`
   * (Halo's `Faults.attachments`, RT's `Attachments`); refused elsewhere (use `attachments.upload`).
   */
  attachments?: CarriedFiles
}
type _TicketCreateInputPinned = ExpectTrue<IsSameType<TicketCreateInput, z.input<typeof ticketCreateInputSchema>>>
