import { priorityLevelSchema, statusCategorySchema } from '@ticketbridge/core'
import { z } from 'zod'
import { type RtClientSettings, rtTransportSettingsShape } from '../client/rt-client-settings'
import type { RtLifecycleStatuses } from './rt-lifecycles'
import type { RtPriorityBand } from './rt-priorities'

export const rtAdapterSettingsSchema = z
  .object({
    ...rtTransportSettingsShape,
    api: z.enum(['rest2', 'rest1']).default('rest2'),
    defaultQueue: z.string().trim().min(1).default('General'),
    externalIdCustomField: z
      .string()
      .trim()
      .min(1)
      .regex(/^[^{}\n]+$/, 'a custom field name without braces or line breaks')
      .default('External ID'),
    fullTextSearch: z.boolean().default(false),
    lifecycles: z.record(z.string().min(1), z.record(z.string().min(1), statusCategorySchema)).optional(),
    priorities: z
      .array(z.object({ name: z.string().trim().min(1), value: z.number().int(), level: priorityLevelSchema }).strict())
      .min(1)
      .refine((bands) => new Set(bands.map((band) => band.value)).size === bands.length, 'each band needs its own value')
      .optional(),
    maxAttachmentBytes: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
  })
  .strict()

/** Settings of {@link createRtAdapter}: the client's settings plus how RT's data maps to the common model. */
export interface RtAdapterSettings extends RtClientSettings {
  /**
   * `rest2` (default; RT 4.4 with the REST2 extension, RT 5 built in) or `rest1` for servers
   * without REST2. REST2 is the main path; see the README for what differs on REST 1.0.
   */
  api?: 'rest2' | 'rest1'
  /** Queue of new tickets when the input names none. Default `General`. */
  defaultQueue?: string
  /** The ticket custom field that keeps external ids (free-form, single value). Default `External ID`. */
  externalIdCustomField?: string
  /**
   * Whether RT's full-text search is enabled (`%FullTextSearch` with `Enable => 1`). Without it
   * RT matches `Content LIKE` against nothing, so the `text` filter is applied by the adapter
   * (subject and description) over what the other filters return. Default false.
   */
  fullTextSearch?: boolean
  /**
   * Status categories of custom lifecycles (REST2 does not publish lifecycle definitions):
   * `{ support: { new: 'new', 'in progress': 'open', waiting: 'pending', done: 'resolved' } }`.
   * RT's shipped `default` and `approvals` lifecycles are known already.
   */
  lifecycles?: Record<string, RtLifecycleStatuses>
  /** Priority bands (RT priorities are numbers); default Low 0, Medium 50, High 100, Urgent 150. */
  priorities?: RtPriorityBand[]
  /** Largest file `attachments.upload` accepts. Default 10 MiB, RT's `$MaxAttachmentSize`. */
  maxAttachmentBytes?: number
}
