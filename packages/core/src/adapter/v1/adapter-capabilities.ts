import { z } from 'zod'
import { commentVisibilitySchema } from '../../model/comment'

/** Where a filter of `tickets.list` runs: at the vendor, or in the adapter over what it returned. */
export const filterLocationSchema = z.enum(['server', 'client'])

/**
 * What an adapter's vendor can do, declared up front so callers (and the migration engine) plan
 * around gaps instead of discovering them by failure.
 */
export const adapterCapabilitiesSchema = z.object({
  tickets: z.object({
    create: z.boolean(),
    update: z.boolean(),
    delete: z.boolean(),
    /** The original creation time can be written. */
    setCreatedAt: z.boolean(),
    /** Descriptions keep HTML. */
    html: z.boolean(),
    /** Largest page the vendor returns, whatever is asked. */
    pageSizeLimit: z.number().int().positive(),
    /** Tickets one create request carries (Halo's arrays: 100); absent: one, the API has no array form. */
    createBatchLimit: z.number().int().positive().optional(),
    /** A ticket carries its files in the create request (`attachments`; Halo's `Faults.attachments`, RT's `Attachments`); absent: it cannot. */
    attachments: z.boolean().optional(),
    /**
     * Orders the vendor can list in (`tickets.list({ order })`), sorted on its side while paging;
     * absent or empty: its own order only. Autotask's query API has no sort.
     */
    orders: z.array(z.enum(['recently-updated-first'])).optional(),
  }),
  comments: z.object({
    create: z.boolean(),
    /** Visibilities a new comment can have. */
    visibilities: z.array(commentVisibilitySchema),
    /** A comment can be written as another person. */
    setAuthor: z.boolean(),
    /** A comment's time can be written. */
    setCreatedAt: z.boolean(),
    html: z.boolean(),
    /** Comments one create request carries, across tickets (Halo's action arrays: 100); absent: one. */
    createBatchLimit: z.number().int().positive().optional(),
    /** A comment can move its ticket to a status in the same request (`ticketStatus`; Halo's `new_status`); absent: it cannot. */
    setTicketStatus: z.boolean().optional(),
    /** A comment carries its files in the create request (`attachments`; Halo's `Actions.attachments`, RT's message parts); absent: it cannot. */
    attachments: z.boolean().optional(),
  }),
  attachments: z.object({
    upload: z.boolean(),
    download: z.boolean(),
    /** Largest file the vendor accepts, in bytes. */
    maxBytes: z.number().int().positive().optional(),
    /** An attachment can belong to a comment, not only to the ticket. */
    linkToComment: z.boolean(),
  }),
  people: z.object({ create: z.boolean() }),
  organizations: z.object({ create: z.boolean() }),
  /** How `externalId` is kept: a native field, a custom field, or a marker in the text. */
  externalId: z.object({
    storage: z.enum(['native', 'custom-field', 'marker']),
    /** The field or custom field key that holds it. */
    field: z.string().optional(),
  }),
  /** Where each ticket query filter runs. */
  query: z.object({
    updatedSince: filterLocationSchema,
    createdSince: filterLocationSchema,
    statusCategories: filterLocationSchema,
    queueId: filterLocationSchema,
    organizationId: filterLocationSchema,
    text: filterLocationSchema,
  }),
  /** Writes can suppress notification emails, rules and automations (for imports). */
  silentWrites: z.boolean(),
  timeEntries: z.boolean(),
  /**
   * A time entry written here is also a comment (a Halo action, an RT transaction), so its note
   * shows in the ticket's history like one. Absent means no (a record of its own, as in Autotask).
   */
  timeEntriesAreComments: z.boolean().optional(),
  relations: z.boolean(),
  /**
   * Tickets whose comments, files or time entries one read covers (`listForTickets`: Autotask's
   * `ticketID in [...]` query, RT REST2's transaction search); absent: each ticket is read alone
   * (Halo's actions, RT REST 1.0's history). A preflight samples this many tickets for the cost of one.
   */
  childrenReadBatchLimit: z.number().int().positive().optional(),
})
export type AdapterCapabilities = z.infer<typeof adapterCapabilitiesSchema>
