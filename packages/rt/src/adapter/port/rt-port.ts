import type { CallOptions, RichText, TicketListOrder } from '@ticketbridge/core'
import type {
  RtCustomFieldRecord,
  RtExtraFields,
  RtFileRecord,
  RtLinks,
  RtLinkType,
  RtMessage,
  RtPage,
  RtSentMessage,
  RtQueueRecord,
  RtTicketRecord,
  RtTicketActivity,
  RtTicketChanges,
  RtTicketFields,
  RtTransactionRecord,
  RtUserRecord,
  RtUserFields,
} from './rt-port-records'

/** RT's two REST interfaces. */
export type RtApi = 'rest2' | 'rest1'

/** What an API can do that the other cannot, as the driver needs to know it. */
export interface RtPortFeatures {
  /** Messages keep their HTML (REST2); REST 1.0 reads every message back as text. */
  readonly keepsHtml: boolean
  /** Queues show their lifecycle (REST2); through REST 1.0 every queue is taken as RT's `default` lifecycle. */
  readonly showsQueueLifecycles: boolean
  /** Custom field definitions carry type, MaxValues and select values (REST2), so values are checked before sending. */
  readonly describesCustomFields: boolean
  /** An update can be made conditional on an ETag (`If-Match`, REST2). */
  readonly conditionalUpdates: boolean
  /** RT answers a refused change with success and messages (REST2, HTTP 200); REST 1.0 answers with an error. */
  readonly refusesInMessages: boolean
  /** A comment needs text or a file (REST 1.0). */
  readonly messagesNeedContent: boolean
}

/** REST2 and REST 1.0 side by side (see `rtCapabilities` for what callers are told). */
export const rtApiFeatures: Readonly<Record<RtApi, RtPortFeatures>> = {
  rest2: {
    keepsHtml: true,
    showsQueueLifecycles: true,
    describesCustomFields: true,
    conditionalUpdates: true,
    refusesInMessages: true,
    messagesNeedContent: false,
  },
  rest1: {
    keepsHtml: false,
    showsQueueLifecycles: false,
    describesCustomFields: false,
    conditionalUpdates: false,
    refusesInMessages: false,
    messagesNeedContent: true,
  },
}

/** Which of a ticket's transactions to read. */
export type RtTransactionKind = 'messages' | 'time-worked'

/**
 * What the RT driver needs of RT, in RT's own terms: one interface, implemented over REST2
 * (`rt-rest2-port.ts`) and over REST 1.0 (`rt-rest1-port.ts`). Each implementation does the
 * requests its API needs (REST2 reads many records per request, REST 1.0 one form at a time)
 * and says through its features (`RtPortFeatures`) what its API cannot do; the driver does the
 * rest once.
 *
 * Ticket ids given to the port are numeric (the driver checks them first).
 */
export interface RtPort extends RtPortFeatures {
  readonly api: RtApi
  /** The API's address (`<web root>/REST/2.0`), for errors that name a URL. */
  readonly apiUrl: string

  /**
   * A page of the tickets a TicketSQL search finds: by ascending id, or with `order:
   * 'recently-updated-first'` by LastUpdated, newest first (then by id, newest first).
   */
  searchTickets(
    sql: string,
    page: { cursor: string | undefined; perPage: number; order?: TicketListOrder },
    call: CallOptions,
  ): Promise<RtPage<RtTicketRecord>>
  /** One ticket, deleted ones included; NotFoundError when RT has none (or hides it). */
  getTicket(id: string, call: CallOptions): Promise<RtTicketRecord>
  /** The content of these tickets' Create transactions: their descriptions. */
  ticketDescriptions(ids: readonly string[], call: CallOptions): Promise<Map<string, RichText>>
  /** Creates a ticket; `storedDescription` is its description as RT keeps it, where known from what was sent. */
  createTicket(fields: RtTicketFields, extra: RtExtraFields, call: CallOptions): Promise<{ id: string; storedDescription?: RichText }>
  /** Changes a ticket; RT's messages about it. */
  updateTicket(id: string, changes: RtTicketChanges, extra: RtExtraFields, call: CallOptions & { ifMatch?: string }): Promise<{ messages: string[] }>
  /** Sets a ticket's status alone (a status RT does not create tickets with). */
  setStatus(id: string, status: string, call: CallOptions): Promise<{ messages: string[] }>
  /** RT's delete: the status `deleted`. */
  deleteTicket(id: string, call: CallOptions): Promise<void>

  /** A page of a ticket's comments and replies (with content and files), or of its transactions with time worked. */
  ticketTransactions(ticketId: string, kind: RtTransactionKind, cursor: string | undefined, call: CallOptions): Promise<RtPage<RtTransactionRecord>>
  /**
   * The messages, time worked and files of many tickets in a few requests, where the API can
   * (REST2). A ticket answered `undefined` is read alone, through its history (merged tickets).
   */
  ticketsActivity?(ticketIds: readonly string[], call: CallOptions): Promise<Map<string, RtTicketActivity | undefined>>
  /** Comments or replies on a ticket, and the transaction RT recorded (with the files sent, where any). */
  postMessage(ticketId: string, message: RtMessage, call: CallOptions): Promise<RtTransactionRecord & { messages: string[] }>
  /** Comments or replies on a ticket; answers the transaction's id alone, nothing read that the API's answer does not name. */
  sendMessage(ticketId: string, message: RtMessage, call: CallOptions): Promise<RtSentMessage>

  /** A page of a ticket's files (named attachment parts). */
  ticketFiles(ticketId: string, cursor: string | undefined, call: CallOptions): Promise<RtPage<RtFileRecord>>
  /** Whether the attachment belongs to the ticket; NotFoundError when the ticket does not exist. */
  hasAttachment(ticketId: string, attachmentId: string, call: CallOptions): Promise<boolean>
  /** An attachment's exact bytes. */
  attachmentContent(ticketId: string, attachmentId: string, call: CallOptions): Promise<Uint8Array>

  /** A page of users, system users included. */
  listUsers(cursor: string | undefined, perPage: number, call: CallOptions): Promise<RtPage<RtUserRecord>>
  getUser(id: string, call: CallOptions): Promise<RtUserRecord>
  findUserId(email: string, call: CallOptions): Promise<string | undefined>
  createUser(fields: RtUserFields, extra: RtExtraFields, call: CallOptions): Promise<string>

  /** The queues this user can see: kept, read again with `refresh`. */
  queues(call: CallOptions, refresh?: boolean): Promise<RtQueueRecord[]>
  /** The ticket custom fields: kept, read again with `refresh`. */
  ticketCustomFields(call: CallOptions, refresh?: boolean): Promise<RtCustomFieldRecord[]>
  /** A select field's values; only where `describesCustomFields`. */
  customFieldValues?(field: RtCustomFieldRecord, call: CallOptions): Promise<string[]>

  ticketLinks(ticketId: string, call: CallOptions): Promise<RtLinks>
  /** Adds one link (kept if it exists); RT's messages about it. */
  addLink(ticketId: string, type: RtLinkType, targetId: string, call: CallOptions): Promise<{ messages: string[] }>

  /** The RT user's time zone (an IANA name), in which RT reads TicketSQL date literals and REST 1.0 dates. */
  timeZone(call: CallOptions): Promise<string>

  close(): Promise<void>
}
