import type { RichText } from '@ticketbridge/core'
import type { RtUpload } from '../../client/rt-upload'

/**
 * RT's records as the driver reads them, whichever API brought them: plain objects in RT's own
 * terms (requestors, owner, transactions, TimeTaken, links). Times are ISO-8601 UTC, absent
 * where RT has none; `raw` is what the API answered, kept as the common model's `raw`.
 */

/** A page of records and where the next one starts (absent at the end). */
export interface RtPage<T> {
  items: T[]
  nextCursor?: string
}

/** These items (the page's records mapped, or some of them) with the page's cursor. */
export function rtPageWith<T>(page: RtPage<unknown>, items: T[]): RtPage<T> {
  return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor }
}

/** RT's built-in pseudo-users: not people, never listed, and an owner `Nobody` means unassigned. */
export const rtSystemUserNames: ReadonlySet<string> = new Set(['Nobody', 'RT_System'])

/** Transactions that are messages: comments (internal) and replies (public, mailed to the requestors). */
export const rtMessageTypes: ReadonlySet<string> = new Set(['Comment', 'Correspond'])

/** A user as a ticket or transaction names it. `name` is RT's user name (`Nobody` for no one). */
export interface RtUserReference {
  /** The numeric id where the API gave it; else what names the user (a name or an address). */
  id: string
  name: string
  realName?: string
  emailAddress?: string
}

/** A user record. */
export interface RtUserRecord extends RtUserReference {
  /** Whether the user is privileged (an agent); `undefined` where the API did not say. */
  privileged?: boolean
  raw: unknown
}

/** A queue, with its lifecycle where the API shows it (REST2; REST 1.0 does not). */
export interface RtQueueRecord {
  id: string
  name: string
  lifecycle?: string
}

/** A ticket's values of one custom field, in RT's order. */
export interface RtCustomFieldValues {
  name: string
  values: string[]
}

/** A ticket. People are references; the description (the Create transaction's content) is read apart. */
export interface RtTicketRecord {
  id: string
  subject: string
  status: string
  priority?: string | number
  /** The queue, with its name and lifecycle as the API gave them. */
  queue?: { id: string; name?: string; lifecycle?: string }
  owner?: RtUserReference
  requestors: RtUserReference[]
  customFields: RtCustomFieldValues[]
  created?: string
  lastUpdated?: string
  due?: string
  resolved?: string
  raw: unknown
}

/** A ticket custom field's definition. REST 1.0 shows names only: the rest is absent there. */
export interface RtCustomFieldRecord {
  id?: string
  name: string
  /** `Select`, `Freeform`, `Date`… */
  type?: string
  /** 1 for a single value, 0 for any number. */
  maxValues?: number
  pattern?: string
}

/** A file: an attachment part with a name, and the transaction that carried it. */
export interface RtFileRecord {
  id: string
  filename: string
  contentType: string
  size: number
  transactionId?: string
  /** The carrying transaction's type (`Comment`, `Correspond`, `Create`, `EmailRecord`…), where known. */
  transactionType?: string
  createdAt?: string
  raw: unknown
}

/** A transaction of a ticket's history: a comment, a reply, a create, a change. */
export interface RtTransactionRecord {
  id: string
  /** `Create`, `Comment`, `Correspond`, `Set`… */
  type: string
  creator?: RtUserReference
  createdAt?: string
  /** Minutes worked recorded on it (RT's `TimeTaken`). */
  timeTaken: number
  /** The message content where it was read (absent where the API did not read it back). */
  body?: RichText
  /** Its files, where they were read. */
  files: RtFileRecord[]
  raw: unknown
}

/** What a ticket's history holds for a migration: its comments and replies (with bodies and files), the transactions with time worked, and its files. */
export interface RtTicketActivity {
  messages: RtTransactionRecord[]
  timeWorked: RtTransactionRecord[]
  /** Every named attachment part, recorded mail included (the driver leaves those out), by id. */
  files: RtFileRecord[]
}

/** A ticket's links by RT's link type: local ticket ids, or the URIs of other links. */
export interface RtLinks {
  MemberOf: string[]
  Members: string[]
  RefersTo: string[]
  ReferredToBy: string[]
  DependsOn: string[]
  DependedOnBy: string[]
}

/** A link type a link can be added as. */
export type RtLinkType = 'MemberOf' | 'Members' | 'RefersTo'

/** Fields of a new ticket, by RT's names. Dates are ISO-8601 instants; each API writes them its way. */
export interface RtTicketFields {
  Queue: string
  Subject: string
  /** The first message: the ticket's description. */
  Content?: string
  ContentType?: 'text/plain' | 'text/html'
  Status?: string
  Priority?: number
  Requestor?: string[]
  Owner?: string
  Due?: string
  /** The original creation time: REST2 passes it on (some RT builds keep it), REST 1.0 cannot send it. */
  Created?: string
  /** Values by custom field name; `null` clears a field on update. */
  CustomFields?: Record<string, string | string[] | null>
  /** Files the Create transaction carries with the description (creates only). */
  Attachments?: RtUpload[]
}

/** Changes to a ticket, by RT's names: only what is given is changed. */
export type RtTicketChanges = Partial<Omit<RtTicketFields, 'Content' | 'ContentType' | 'Created' | 'Attachments'>>

/** What the caller's `vendorOptions.rt` adds to a write, as RT field names and values. */
export type RtExtraFields = Record<string, unknown>

/** A comment or reply to post, with files if any. */
export interface RtMessage {
  type: 'comment' | 'correspond'
  content?: string
  contentType?: 'text/plain' | 'text/html'
  timeTaken?: number
  /** A status to move the ticket to with the message (RT's `Status`), set after the message. */
  status?: string
  attachments?: RtUpload[]
  extra?: RtExtraFields
}

/**
 * What RT answered a comment or reply: the transaction's id and RT's answer lines (REST2's
 * message list, REST 1.0's `#` lines). RT records the message even where it refuses a status it
 * carried, and says so only there.
 */
export interface RtSentMessage {
  id: string
  messages: string[]
}

/** Fields of a new user, by RT's names. */
export interface RtUserFields {
  Name: string
  RealName: string
  Privileged: 0 | 1
  EmailAddress?: string
  Organization?: string
}
