import { z } from 'zod'
import { customFieldValueSchema } from './custom-field-value'
import { referenceSchema } from './reference'
import { richTextSchema } from './rich-text'
import { ticketPrioritySchema } from './ticket-priority'
import { ticketStatusSchema } from './ticket-status'
import { timestampSchema } from './timestamp'
import { vendorRecordShape } from './vendor-record'

/** A ticket in the common model. */
export const ticketSchema = z.object({
  ...vendorRecordShape,
  subject: z.string(),
  description: richTextSchema,
  status: ticketStatusSchema,
  priority: ticketPrioritySchema,
  queue: referenceSchema.optional(),
  type: referenceSchema.optional(),
  requester: referenceSchema.optional(),
  assignee: referenceSchema.optional(),
  team: referenceSchema.optional(),
  organization: referenceSchema.optional(),
  tags: z.array(z.string()),
  /** Custom field values by field key (see `lookups.customFields()`). */
  customFields: z.record(z.string(), customFieldValueSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  dueAt: timestampSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  closedAt: timestampSchema.optional(),
  /** The id this ticket has in another system, kept where `capabilities.externalId` says. */
  externalId: z.string().optional(),
})
export type Ticket = z.infer<typeof ticketSchema>
