/**
 * REST2 representations of RT records, as RT::REST2::Util::serialize_record and the resources'
 * own serialize methods produce them: mostly strings (even numbers), `id` a number at the top,
 * references as `{type, id, _url}` (users by name), dates in UTC ISO, NULL columns left out,
 * and `_hyperlinks` offered according to the caller's rights.
 */
import { type RtDatabase, nobodyUserId } from '../rt-database'
import type { RtAttachment, RtCustomField, RtQueue, RtTicket, RtTransaction, RtUser } from '../rt-records'
import { formatW3cDate } from '../rt-dates'
import { lifecycleActions } from '../rt-lifecycle'
import type { PerlJsonValue } from '../rt-perl-json'
import type { RequestContext } from '../rt-request'

export type JsonObject = { [key: string]: PerlJsonValue | undefined }

/** `<base>/REST/2.0`. */
function rest2Base(context: RequestContext): string {
  return `${context.baseUrl}/REST/2.0`
}

/** RT's expand_uid: `{type, id, _url}` with the id as a string. */
export function reference(context: RequestContext, type: string, id: string | number): JsonObject {
  return { type, id: String(id), _url: `${rest2Base(context)}/${type}/${id}` }
}

/** Users are referenced by name (RT's UID for users). */
export function userReference(context: RequestContext, userId: number): JsonObject {
  const user = context.database.users.get(userId)
  return reference(context, 'user', user?.name ?? String(userId))
}

/** The `CustomFields` array of a ticket: one entry per applicable field, with its values. */
export function ticketCustomFields(context: RequestContext, ticket: RtTicket): JsonObject[] {
  const { database } = context
  return database.ticketCustomFields().map((customField) => ({
    ...reference(context, 'customfield', customField.id),
    name: customField.name,
    values: database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id).map((row) => row.content),
  }))
}

function selfLink(context: RequestContext, type: string, id: number): JsonObject {
  return { ref: 'self', type, id, _url: `${rest2Base(context)}/${type}/${id}` }
}

const linkReferences: [name: string, type: string, end: 'base' | 'target'][] = [
  ['depends-on', 'DependsOn', 'base'],
  ['depended-on-by', 'DependsOn', 'target'],
  ['parent', 'MemberOf', 'base'],
  ['child', 'MemberOf', 'target'],
  ['refers-to', 'RefersTo', 'base'],
  ['referred-to-by', 'RefersTo', 'target'],
]

/** The `_hyperlinks` of a ticket: self, RT links, custom fields, history, reply/comment, lifecycle. */
export function ticketHyperlinks(context: RequestContext, ticket: RtTicket, user: RtUser): JsonObject[] {
  const { database } = context
  const base = `${rest2Base(context)}/ticket/${ticket.id}`
  const links: JsonObject[] = [selfLink(context, 'ticket', ticket.id)]
  const uri = database.ticketUri(ticket.id)
  for (const [name, type, end] of linkReferences) {
    for (const link of database.links.values()) {
      if (link.type !== type || (end === 'base' ? link.base : link.target) !== uri) continue
      const other = end === 'base' ? link.target : link.base
      const otherId = database.ticketIdFromUri(other)
      links.push({ ...(otherId !== undefined ? reference(context, 'ticket', otherId) : { type: 'external', _url: other }), ref: name })
    }
  }
  for (const customField of database.ticketCustomFields()) {
    links.push({ ...reference(context, 'customfield', customField.id), ref: 'customfield', name: customField.name })
  }
  links.push({ ref: 'history', _url: `${base}/history` })
  if (database.hasRight(user.id, 'ReplyToTicket')) links.push({ ref: 'correspond', _url: `${base}/correspond` })
  if (database.hasRight(user.id, 'CommentOnTicket')) links.push({ ref: 'comment', _url: `${base}/comment` })
  for (const action of lifecycleActions(ticket.status)) {
    const right = action.to === 'deleted' ? 'DeleteTicket' : 'ModifyTicket'
    if (!database.hasRight(user.id, right)) continue
    const url = action.update === 'Respond' ? `${base}/correspond` : action.update === 'Comment' ? `${base}/comment` : base
    links.push({ ...action, ref: 'lifecycle', _url: url })
  }
  return links
}

/** GET /ticket/<id>. */
export function serializeTicket(context: RequestContext, ticket: RtTicket, user: RtUser): JsonObject {
  const { database } = context
  const members = (role: 'Requestor' | 'Cc' | 'AdminCc'): JsonObject[] =>
    database.roleMembers(ticket.roleGroups[role]).map((member) => userReference(context, member.id))
  const data: JsonObject = {
    id: ticket.id,
    EffectiveId: reference(context, 'ticket', ticket.effectiveId),
    Queue: reference(context, 'queue', ticket.queueId),
    Type: ticket.type,
    Subject: ticket.subject,
    Status: ticket.status,
    Priority: String(ticket.priority),
    InitialPriority: String(ticket.initialPriority),
    FinalPriority: String(ticket.finalPriority),
    Owner: userReference(context, ticket.ownerId || nobodyUserId),
    Creator: userReference(context, ticket.creatorId),
    LastUpdatedBy: userReference(context, ticket.lastUpdatedById),
    Created: formatW3cDate(ticket.created),
    LastUpdated: formatW3cDate(ticket.lastUpdated),
    Starts: formatW3cDate(ticket.starts),
    Started: formatW3cDate(ticket.started),
    Due: formatW3cDate(ticket.due),
    Resolved: formatW3cDate(ticket.resolved),
    TimeEstimated: String(ticket.timeEstimated),
    TimeWorked: String(ticket.timeWorked),
    TimeLeft: String(ticket.timeLeft),
    Requestor: members('Requestor'),
    Cc: members('Cc'),
    AdminCc: members('AdminCc'),
    CustomFields: ticketCustomFields(context, ticket),
    _hyperlinks: ticketHyperlinks(context, ticket, user),
  }
  if (ticket.told !== null) data.Told = formatW3cDate(ticket.told)
  return data
}

/** GET /queue/<id or name>. */
export function serializeQueue(context: RequestContext, queue: RtQueue, user: RtUser): JsonObject {
  const { database } = context
  const customFieldLinks = database.ticketCustomFields().map((customField) => ({
    ...reference(context, 'customfield', customField.id),
    ref: 'customfield',
    name: customField.name,
  }))
  const hyperlinks: JsonObject[] = [selfLink(context, 'queue', queue.id), { ref: 'history', _url: `${rest2Base(context)}/queue/${queue.id}/history` }]
  if (database.hasRight(user.id, 'CreateTicket'))
    hyperlinks.push({ ref: 'create', type: 'ticket', _url: `${rest2Base(context)}/ticket?Queue=${queue.id}` })
  return {
    id: queue.id,
    Name: queue.name,
    Description: queue.description,
    CorrespondAddress: queue.correspondAddress,
    CommentAddress: queue.commentAddress,
    Lifecycle: queue.lifecycle,
    SortOrder: String(queue.sortOrder),
    Disabled: String(queue.disabled),
    SLADisabled: String(queue.slaDisabled),
    Creator: userReference(context, queue.creatorId),
    LastUpdatedBy: userReference(context, queue.lastUpdatedById),
    Created: formatW3cDate(queue.created),
    LastUpdated: formatW3cDate(queue.lastUpdated),
    AdminCc: database.roleMembers(queue.roleGroups.AdminCc).map((member) => userReference(context, member.id)),
    Cc: database.roleMembers(queue.roleGroups.Cc).map((member) => userReference(context, member.id)),
    CustomFields: [],
    TicketCustomFields: customFieldLinks,
    TicketTransactionCustomFields: [],
    _hyperlinks: hyperlinks,
  }
}

/** GET /user/<id or name>: everything for admins and oneself, a summary for others. */
export function serializeUser(context: RequestContext, subject: RtUser, viewer: RtUser): JsonObject {
  const { database } = context
  const hyperlinks: JsonObject[] = [selfLink(context, 'user', subject.id)]
  const admin = database.hasRight(viewer.id, 'AdminUsers')
  if (admin || viewer.id === subject.id) hyperlinks.push({ ref: 'history', _url: `${rest2Base(context)}/user/${subject.id}/history` })
  if (database.hasRight(viewer.id, 'AdminGroupMembership'))
    hyperlinks.push({ ref: 'memberships', _url: `${rest2Base(context)}/user/${subject.id}/groups` })
  if (!admin && viewer.id !== subject.id) {
    return {
      _hyperlinks: hyperlinks,
      Privileged: subject.privileged ? 1 : 0,
      RealName: subject.realName ?? undefined,
      EmailAddress: subject.emailAddress ?? undefined,
      Name: subject.name,
    }
  }
  const data: JsonObject = {
    id: subject.id,
    Name: subject.name,
    Creator: userReference(context, subject.creatorId),
    LastUpdatedBy: userReference(context, subject.lastUpdatedById),
    Created: formatW3cDate(subject.created),
    LastUpdated: formatW3cDate(subject.lastUpdated),
    Privileged: subject.privileged ? 1 : 0,
    Disabled: subject.disabled ? '1' : '0',
    Memberships: [],
    CustomFields: [],
    _hyperlinks: hyperlinks,
  }
  const optional: [string, string | null][] = [
    ['EmailAddress', subject.emailAddress],
    ['RealName', subject.realName],
    ['Gecos', subject.gecos],
    ['Comments', subject.comments],
    ['Organization', subject.organization],
    ['Timezone', subject.timezone || null],
  ]
  for (const [key, value] of optional) if (value !== null) data[key] = value
  return data
}

/** GET /transaction/<id>: the non-NULL columns, references expanded, attachment links. */
export function serializeTransaction(context: RequestContext, transaction: RtTransaction): JsonObject {
  const { database } = context
  const objectType = transaction.objectType.replace(/^RT::/, '').toLowerCase()
  const data: JsonObject = {
    id: transaction.id,
    Object: objectType === 'user' ? userReference(context, transaction.objectId) : reference(context, objectType, transaction.objectId),
    Type: transaction.type,
    TimeTaken: String(transaction.timeTaken),
    Creator: userReference(context, transaction.creatorId),
    Created: formatW3cDate(transaction.created),
  }
  if (transaction.type === 'CustomField') {
    if (transaction.field !== null) data.Field = reference(context, 'customfield', transaction.field)
    if (transaction.referenceType !== null) data.ReferenceType = transaction.referenceType
    if (transaction.oldReference !== null) data.OldReference = reference(context, 'objectcustomfieldvalue', transaction.oldReference)
    if (transaction.newReference !== null) data.NewReference = reference(context, 'objectcustomfieldvalue', transaction.newReference)
  } else {
    if (transaction.field !== null) data.Field = transaction.field
    if (transaction.oldValue !== null) data.OldValue = transaction.oldValue
    if (transaction.newValue !== null) data.NewValue = transaction.newValue
  }
  if (transaction.data !== null) data.Data = transaction.data
  data._hyperlinks = [
    selfLink(context, 'transaction', transaction.id),
    ...database
      .transactionAttachments(transaction.id)
      .map((attachment) => ({ ref: 'attachment', _url: `${rest2Base(context)}/attachment/${attachment.id}` })),
  ]
  return data
}

/** MIME::Base64's encode_base64: 76-character lines, each ending in a newline. */
function perlBase64(content: Buffer): string {
  const encoded = content.toString('base64')
  if (!encoded) return ''
  return `${encoded.match(/.{1,76}/g)?.join('\n') ?? ''}\n`
}

/** GET /attachment/<id>: `Content` base64-encoded, `Headers` as one string. */
export function serializeAttachment(context: RequestContext, attachment: RtAttachment): JsonObject {
  const data: JsonObject = {
    id: attachment.id,
    Subject: attachment.subject,
    ContentType: attachment.contentType,
    MessageId: attachment.messageId,
    Headers: attachment.headers,
    TransactionId: reference(context, 'transaction', attachment.transactionId),
    Parent: attachment.parentId ? reference(context, 'attachment', attachment.parentId) : '0',
    Creator: userReference(context, attachment.creatorId),
    Created: formatW3cDate(attachment.created),
    _hyperlinks: [selfLink(context, 'attachment', attachment.id)],
  }
  if (attachment.filename !== null) data.Filename = attachment.filename
  if (!/^multipart\//i.test(attachment.contentType)) data.Content = perlBase64(attachment.content)
  return data
}

/** GET /customfield/<id>. */
export function serializeCustomField(context: RequestContext, customField: RtCustomField): JsonObject {
  const hyperlinks: JsonObject[] = [selfLink(context, 'customfield', customField.id)]
  if (customField.type === 'Select') hyperlinks.push({ ref: 'customfieldvalues', _url: `${rest2Base(context)}/customfield/${customField.id}/values` })
  const data: JsonObject = {
    id: customField.id,
    Name: customField.name,
    Description: customField.description,
    Type: customField.type,
    LookupType: customField.lookupType,
    MaxValues: String(customField.maxValues),
    Pattern: customField.pattern,
    SortOrder: String(customField.sortOrder),
    Disabled: customField.disabled ? '1' : '0',
    UniqueValues: customField.uniqueValues ? '1' : '0',
    EntryHint: customField.entryHint,
    Creator: userReference(context, customField.creatorId),
    LastUpdatedBy: userReference(context, customField.lastUpdatedById),
    Created: formatW3cDate(customField.created),
    LastUpdated: formatW3cDate(customField.lastUpdated),
    _hyperlinks: hyperlinks,
  }
  if (customField.type === 'Select') data.Values = [...customField.values]
  return data
}

/** Whether a user may see a queue (RT's SeeQueue; superusers only in the seed). */
export function canSeeQueue(database: RtDatabase, user: RtUser): boolean {
  return database.hasRight(user.id, 'SeeQueue')
}
