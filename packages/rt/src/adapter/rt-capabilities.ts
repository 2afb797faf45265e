import type { AdapterCapabilities } from '@ticketbridge/core'

/**
 * What RT can do through REST2, checked against RT 5.0.3:
 * - tickets: create, update, delete (status `deleted`); HTML descriptions; pages of at most 100
 *   (RT's `per_page` cap); listed by id, or most recently updated first (TicketSQL's `orderby`
 *   LastUpdated, newest first, on both APIs). The creation time is declared not settable: REST2 kept `Created` up to
 *   Debian's 5.0.3 deb12u6 and drops it from deb12u7 on, with the same version number, so no
 *   caller can count on it. The adapter still sends it and warns when RT did not keep it
 *   (`rt-created-at.ts`).
 * - comments: `comment` is internal, `correspond` public; HTML kept; RT records the
 *   authenticated user and the current time, so neither can be set. A comment can move its
 *   ticket (`Status` on the message, both APIs): RT records the message, then the status change.
 * - attachments: uploaded as a comment carrying the file (RT has no other way); a file cannot be
 *   added to an existing comment.
 * - people: users, created with AdminUsers. Organizations: RT has none.
 * - the external id lives in a ticket custom field.
 * - query filters run as TicketSQL, except the organization (nothing matches) and, without RT's
 *   full-text index, the text of descriptions.
 * - writes cannot suppress RT's notifications (scrips run on every transaction).
 * - time worked is recorded on comments (`TimeTaken`); links are relations.
 * - REST2 reads the history of many tickets in one transaction search (100 tickets counted as a
 *   batch: the search pages by 100 transactions); REST 1.0 reads each ticket's history alone.
 *
 * Through REST 1.0 (`api: 'rest1'`) descriptions and comments are read as text (REST 1.0 shows a message's text
 * content): HTML is sent as text with a `converted` warning.
 */
export function rtCapabilities(options: {
  externalIdField: string
  fullTextSearch: boolean
  maxAttachmentBytes: number
  api: 'rest2' | 'rest1'
}): AdapterCapabilities {
  const rest2 = options.api === 'rest2'
  return {
    tickets: {
      create: true,
      update: true,
      delete: true,
      setCreatedAt: false,
      html: rest2,
      pageSizeLimit: 100,
      attachments: true,
      orders: ['recently-updated-first'],
    },
    comments: {
      create: true,
      visibilities: ['public', 'internal'],
      setAuthor: false,
      setCreatedAt: false,
      html: rest2,
      setTicketStatus: true,
      attachments: true,
    },
    attachments: { upload: true, download: true, maxBytes: options.maxAttachmentBytes, linkToComment: false },
    people: { create: true },
    organizations: { create: false },
    externalId: { storage: 'custom-field', field: options.externalIdField },
    query: {
      updatedSince: 'server',
      createdSince: 'server',
      statusCategories: 'server',
      queueId: 'server',
      organizationId: 'client',
      text: options.fullTextSearch ? 'server' : 'client',
    },
    silentWrites: false,
    timeEntries: true,
    timeEntriesAreComments: true,
    relations: true,
    ...(rest2 ? { childrenReadBatchLimit: 100 } : {}),
  }
}
