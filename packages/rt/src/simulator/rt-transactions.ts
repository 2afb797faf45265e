/**
 * Transactions: recording them, and describing them the way RT::Transaction's
 * BriefDescription / Description do (REST 1.0 history lines, REST2 update messages).
 */
import { type RtDatabase, nobodyUserId } from './rt-database'
import type { RtTransaction, RtAttachment } from './rt-records'
import { formatRtDateString, parseRtDate } from './rt-dates'
import { isTextualContentType } from './rt-mime'
import { convertRtHtmlToText } from './rt-html-to-text'
import { formatUser } from './rt-user-format'

/** The fields of a new transaction; the rest default to RT's NULLs. */
export type NewTransaction = Pick<RtTransaction, 'objectType' | 'objectId' | 'type' | 'creatorId'> & Partial<RtTransaction>

/** Records a transaction with the next id and the current time. */
export function recordTransaction(database: RtDatabase, fields: NewTransaction): RtTransaction {
  const transaction: RtTransaction = {
    id: database.nextId('transaction'),
    field: null,
    oldValue: null,
    newValue: null,
    referenceType: null,
    oldReference: null,
    newReference: null,
    data: null,
    timeTaken: 0,
    created: database.now(),
    ...fields,
  }
  database.transactions.set(transaction.id, transaction)
  return transaction
}

/** RT 5's priority labels (%PriorityAsString default: Low 0, Medium 50, High 100). */
function priorityLabel(value: string | number | null): string {
  const number = Number(value)
  if (value === null || value === '' || Number.isNaN(number)) return String(value ?? '')
  if (number >= 100) return 'High'
  if (number >= 50) return 'Medium'
  return 'Low'
}

function quotedOrNoValue(value: string | null): string {
  return value ? `'${value}'` : '(no value)'
}

function userName(database: RtDatabase, id: string | number | null): string {
  if (id === null) return ''
  return database.users.get(Number(id))?.name ?? ''
}

/** A user as RT's history shows one (`root (Enoch Root)`, `<dave@example.com>`). */
function formattedUser(database: RtDatabase, id: string | number | null): string {
  const user = id === null ? undefined : database.users.get(Number(id))
  return user ? formatUser(user) : ''
}

function principalLabel(database: RtDatabase, id: string | null): string {
  if (id === null) return ''
  const user = database.users.get(Number(id))
  if (user) return formatUser(user)
  const group = database.groups.get(Number(id))
  return group ? `group ${group.name}` : ''
}

/** RT::URI AsString: a local ticket reads `#3: Its subject`; anything else is the URI itself. */
function linkTarget(database: RtDatabase, uri: string): string {
  const ticketId = database.ticketIdFromUri(uri)
  const ticket = ticketId === undefined ? undefined : database.tickets.get(ticketId)
  return ticket ? `#${ticket.id}: ${ticket.subject}` : uri
}

const linkPhrases: Record<string, [added: string, deleted: string]> = {
  DependsOn: ['Dependency on [_1] added', 'Dependency on [_1] deleted'],
  DependedOnBy: ['Dependency by [_1] added', 'Dependency by [_1] deleted'],
  RefersTo: ['Reference to [_1] added', 'Reference to [_1] deleted'],
  ReferredToBy: ['Reference by [_1] added', 'Reference by [_1] deleted'],
  MemberOf: ['Membership in [_1] added', 'Membership in [_1] deleted'],
  HasMember: ['Member [_1] added', 'Member [_1] deleted'],
  MergedInto: ['Merged into [_1]', 'Merged into [_1]'],
}

function friendlyObjectType(objectType: string): string {
  return objectType.replace(/^RT::/, '')
}

/** RT's BriefDescription of a transaction (no "by <user>"). */
export function briefDescription(database: RtDatabase, transaction: RtTransaction, timeZone = 'UTC'): string {
  const { type, field, oldValue, newValue } = transaction
  switch (type) {
    case 'Create':
      return `${friendlyObjectType(transaction.objectType)} created`
    case 'EmailRecord':
      return 'Outgoing email recorded'
    case 'CommentEmailRecord':
      return 'Outgoing email about a comment recorded'
    case 'Correspond':
      return 'Correspondence added'
    case 'Comment':
      return 'Comments added'
    case 'Status':
      if (field === 'Status') {
        if (newValue === 'deleted') return `${friendlyObjectType(transaction.objectType)} deleted`
        return `Status changed from '${oldValue ?? ''}' to '${newValue ?? ''}'`
      }
      return `${field ?? ''} changed from ${quotedOrNoValue(oldValue)} to '${newValue ?? ''}'`
    case 'CustomField': {
      const customField = field ? database.customFields.get(Number(field)) : undefined
      const name = customField?.name ?? 'a custom field'
      if (customField && /text/i.test(customField.type)) {
        if (!oldValue) return `${name} added`
        if (!newValue) return `${name} deleted`
        return `${name} changed`
      }
      if (!oldValue) return `${name} ${newValue ?? ''} added`
      if (!newValue) return `${name} ${oldValue} deleted`
      return `${name} ${oldValue} changed to ${newValue}`
    }
    case 'AddWatcher':
      return `${field ?? ''} ${principalLabel(database, newValue)} added`
    case 'DelWatcher':
      return `${field ?? ''} ${principalLabel(database, oldValue)} deleted`
    case 'SetWatcher':
      return `${field ?? ''} set to ${principalLabel(database, newValue)}`
    case 'AddLink':
    case 'DeleteLink': {
      const uri = type === 'AddLink' ? newValue : oldValue
      const phrases = field ? linkPhrases[field] : undefined
      if (!uri || !phrases) return transaction.data ?? ''
      return (type === 'AddLink' ? phrases[0] : phrases[1]).replace('[_1]', linkTarget(database, uri))
    }
    case 'Take':
      return 'Taken'
    case 'Untake':
      return 'Untaken'
    case 'Give':
      return `Given to ${formattedUser(database, newValue)}`
    case 'Steal':
      return `Stolen from ${formattedUser(database, oldValue)}`
    case 'Force':
      return `Owner forcibly changed from ${formattedUser(database, oldValue)} to ${formattedUser(database, newValue)}`
    case 'Set':
      return describeSet(database, transaction, timeZone)
    case 'Told':
      return `${field ?? ''} changed from ${quotedOrNoValue(oldValue)} to '${newValue ?? ''}'`
    default:
      return `Default: ${type}/${field ?? ''} changed from ${quotedOrNoValue(oldValue)} to ${quotedOrNoValue(newValue)}`
  }
}

/** A Set transaction's words; dates in the reader's zone, as RT::Date writes them for the current user. */
function describeSet(database: RtDatabase, transaction: RtTransaction, timeZone: string): string {
  const { field, oldValue, newValue } = transaction
  if (field === 'Password') return 'Password changed'
  if (field === 'Queue') {
    const name = (id: string | null): string => {
      const queue = id ? database.queues.get(Number(id)) : undefined
      return queue?.name ?? `#${id ?? ''}`
    }
    return `Queue changed from ${name(oldValue)} to ${name(newValue)}`
  }
  if (field && /^(?:Due|Starts|Started|Told)$/.test(field)) {
    const asString = (value: string | null): string => formatRtDateString(value ? (parseRtDate(value, 0)?.seconds ?? 0) : 0, timeZone)
    return `${field} changed from ${asString(oldValue)} to ${asString(newValue)}`
  }
  if (field === 'Owner') {
    const oldId = Number(oldValue)
    const newId = Number(newValue)
    if (oldId === nobodyUserId) return newId === transaction.creatorId ? 'Taken' : `Given to ${formattedUser(database, newValue)}`
    if (newId === transaction.creatorId) return `Stolen from ${formattedUser(database, oldValue)}`
    if (oldId === transaction.creatorId) return newId === nobodyUserId ? 'Untaken' : `Given to ${formattedUser(database, newValue)}`
    return `Owner forcibly changed from ${formattedUser(database, oldValue)} to ${formattedUser(database, newValue)}`
  }
  if (field && /Priority/.test(field)) return `${field} changed from '${priorityLabel(oldValue)}' to '${priorityLabel(newValue)}'`
  return `${field ?? ''} changed from ${quotedOrNoValue(oldValue)} to ${quotedOrNoValue(newValue)}`
}

/** RT's Description: `<brief> by <creator name>`, dates in the reader's zone (UTC by default). */
export function transactionDescription(database: RtDatabase, transaction: RtTransaction, timeZone = 'UTC'): string {
  return `${briefDescription(database, transaction, timeZone)} by ${userName(database, transaction.creatorId)}`
}

/**
 * The attachment holding a transaction's content (RT's ContentObj): the first attachment if it
 * is text, else the first text/plain part under it (then text/html, then any text).
 */
export function transactionContentAttachment(database: RtDatabase, transactionId: number): RtAttachment | undefined {
  const attachments = database.transactionAttachments(transactionId)
  const first = attachments[0]
  if (!first) return undefined
  if (isTextualContentType(first.contentType)) return first
  if (!/^multipart\//i.test(first.contentType)) return undefined
  const descendants = attachments.filter((attachment) => attachment.id !== first.id && !attachment.filename)
  return (
    descendants.find((attachment) => /^text\/plain$/i.test(attachment.contentType)) ??
    descendants.find((attachment) => /^text\/html$/i.test(attachment.contentType)) ??
    descendants.find((attachment) => isTextualContentType(attachment.contentType))
  )
}

/**
 * RT's Transaction->Content for plain text: the content part decoded (HTML converted to text as
 * RT's formatter lays it out), or RT's placeholder text.
 */
export function transactionTextContent(database: RtDatabase, transactionId: number): string {
  const attachment = transactionContentAttachment(database, transactionId)
  if (!attachment) return 'This transaction appears to have no content'
  const content = attachment.content.toString('utf8')
  return /^text\/html$/i.test(attachment.contentType) ? convertRtHtmlToText(content) : content
}
