/**
 * The simulator's in-memory RT database: the rows of rt-records.ts in maps keyed by id, and the
 * id sequences, which start where a fresh `start-rt` database leaves them (rt-database-seed.ts
 * fills it) so that ids line up with a real server's: the first ticket is 1, its Create
 * transaction 35 when two new watchers come with it.
 */
import type {
  RtAttachment,
  RtCustomField,
  RtCustomFieldValue,
  RtGroup,
  RtLink,
  RtQueue,
  RtSession,
  RtTicket,
  RtTransaction,
  RtUser,
} from './rt-records'

/** Ids of RT's built-in principals in a fresh RT 5.0.3 database. */
export const systemUserId = 1
export const nobodyUserId = 6

/** Where every id sequence stands; a fresh database starts at the values below. */
interface RtSequences {
  principal: number
  transaction: number
  attachment: number
  ticket: number
  customFieldValue: number
  link: number
  queue: number
  customField: number
}

/** The simulated RT instance's identity, as its site configuration sets it. */
export interface RtSiteIdentity {
  /** `$rtname`: in subject tags (`[rt.localhost #1]`) and the session cookie name. */
  rtname: string
  /** `$Organization`: in link URIs (`fsck.com-rt://localhost/ticket/1`) and Message-IDs. */
  organization: string
  /** `$RT::VERSION` as the Debian package reports it. */
  version: string
}

export const defaultSiteIdentity: RtSiteIdentity = {
  rtname: 'rt.localhost',
  organization: 'localhost',
  version: '5.0.3+dfsg-3~deb12u6',
}

/**
 * The in-memory RT database. Rows are plain objects in maps keyed by id; the actions that change
 * them (and record transactions) live in the modules that use this store.
 */
export class RtDatabase {
  readonly users = new Map<number, RtUser>()
  readonly groups = new Map<number, RtGroup>()
  readonly queues = new Map<number, RtQueue>()
  readonly customFields = new Map<number, RtCustomField>()
  readonly customFieldValues = new Map<number, RtCustomFieldValue>()
  readonly tickets = new Map<number, RtTicket>()
  readonly transactions = new Map<number, RtTransaction>()
  readonly attachments = new Map<number, RtAttachment>()
  readonly links = new Map<number, RtLink>()
  readonly sessions = new Map<string, RtSession>()
  /** Auth tokens (the full `1-<user>-<secret>` strings) and the user each belongs to. */
  readonly tokens = new Map<string, number>()
  private readonly sequences: RtSequences = {
    principal: 29,
    transaction: 29,
    attachment: 1,
    ticket: 1,
    customFieldValue: 1,
    link: 1,
    queue: 3,
    customField: 4,
  }
  /** Counts Message-IDs the simulated MTA handed out, so each is unique. */
  messageCounter = 0
  /**
   * Whether TicketSQL `Content` conditions search message text (RT with %FullTextSearch). Off,
   * as on start-rt's RT: there `Content` matches no ticket at all, whatever the operator.
   */
  fullTextSearch = false
  /**
   * Whether REST2's `POST /ticket` keeps a `Created` it is given (RT's import parameter), as
   * request-tracker5 up to 5.0.3+dfsg-3~deb12u6 did. Off, as on start-rt's deb12u7, which drops it.
   */
  keepsCreatedOnCreate = false
  /** RT's `$Timezone`: the zone of users who chose none. UTC, as start-rt sets it. */
  timeZone = 'UTC'

  constructor(
    readonly identity: RtSiteIdentity,
    readonly now: () => number,
  ) {}

  nextId(sequence: keyof RtSequences): number {
    const id = this.sequences[sequence]
    this.sequences[sequence] += 1
    return id
  }

  /** The zone RT shows and reads local dates in for a user: their own, else the server's. */
  userTimeZone(user: RtUser): string {
    return user.timezone || this.timeZone
  }

  /** Loads a user by id, name (case-insensitive) or e-mail address (case-insensitive). */
  findUser(identifier: string | number): RtUser | undefined {
    if (typeof identifier === 'number' || /^\d+$/.test(identifier)) return this.users.get(Number(identifier))
    const wanted = identifier.toLowerCase()
    for (const user of this.users.values()) if (user.name.toLowerCase() === wanted) return user
    for (const user of this.users.values()) if (user.emailAddress && user.emailAddress.toLowerCase() === wanted) return user
    return undefined
  }

  /** Loads a queue by id or name (case-insensitive). */
  findQueue(identifier: string | number): RtQueue | undefined {
    if (typeof identifier === 'number' || /^\d+$/.test(identifier)) return this.queues.get(Number(identifier))
    const wanted = identifier.toLowerCase()
    for (const queue of this.queues.values()) if (queue.name.toLowerCase() === wanted) return queue
    return undefined
  }

  /** Loads a ticket custom field by id or name (case-insensitive), as LoadCustomFieldByIdentifier does. */
  findTicketCustomField(identifier: string | number): RtCustomField | undefined {
    if (typeof identifier === 'number' || /^\d+$/.test(identifier)) {
      const field = this.customFields.get(Number(identifier))
      return field?.lookupType === 'RT::Queue-RT::Ticket' ? field : undefined
    }
    const wanted = identifier.toLowerCase()
    for (const field of this.ticketCustomFields()) if (field.name.toLowerCase() === wanted) return field
    return undefined
  }

  /** The custom fields that apply to tickets, in RT's order (sort order, then id). */
  ticketCustomFields(): RtCustomField[] {
    return [...this.customFields.values()]
      .filter((field) => field.globalForTickets && !field.disabled && field.lookupType === 'RT::Queue-RT::Ticket')
      .sort((left, right) => left.sortOrder - right.sortOrder || left.id - right.id)
  }

  /** Current values of a custom field on an object, oldest first. */
  customFieldValuesOf(objectType: RtCustomFieldValue['objectType'], objectId: number, customFieldId: number): RtCustomFieldValue[] {
    return [...this.customFieldValues.values()].filter(
      (value) => !value.disabled && value.objectType === objectType && value.objectId === objectId && value.customFieldId === customFieldId,
    )
  }

  /** Members of a ticket's or queue's role group, as users (groups inside roles are skipped). */
  roleMembers(roleGroupId: number): RtUser[] {
    const group = this.groups.get(roleGroupId)
    if (!group) return []
    return group.memberIds.map((id) => this.users.get(id)).filter((user): user is RtUser => user !== undefined)
  }

  /** A ticket's transactions, oldest first. */
  ticketTransactions(ticketId: number): RtTransaction[] {
    return [...this.transactions.values()].filter((transaction) => transaction.objectType === 'RT::Ticket' && transaction.objectId === ticketId)
  }

  /** An object's transactions, oldest first. */
  objectTransactions(objectType: string, objectId: number): RtTransaction[] {
    return [...this.transactions.values()].filter((transaction) => transaction.objectType === objectType && transaction.objectId === objectId)
  }

  /** A transaction's attachments in id order (the MIME tree, parents before their parts). */
  transactionAttachments(transactionId: number): RtAttachment[] {
    return [...this.attachments.values()].filter((attachment) => attachment.transactionId === transactionId)
  }

  /** Every attachment of a ticket's transactions, in id order. */
  ticketAttachments(ticketId: number): RtAttachment[] {
    const transactionIds = new Set(this.ticketTransactions(ticketId).map((transaction) => transaction.id))
    return [...this.attachments.values()].filter((attachment) => transactionIds.has(attachment.transactionId))
  }

  /** `fsck.com-rt://<organization>/ticket/<id>`: how RT names a local ticket in links. */
  ticketUri(ticketId: number): string {
    return `fsck.com-rt://${this.identity.organization}/ticket/${ticketId}`
  }

  /** The local ticket a link URI (or a bare number) points at, if any. */
  ticketIdFromUri(uri: string): number | undefined {
    if (/^\d+$/.test(uri)) return Number(uri)
    const match = new RegExp(`^fsck\\.com-rt://${this.identity.organization.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ticket/(\\d+)$`).exec(uri)
    return match ? Number(match[1]) : undefined
  }

  /** Whether a user holds a right. Only superusers hold any: the seed grants nothing else. */
  hasRight(userId: number, _right: string): boolean {
    return this.users.get(userId)?.superUser === true
  }
}
