/**
 * The rows RT 5.0.3 keeps (principals, users, groups, queues, custom fields and their values,
 * tickets, transactions, attachments, links, sessions), as the simulator's database stores them.
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
  /** The user's own time zone (RT's `Timezone` column); unset, the server's `$Timezone` applies. */
  timezone?: string
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
  /** Begun on `/REST/x.y/`: RT then refuses the session on its web pages. */
  rest?: boolean
}
