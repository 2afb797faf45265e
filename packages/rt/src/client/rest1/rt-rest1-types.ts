import type { Rest1Form } from './rt-rest1-form-parser'

/** A ticket as `ticket/<id>/show` and `search/ticket?format=l` write it. */
export interface Rest1Ticket {
  /** The number, from `id: ticket/<n>`. */
  id: string
  queue?: string
  owner?: string
  creator?: string
  subject?: string
  status?: string
  priority?: string
  initialPriority?: string
  finalPriority?: string
  requestors: string[]
  cc: string[]
  adminCc: string[]
  /** ISO-8601 UTC; absent when RT says `Not set` or the field was not asked for. */
  created?: string
  starts?: string
  started?: string
  due?: string
  resolved?: string
  told?: string
  lastUpdated?: string
  timeEstimated?: string
  timeWorked?: string
  timeLeft?: string
  /** `CF.{Name}` values by custom field name, as RT wrote them (multi-values joined with `,`). */
  customFields: Record<string, string>
  /** Every field as RT wrote it. */
  form: Rest1Form
}

/** One line of `ticket/<id>/attachments`. */
export interface Rest1AttachmentSummary {
  id: string
  /** Absent for `(Unnamed)` parts (message bodies, MIME containers). */
  filename?: string
  contentType: string
  /** Approximate: RT counts decoded characters and writes `1.2k` above 1024 (rt.md §2.6). */
  size?: number
  /** The size as RT wrote it (`43b`, `1.2k`). */
  sizeText: string
}

/** `ticket/<id>/attachments/<id>`: metadata, headers and (text) content. */
export interface Rest1Attachment {
  id: string
  subject?: string
  /** The creator's user id. */
  creator?: string
  /** ISO-8601 UTC. */
  created?: string
  transactionId?: string
  parentId?: string
  messageId?: string
  filename?: string
  contentType?: string
  contentEncoding?: string
  headers: string
  /** The content as text; use `getAttachmentContent` for the exact bytes. */
  content: string
  form: Rest1Form
}

/** One line of the short history (`ticket/<id>/history`). */
export interface Rest1HistorySummary {
  id: string
  description: string
}

/** An attachment named in a history entry: `<id>: <name or untitled> (<size>)`. */
export interface Rest1HistoryAttachment {
  id: string
  /** Absent for `untitled` parts. */
  filename?: string
  size?: number
  sizeText: string
}

/** One transaction of the long history (`history?format=l`, `history/id/<txn>`). */
export interface Rest1HistoryEntry {
  id: string
  ticketId: string
  type: string
  field?: string
  oldValue?: string
  newValue?: string
  data?: string
  description?: string
  /** The text content; RT writes `This transaction appears to have no content` when there is none. */
  content?: string
  /** The creator's user name. */
  creator?: string
  /** ISO-8601 UTC (history dates are database values in UTC). */
  created?: string
  timeTaken?: string
  attachments: Rest1HistoryAttachment[]
  form: Rest1Form
}

/** The link types REST 1.0 reads and writes on `ticket/<id>/links`. */
export type Rest1LinkType = 'DependsOn' | 'DependedOnBy' | 'RefersTo' | 'ReferredToBy' | 'Members' | 'MemberOf'

export const rest1LinkTypes: readonly Rest1LinkType[] = ['DependsOn', 'DependedOnBy', 'RefersTo', 'ReferredToBy', 'Members', 'MemberOf']

/** A ticket's links: URIs such as `fsck.com-rt://example.com/ticket/12` (or external URLs) per type. */
export type Rest1Links = Record<Rest1LinkType, string[]>

/** One line of a default-format search (`<id>: <subject>`). */
export interface Rest1SearchSummary {
  id: string
  subject: string
}

/** The `key: value` answer for a user or a queue, with the id from `user/<n>` / `queue/<n>`. */
export interface Rest1Record {
  id: string
  fields: Record<string, string>
  form: Rest1Form
}
