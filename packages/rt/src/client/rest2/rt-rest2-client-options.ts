import type { CallOptions } from '@ticketbridge/core'
import type { HttpTransport } from '@ticketbridge/http'
import type { RtUpload } from '../rt-upload'
import type { Rest2LinkField, Rest2LinkRef } from './rt-rest2-types'

/** Paging, ordering and field selection of a collection request. */
export interface Rest2CollectionOptions extends CallOptions {
  /** Page number, from 1. */
  page?: number
  /** Items per page; RT's default is 20 and its maximum 100 (larger values are cut silently). */
  perPage?: number
  /** Sort fields, e.g. `id` or `['Priority', 'id']`. Always give one for ticket searches: RT's unsorted order is not stable. */
  orderBy?: string | readonly string[]
  /** `ASC` (default) or `DESC`, one per `orderBy` field. */
  order?: 'ASC' | 'DESC' | readonly ('ASC' | 'DESC')[]
  /** Fields to add to each item (`fields=Subject,Status,CustomFields`). */
  fields?: readonly string[]
  /** Fields of referenced records (`fields[Queue]=Name`): `{ Queue: ['Name'], Owner: ['id', 'Name', 'EmailAddress'] }`. */
  expand?: Readonly<Record<string, readonly string[]>>
  /** Include disabled records (users, queues, custom fields). */
  findDisabledRows?: boolean
}

/** Options of a single-record read. */
export interface Rest2RecordOptions extends CallOptions {
  /** Fields of referenced records: `{ Owner: ['Name', 'EmailAddress'] }`. */
  expand?: Readonly<Record<string, readonly string[]>>
}

/** A record with the headers RT sends beside it. */
export interface Rest2RecordResponse<T> {
  record: T
  /** The quoted ETag (the id of the record's newest transaction, e.g. `"58"`); give it back as `ifMatch`. */
  etag?: string
  /** ISO-8601 (RT sends it in that form, not as an HTTP date). */
  lastModified?: string
}

/** How files travel: base64 inside the JSON (`Attachments: [{FileName, FileType, FileContent}]`) or as multipart parts. */
export type Rest2AttachmentEncoding = 'json' | 'multipart'

/** `POST /ticket`: RT's field names; anything else RT's ticket takes passes through. */
export interface Rest2TicketCreateInput {
  /** Queue name or id. */
  Queue: string | number
  Subject?: string
  /** The first message (the ticket's description). */
  Content?: string
  /** `text/plain` (default) or `text/html`. */
  ContentType?: string
  Requestor?: string | readonly string[]
  Cc?: string | readonly string[]
  AdminCc?: string | readonly string[]
  Owner?: string
  Status?: string
  Priority?: number | string
  /** `YYYY-MM-DD HH:MM:SS`. */
  Due?: string
  Starts?: string
  /**
   * The creation time, `YYYY-MM-DD HH:MM:SS` in UTC. RT::Ticket::Create keeps it (an import
   * parameter); the Create transaction still carries the time of the request.
   */
  Created?: string
  /** Values by custom field name or id; arrays for multi-value fields. */
  CustomFields?: Readonly<Record<string, unknown>>
  [field: string]: unknown
}

/** `POST /ticket/<id>/comment` and `/correspond`. */
export interface Rest2MessageInput {
  Content?: string
  /** `text/plain` (default when Content is given) or `text/html`. */
  ContentType?: string
  Subject?: string
  /** Minutes worked, recorded on the transaction. */
  TimeTaken?: number
  /** A status to set with the message. */
  Status?: string
  CustomFields?: Readonly<Record<string, unknown>>
  TxnCustomFields?: Readonly<Record<string, unknown>>
  [field: string]: unknown
}

/** Options of a comment, reply or create with files: how the files travel. */
export type Rest2MessageOptions = CallOptions & { attachments?: readonly RtUpload[]; attachmentEncoding?: Rest2AttachmentEncoding }

/** What RT answers a comment or reply: the new transaction's id and RT's messages. */
export interface Rest2MessageResult {
  transactionId: string
  messages: string[]
}

/** A ticket's links by `_hyperlinks` ref: ids of local tickets, URLs of external links. */
export type Rest2TicketLinks = Record<Rest2LinkRef, string[]>

/** Link changes for `updateTicketLinks`: `{ AddMemberOf: [12], DeleteRefersTo: ['https://…'] }`, or a bare field to set the whole list. */
export type Rest2LinkChanges = Partial<
  Record<Rest2LinkField | `Add${Rest2LinkField}` | `Delete${Rest2LinkField}`, string | number | readonly (string | number)[]>
>

/** Settings of {@link Rest2Client}. */
export interface Rest2ClientOptions {
  /** A transport on `<web root>/REST/2.0`, authenticating every request. */
  transport: HttpTransport
}
