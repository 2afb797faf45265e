import type { CallOptions } from '@ticketbridge/core'
import type { HttpTransport } from '@ticketbridge/http'
import type { RtUpload } from '../rt-upload'
import type { Rest1FormFields } from './rt-rest1-form-encoder'
import type { Rest1Session } from './rt-rest1-session'

/** What `createTicket` takes. Names follow RT's REST 1.0 form fields. */
export interface Rest1TicketCreateInput {
  /** Queue name or id. */
  queue: string | number
  subject: string
  /** The first message (the ticket's description). */
  text?: string
  /** `text/plain` (default) or `text/html`. */
  contentType?: string
  requestors?: readonly string[]
  cc?: readonly string[]
  adminCc?: readonly string[]
  owner?: string
  status?: string
  priority?: number
  initialPriority?: number
  finalPriority?: number
  timeEstimated?: number
  timeWorked?: number
  timeLeft?: number
  /** Dates as RT reads them, e.g. `2026-11-25 08:00:00` in the user's time zone (see `rtInputDate`). */
  starts?: string
  due?: string
  /** Values by custom field name; lists for multi-value fields. */
  customFields?: Readonly<Record<string, string | readonly string[]>>
  /** Further form fields, written as given. */
  fields?: Rest1FormFields
  /** Files sent with the first message (multipart, `attachment_1`, `attachment_2`, …). */
  attachments?: readonly RtUpload[]
}

/** What `comment` takes. */
export interface Rest1CommentInput {
  /** `comment` (internal note) or `correspond` (reply to the requestors). */
  action: 'comment' | 'correspond'
  text?: string
  /** `text/plain` (default) or `text/html`. */
  contentType?: string
  cc?: readonly string[]
  bcc?: readonly string[]
  /** Minutes worked, recorded on the transaction. */
  timeWorked?: number
  /** A status to set with the message. */
  status?: string
  attachments?: readonly RtUpload[]
}

/** What `searchTickets` takes. */
export interface Rest1SearchOptions extends CallOptions {
  /** `+id`, `-LastUpdated`… Without it RT returns tickets in descending id order. */
  orderBy?: string
  /** Fields for `format: 'l'`, e.g. `['Subject', 'Status', 'CF.{Severity}']`. */
  fields?: readonly string[]
}

/** Settings of {@link Rest1Client}. */
export interface Rest1ClientOptions {
  /** A transport on `<web root>/REST/1.0` with `classifyRest1Response` as its `classifyError`. */
  transport: HttpTransport
  /** The session, when logging in with a password (none with a token). */
  session?: Rest1Session
  /**
   * The RT user's time zone, which REST 1.0 writes ticket dates in: an IANA name
   * (`America/New_York`), or a function that finds it (RtClient's reads it from RT), called
   * the first time a date is read. Default UTC.
   */
  timeZone?: string | ((options: CallOptions) => Promise<string>)
  /**
   * @deprecated A fixed offset from UTC in minutes, which is an hour off half the year wherever
   * clocks change: give `timeZone`. Ignored when `timeZone` is given.
   */
  utcOffsetMinutes?: number
}
