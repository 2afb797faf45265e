import type { AdapterCapabilities } from '@ticketbridge/core'
import type { ResolvedAutotaskAdapterOptions } from './autotask-adapter-settings'

/**
 * What Autotask can do through its REST API (autotask.md §5, §9–§12, §17), declared up front:
 * - tickets: create and update (PATCH); no delete route exists; the creation time is read-only;
 *   descriptions are plain text; pages hold at most 500 records.
 * - comments are ticket notes: public and internal through the note's publish level; text only
 *   (HTML is written as text with a `converted` warning); the time is read-only; the author only
 *   through impersonation, when the tenant allows it and the adapter is told to use it.
 * - attachments: upload and download bytes, on tickets and on notes, up to about 6 MB each.
 * - people: contacts can be created (under a company), resources cannot; organizations are companies.
 * - every ticket query filter runs in Autotask's query language.
 * - notes, files and time entries of up to 500 tickets come in one `ticketID in [...]` query each.
 */
export function autotaskCapabilities(options: ResolvedAutotaskAdapterOptions, attachmentMaxBytes: number): AdapterCapabilities {
  return {
    tickets: { create: true, update: true, delete: false, setCreatedAt: false, html: false, pageSizeLimit: 500 },
    comments: { create: true, visibilities: ['public', 'internal'], setAuthor: options.impersonateAuthors, setCreatedAt: false, html: false },
    attachments: { upload: true, download: true, maxBytes: attachmentMaxBytes, linkToComment: true },
    people: { create: true },
    organizations: { create: true },
    externalId:
      'udf' in options.externalId
        ? { storage: 'custom-field', field: options.externalId.udf }
        : { storage: 'native', field: options.externalId.field },
    query: {
      updatedSince: 'server',
      createdSince: 'server',
      statusCategories: 'server',
      queueId: 'server',
      organizationId: 'server',
      text: 'server',
    },
    silentWrites: false,
    timeEntries: true,
    relations: false,
    childrenReadBatchLimit: 500,
  }
}

/** Why the operations Autotask lacks are missing, for the UnsupportedOperationError callers see. */
export const autotaskUnsupportedReasons: Readonly<Record<string, string>> = {
  'tickets.delete': 'the Autotask REST API has no ticket delete; complete or cancel the ticket with a status instead',
  'relations.list': 'ticket relations are not mapped for Autotask',
  'relations.create': 'ticket relations are not mapped for Autotask',
}
