/**
 * The simulator's in-memory RT database: the rows RT 5.0.3 keeps (principals, users, groups,
 * queues, custom fields and their values, tickets, transactions, attachments, links) and the
 * id sequences, seeded exactly like a fresh `start-rt` database so that ids line up with a real
 * server's: the first ticket is 1, its Create transaction 35 when two new watchers come with it.
 */

/** The four ticket (and queue) roles, in the order RT creates their groups. */
export const ticketRoles = ['AdminCc', 'Cc', 'Owner', 'Requestor'] as const
export type TicketRole = (typeof ticketRoles)[number]

export interface RtUser {
  id: number
  name: string
  password: string | null
  emailAddress: string | null
  realName: string | null
  gecos: string | null
  comments: string | null
  organization: string | null
  privileged: boolean
  disabled: boolean
  /** Holds RT's SuperUser right (root). Other users hold no rights, like start-rt's guest. */
  superUser: boolean
  created: number
  lastUpdated: number
  creatorId: number
  lastUpdatedById: number
}

export interface RtGroup {
  id: number
  name: string
  domain: string
  /** The object the group belongs to (ticket or queue id, a user id for ACL equivalence), or 0. */
  instance: number
  memberIds: number[]
  created: number
}

export interface RtQueue {
  id: number
  name: string
  description: string
  correspondAddress: string
  commentAddress: string
  /** 0 enabled, 1 disabled, 2 hidden system queue (___Approvals). */
  disabled: number
  slaDisabled: number
  lifecycle: string
  sortOrder: number
  created: number
  lastUpdated: number
  creatorId: number
  lastUpdatedById: number
  roleGroups: Record<TicketRole, number>
}

export interface RtCustomField {
  id: number
  name: string
  /** RT's base type: Select, Freeform, Text, ... */
  type: string
  maxValues: number
  description: string
  lookupType: string
  values: string[]
  entryHint: string
  pattern: string
  sortOrder: number
  disabled: boolean
  uniqueValues: boolean
  /** Applies to tickets in every queue (RT: added to queue 0). */
  globalForTickets: boolean
  created: number
  lastUpdated: number
  creatorId: number
  lastUpdatedById: number
}

export interface RtCustomFieldValue {
  id: number
  customFieldId: number
  objectType: 'RT::Ticket' | 'RT::Transaction'
  objectId: number
  content: string
  disabled: boolean
  created: number
  creatorId: number
}

export interface RtTicket {
  id: number
  effectiveId: number
  queueId: number
  type: string
  subject: string
  status: string
  priority: number
  initialPriority: number
  finalPriority: number
  ownerId: number
  creatorId: number
  lastUpdatedById: number
  created: number
  lastUpdated: number
  /** Seconds; 0 is RT's unset `1970-01-01 00:00:00`. */
  starts: number
  started: number
  due: number
  resolved: number
  /** NULL until the first reply, so REST2 leaves `Told` out entirely. */
  told: number | null
  timeEstimated: number
  timeWorked: number
  timeLeft: number
  roleGroups: Record<TicketRole, number>
}

export interface RtTransaction {
  id: number
  objectType: string
  objectId: number
  type: string
  field: string | null
  oldValue: string | null
  newValue: string | null
  referenceType: string | null
  oldReference: number | null
  newReference: number | null
  data: string | null
  timeTaken: number
  creatorId: number
  created: number
}

export interface RtAttachment {
  id: number
  transactionId: number
  /** 0 for the top of a message. */
  parentId: number
  messageId: string
  subject: string
  filename: string | null
  contentType: string
  /** How RT stored the body: none, base64 or quoted-printable (REST 1.0 shows it). */
  contentEncoding: string
  /** The exact bytes; empty for multipart containers. */
  content: Buffer
  /** Header lines, `Name: value`, newline-separated, as RT stores them. */
  headers: string
  creatorId: number
  created: number
}

export interface RtLink {
  id: number
  type: 'MemberOf' | 'RefersTo' | 'DependsOn' | 'MergedInto'
  base: string
  target: string
  localBase: number
  localTarget: number
  creatorId: number
  created: number
}

export interface RtSession {
  id: string
  userId: number | null
}

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

/** The names, addresses and passwords the seed uses (start-rt's defaults unless overridden). */
export interface RtSeedAccounts {
  rootName: string
  rootPassword: string
  guestName: string
  guestPassword: string
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

  constructor(
    readonly identity: RtSiteIdentity,
    readonly now: () => number,
  ) {}

  nextId(sequence: keyof RtSequences): number {
    const id = this.sequences[sequence]
    this.sequences[sequence] += 1
    return id
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

/** One seeded transaction: what fresh RT 5.0.3 + start-rt's seed recorded (ids 1 to 28). */
const seedTransactions: [objectType: string, objectId: number, type: string, field?: string][] = [
  ['RT::Group', 3, 'Create'],
  ['RT::Group', 4, 'Create'],
  ['RT::Group', 5, 'Create'],
  ['RT::User', 6, 'Create'],
  ['RT::Group', 8, 'Create'],
  ['RT::Group', 9, 'Create'],
  ['RT::Group', 10, 'Create'],
  ['RT::Group', 11, 'Create'],
  ['RT::Group', 12, 'Create'],
  ['RT::Group', 13, 'Create'],
  ['RT::User', 14, 'Create'],
  ['RT::Group', 16, 'Create'],
  ['RT::Group', 17, 'Create'],
  ['RT::Group', 18, 'Create'],
  ['RT::Group', 19, 'Create'],
  ['RT::Queue', 1, 'Create'],
  ['RT::Group', 20, 'Create'],
  ['RT::Group', 21, 'Create'],
  ['RT::Group', 22, 'Create'],
  ['RT::Group', 23, 'Create'],
  ['RT::Queue', 2, 'Create'],
  ['RT::Group', 24, 'Create'],
  ['RT::Group', 25, 'Create'],
  ['RT::Group', 26, 'Create'],
  ['RT::Catalog', 1, 'Create'],
  ['RT::Attribute', 8, 'Create'],
  ['RT::Attribute', 8, 'Set', 'Content'],
  ['RT::User', 27, 'Create'],
]

function seedUser(database: RtDatabase, fields: Partial<RtUser> & Pick<RtUser, 'id' | 'name'>, created: number): void {
  database.users.set(fields.id, {
    password: null,
    emailAddress: null,
    realName: null,
    gecos: null,
    comments: null,
    organization: null,
    privileged: false,
    disabled: false,
    superUser: false,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    ...fields,
  })
}

function seedGroup(database: RtDatabase, id: number, name: string, domain: string, instance: number, created: number): void {
  database.groups.set(id, { id, name, domain, instance, memberIds: [], created })
}

/**
 * Fills a database with what `start-rt` leaves in a fresh RT 5.0.3: RT_System, Nobody, root
 * (superuser) and guest (privileged, no rights); the system groups; queues General (1) and the
 * hidden ___Approvals (2); custom fields Content (articles, 1), Severity (2) and External ID (3);
 * and the 28 transactions their creation recorded.
 */
export function seedRtDatabase(database: RtDatabase, accounts: RtSeedAccounts): void {
  const created = database.now()
  seedUser(database, { id: systemUserId, name: 'RT_System', realName: 'The RT System itself', comments: "Do not delete or modify this user. It is integral to RT's internal database structures" }, created)
  seedGroup(database, 2, 'UserEquiv', 'ACLEquivalence', systemUserId, created)
  seedGroup(database, 3, 'Everyone', 'SystemInternal', 0, created)
  seedGroup(database, 4, 'Privileged', 'SystemInternal', 0, created)
  seedGroup(database, 5, 'Unprivileged', 'SystemInternal', 0, created)
  seedUser(database, { id: nobodyUserId, name: 'Nobody', emailAddress: '', realName: 'Nobody in particular', comments: "Do not delete or modify this user. It is integral to RT's internal data structures" }, created)
  seedGroup(database, 7, 'UserEquiv', 'ACLEquivalence', nobodyUserId, created)
  for (const [offset, role] of ['Owner', 'Requestor', 'Cc', 'AdminCc', 'HeldBy', 'Contact'].entries()) {
    seedGroup(database, 8 + offset, role, 'RT::System-Role', 1, created)
  }
  seedUser(
    database,
    {
      id: 14,
      name: accounts.rootName,
      password: accounts.rootPassword,
      emailAddress: 'root@localhost',
      realName: 'Enoch Root',
      gecos: 'root',
      comments: 'SuperUser',
      privileged: true,
      superUser: true,
    },
    created,
  )
  seedGroup(database, 15, 'UserEquiv', 'ACLEquivalence', 14, created)
  const queueRoles = (firstGroup: number, queueId: number): Record<'AdminCc' | 'Cc' | 'Owner' | 'Requestor', number> => {
    const roles = { AdminCc: firstGroup, Cc: firstGroup + 1, Owner: firstGroup + 2, Requestor: firstGroup + 3 }
    for (const [role, id] of Object.entries(roles)) seedGroup(database, id, role, 'RT::Queue-Role', queueId, created)
    return roles
  }
  database.queues.set(1, {
    id: 1,
    name: 'General',
    description: 'The default queue',
    correspondAddress: '',
    commentAddress: '',
    disabled: 0,
    slaDisabled: 1,
    lifecycle: 'default',
    sortOrder: 0,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    roleGroups: queueRoles(16, 1),
  })
  database.queues.set(2, {
    id: 2,
    name: '___Approvals',
    description: 'A system-internal queue for the approvals system',
    correspondAddress: '',
    commentAddress: '',
    disabled: 2,
    slaDisabled: 1,
    lifecycle: 'approvals',
    sortOrder: 0,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    roleGroups: queueRoles(20, 2),
  })
  for (const [offset, role] of ['Owner', 'HeldBy', 'Contact'].entries()) seedGroup(database, 24 + offset, role, 'RT::Catalog-Role', 1, created)
  const customField = (fields: Partial<RtCustomField> & Pick<RtCustomField, 'id' | 'name' | 'type'>): RtCustomField => ({
    maxValues: 1,
    description: '',
    lookupType: 'RT::Queue-RT::Ticket',
    values: [],
    entryHint: '',
    pattern: '',
    sortOrder: 0,
    disabled: false,
    uniqueValues: false,
    globalForTickets: false,
    created,
    lastUpdated: created,
    creatorId: systemUserId,
    lastUpdatedById: systemUserId,
    ...fields,
  })
  database.customFields.set(1, customField({ id: 1, name: 'Content', type: 'Text', description: 'Content', lookupType: 'RT::Class-RT::Article', entryHint: 'Fill in one text area' }))
  database.customFields.set(
    2,
    customField({ id: 2, name: 'Severity', type: 'Select', description: 'Seeded select custom field', values: ['low', 'medium', 'high'], entryHint: 'Select one value', globalForTickets: true }),
  )
  database.customFields.set(3, customField({ id: 3, name: 'External ID', type: 'Freeform', description: 'Seeded free-form custom field', entryHint: 'Enter one value', globalForTickets: true }))
  seedUser(
    database,
    {
      id: 27,
      name: accounts.guestName,
      password: accounts.guestPassword,
      emailAddress: `${accounts.guestName}@example.com`,
      realName: 'Guest Without Rights',
      privileged: true,
    },
    created,
  )
  seedGroup(database, 28, 'UserEquiv', 'ACLEquivalence', 27, created)
  const groupMembers = (id: number, members: number[]): void => {
    const group = database.groups.get(id)
    if (group) group.memberIds = members
  }
  groupMembers(3, [systemUserId, nobodyUserId, 14, 27])
  groupMembers(4, [27, 14])
  groupMembers(5, [])
  for (const [index, [objectType, objectId, type, field]] of seedTransactions.entries()) {
    database.transactions.set(index + 1, {
      id: index + 1,
      objectType,
      objectId,
      type,
      field: field ?? null,
      oldValue: null,
      newValue: null,
      referenceType: null,
      oldReference: null,
      newReference: null,
      data: null,
      timeTaken: 0,
      creatorId: systemUserId,
      created,
    })
  }
}
