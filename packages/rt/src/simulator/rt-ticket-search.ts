/**
 * Ticket and transaction searches: TicketSQL conditions evaluated against the simulator's rows
 * with RT's semantics (case-insensitive text, LIKE as "contains", `!=` on watchers and custom
 * fields meaning "none matches", whole days for `Created = '2026-11-25'`, deleted tickets left
 * out), and RT's orderings.
 */
import type { RtDatabase } from './rt-database'
import type { RtTicket, RtTransaction, RtUser } from './rt-records'
import { parseRtDate } from './rt-dates'
import { isActiveStatus, isInactiveStatus, isInitialStatus } from './rt-lifecycle'
import { isTextualContentType } from './rt-mime'
import { canSeeTicket } from './rt-ticket-actions'
import {
  type TicketSqlCondition,
  type TicketSqlError,
  compareSqlNumber,
  compareSqlText,
  evaluateTicketSql,
  isNegativeSqlOperator,
  parseTicketSql,
  positiveSqlOperator,
  ticketSqlConditions,
  transactionSqlFields,
} from './rt-ticket-sql'

/** The file and line RT's parser dies at, which RT's error texts quote. */
const parserLocation = '/usr/share/request-tracker5/lib/RT/Tickets.pm line 3187'

/** An invalid query's text as each API reports it (REST 1.0 adds Perl's handle and stack). */
export function ticketSqlErrorText(error: TicketSqlError, api: 'rest1' | 'rest2'): string {
  if (api === 'rest2') return `${error.message} at ${parserLocation}.\n`
  return (
    `${error.message} at ${parserLocation}, <GEN126> line 25.\n\nStack:\n` +
    '  [/usr/share/request-tracker5/lib/RT/Tickets.pm:3187]\n' +
    '  [/usr/share/request-tracker5/lib/RT/Tickets.pm:3540]\n' +
    '  [/usr/share/request-tracker5/html/REST/1.0/search/dhandler:120]\n' +
    '  [/usr/share/request-tracker5/html/REST/1.0/autohandler:55]\n' +
    '  [/usr/share/request-tracker5/lib/RT/Interface/Web.pm:746]\n' +
    '  [/usr/share/request-tracker5/lib/RT/Interface/Web.pm:425]\n' +
    '  [/usr/share/request-tracker5/html/autohandler:53]\n'
  )
}

/** One `orderby` column. */
export interface SearchOrder {
  field: string
  descending: boolean
}

/** Compares a set of stored values the way RT's joins do: positive operators need one match, negative ones need none. */
function anyValue(values: string[], operator: string, value: string): boolean {
  if (operator === 'IS' || operator === 'IS NOT') {
    const empty = values.filter((item) => item !== '').length === 0
    return operator === 'IS' ? empty : !empty
  }
  if (isNegativeSqlOperator(operator)) return !values.some((item) => compareSqlText(item, positiveSqlOperator(operator), value))
  return values.some((item) => compareSqlText(item, operator, value))
}

function userFieldValues(users: RtUser[], subkey: string | undefined): string[] {
  const key = (subkey ?? 'EmailAddress').toLowerCase()
  return users.map((user) => {
    if (key === 'name') return user.name
    if (key === 'realname') return user.realName ?? ''
    if (key === 'id') return String(user.id)
    if (key === 'organization') return user.organization ?? ''
    return user.emailAddress ?? ''
  })
}

/** A date condition; RT reads the literal in the searching user's zone (rt-dates.ts). */
function compareDate(seconds: number | null, condition: TicketSqlCondition, now: number, timeZone: string): boolean {
  const { operator, value } = condition
  if (operator === 'IS') return !seconds
  if (operator === 'IS NOT') return !!seconds
  if (seconds === null) return false
  const parsed = parseRtDate(value, now, timeZone)
  if (!parsed) return false
  if (operator === '=' && parsed.dateOnly) return seconds >= parsed.seconds && seconds < parsed.seconds + 86_400
  if (operator === '!=' && parsed.dateOnly) return seconds < parsed.seconds || seconds >= parsed.seconds + 86_400
  return compareSqlNumber(seconds, operator, String(parsed.seconds))
}

/** The text of a ticket's messages (for `Content LIKE`), per text attachment. */
function ticketTexts(database: RtDatabase, ticket: RtTicket): string[] {
  return database
    .ticketAttachments(ticket.id)
    .filter((attachment) => isTextualContentType(attachment.contentType))
    .map((attachment) => attachment.content.toString('utf8'))
}

function linkedTickets(database: RtDatabase, ticket: RtTicket, field: string): string[] {
  const uri = database.ticketUri(ticket.id)
  const wanted: Record<string, [type: string | undefined, end: 'base' | 'target' | 'both']> = {
    Linked: [undefined, 'both'],
    LinkedTo: [undefined, 'base'],
    LinkedFrom: [undefined, 'target'],
    MemberOf: ['MemberOf', 'base'],
    DependsOn: ['DependsOn', 'base'],
    RefersTo: ['RefersTo', 'base'],
    HasMember: ['MemberOf', 'target'],
    DependentOn: ['DependsOn', 'target'],
    DependedOnBy: ['DependsOn', 'target'],
    ReferredToBy: ['RefersTo', 'target'],
  }
  const [type, end] = wanted[field] ?? [undefined, 'both']
  const result: string[] = []
  for (const link of database.links.values()) {
    if (type && link.type !== type) continue
    if ((end === 'base' || end === 'both') && link.base === uri) result.push(String(database.ticketIdFromUri(link.target) ?? link.target))
    if ((end === 'target' || end === 'both') && link.target === uri) result.push(String(database.ticketIdFromUri(link.base) ?? link.base))
  }
  return result
}

/** Whether a ticket satisfies one TicketSQL condition. */
function ticketMatches(database: RtDatabase, ticket: RtTicket, condition: TicketSqlCondition, timeZone: string): boolean {
  const { field, subkey, operator, value } = condition
  const now = database.now()
  const user = (id: number): RtUser[] => {
    const found = database.users.get(id)
    return found ? [found] : []
  }
  const userMatch = (users: RtUser[]): boolean => {
    if (!subkey && /^\d+$/.test(value))
      return anyValue(
        users.map((item) => String(item.id)),
        operator,
        value,
      )
    if (!subkey) {
      const byName = anyValue(userFieldValues(users, 'Name'), operator, value)
      const byAddress = anyValue(userFieldValues(users, 'EmailAddress'), operator, value)
      return isNegativeSqlOperator(operator) ? byName && byAddress : byName || byAddress
    }
    return anyValue(userFieldValues(users, subkey), operator, value)
  }
  switch (field) {
    case 'id':
    case 'EffectiveId':
      return compareSqlNumber(field === 'id' ? ticket.id : ticket.effectiveId, operator, value)
    case 'Priority':
    case 'InitialPriority':
    case 'FinalPriority':
    case 'TimeLeft':
    case 'TimeWorked':
    case 'TimeEstimated': {
      const key = (field.charAt(0).toLowerCase() + field.slice(1)) as 'priority'
      return compareSqlNumber(ticket[key], operator, value)
    }
    case 'Status': {
      const status = value.toLowerCase()
      if (status === '__active__' || status === '__inactive__') {
        const active = isInitialStatus(ticket.status) || isActiveStatus(ticket.status)
        const matches = status === '__active__' ? active : isInactiveStatus(ticket.status)
        return isNegativeSqlOperator(operator) ? !matches : matches
      }
      return compareSqlText(ticket.status, operator, value)
    }
    case 'Subject':
      if (operator === 'IS' || operator === 'IS NOT') return (operator === 'IS') === (ticket.subject === '')
      return compareSqlText(ticket.subject, operator, value)
    case 'Type':
      return compareSqlText(ticket.type, operator, value)
    case 'SLA':
      return operator === 'IS' || compareSqlText('', operator, value)
    case 'Lifecycle':
      return compareSqlText(database.queues.get(ticket.queueId)?.lifecycle ?? 'default', operator, value)
    case 'Queue': {
      const queue = database.queues.get(ticket.queueId)
      if (/^\d+$/.test(value)) return compareSqlNumber(ticket.queueId, operator, value)
      return compareSqlText(queue?.name ?? '', operator, value)
    }
    case 'Creator':
    case 'LastUpdatedBy':
      return userMatch(user(field === 'Creator' ? ticket.creatorId : ticket.lastUpdatedById))
    case 'Owner':
      return userMatch(user(ticket.ownerId))
    case 'Requestor':
    case 'Requestors':
      return userMatch(database.roleMembers(ticket.roleGroups.Requestor))
    case 'Cc':
    case 'AdminCc':
      return userMatch(database.roleMembers(ticket.roleGroups[field]))
    case 'Watcher':
      return userMatch([
        ...database.roleMembers(ticket.roleGroups.Requestor),
        ...database.roleMembers(ticket.roleGroups.Cc),
        ...database.roleMembers(ticket.roleGroups.AdminCc),
      ])
    case 'Created':
    case 'LastUpdated':
    case 'Starts':
    case 'Started':
    case 'Due':
    case 'Resolved':
    case 'Told': {
      const key = (field.charAt(0).toLowerCase() + field.slice(1)) as 'created'
      return compareDate(ticket[key], condition, now, timeZone)
    }
    case 'Updated':
    case 'TransactionDate':
      return database.ticketTransactions(ticket.id).some((transaction) => compareDate(transaction.created, condition, now, timeZone))
    case 'Content':
      return database.fullTextSearch && anyValue(ticketTexts(database, ticket), operator, value)
    case 'Filename':
      return anyValue(
        database.ticketAttachments(ticket.id).map((attachment) => attachment.filename ?? ''),
        operator,
        value,
      )
    case 'ContentType':
      return anyValue(
        database.ticketAttachments(ticket.id).map((attachment) => attachment.contentType),
        operator,
        value,
      )
    case 'CF':
    case 'CustomField':
    case 'CustomFieldValue': {
      const name = (subkey ?? '').replace(/^\{(.*)\}$/, '$1').replace(/\.(?:Content|LargeContent)$/i, '')
      const customField = database.findTicketCustomField(name)
      if (!customField) return false
      return anyValue(
        database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id).map((row) => row.content),
        operator,
        value,
      )
    }
    case 'Linked':
    case 'LinkedTo':
    case 'LinkedFrom':
    case 'MemberOf':
    case 'DependsOn':
    case 'RefersTo':
    case 'HasMember':
    case 'DependentOn':
    case 'DependedOnBy':
    case 'ReferredToBy':
      return anyValue(linkedTickets(database, ticket, field), operator, value)
    default:
      return false
  }
}

function sortValue(database: RtDatabase, ticket: RtTicket, field: string): string | number {
  const lower = field.toLowerCase()
  if (lower === 'queue') return database.queues.get(ticket.queueId)?.name.toLowerCase() ?? ''
  if (lower === 'owner') return database.users.get(ticket.ownerId)?.name.toLowerCase() ?? ''
  if (lower === 'told') return ticket.told ?? 0
  const key = Object.keys(ticket).find((name) => name.toLowerCase() === lower) as keyof RtTicket | undefined
  const value = key ? ticket[key] : ticket.id
  return typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' ? value : ticket.id
}

/**
 * Runs a TicketSQL search for a user: the tickets they may see that match, without deleted ones
 * unless the query asks about Status, ordered by the given columns (then by id).
 */
export function searchTickets(database: RtDatabase, user: RtUser, query: string, order: SearchOrder[]): RtTicket[] {
  const tree = parseTicketSql(query)
  if (!canSeeTicket(database, user)) return []
  const timeZone = database.userTimeZone(user)
  const looksAtStatus = ticketSqlConditions(tree).some((condition) => condition.field === 'Status')
  const matches = [...database.tickets.values()].filter(
    (ticket) =>
      ticket.effectiveId === ticket.id &&
      (looksAtStatus || ticket.status !== 'deleted') &&
      evaluateTicketSql(tree, (condition) => ticketMatches(database, ticket, condition, timeZone)),
  )
  const columns = order.length > 0 ? order : [{ field: 'id', descending: false }]
  return matches.sort((left, right) => {
    for (const column of columns) {
      const a = sortValue(database, left, column.field)
      const b = sortValue(database, right, column.field)
      if (a < b) return column.descending ? 1 : -1
      if (a > b) return column.descending ? -1 : 1
    }
    return left.id - right.id
  })
}

/** Whether a transaction satisfies a TransactionSQL condition. */
function transactionMatches(database: RtDatabase, transaction: RtTransaction, condition: TicketSqlCondition, timeZone: string): boolean {
  const { field, operator, value } = condition
  const ticket = transaction.objectType === 'RT::Ticket' ? database.tickets.get(transaction.objectId) : undefined
  switch (field) {
    case 'id':
      return compareSqlNumber(transaction.id, operator, value)
    case 'ObjectType':
      return compareSqlText(transaction.objectType, operator, value)
    case 'ObjectId':
      return compareSqlNumber(transaction.objectId, operator, value)
    case 'TimeTaken':
      return compareSqlNumber(transaction.timeTaken, operator, value)
    case 'Type':
    case 'Field':
    case 'OldValue':
    case 'NewValue':
    case 'Data':
    case 'ReferenceType': {
      const key = (field.charAt(0).toLowerCase() + field.slice(1)) as 'type'
      const stored = transaction[key] ?? ''
      if (operator === 'IS' || operator === 'IS NOT') return (operator === 'IS') === (stored === '')
      return compareSqlText(stored, operator, value)
    }
    case 'Creator': {
      const creator = database.users.get(transaction.creatorId)
      return /^\d+$/.test(value) ? compareSqlNumber(transaction.creatorId, operator, value) : compareSqlText(creator?.name ?? '', operator, value)
    }
    case 'Created':
      return compareDate(transaction.created, condition, database.now(), timeZone)
    case 'Content':
      return (
        database.fullTextSearch &&
        anyValue(
          database
            .transactionAttachments(transaction.id)
            .filter((attachment) => isTextualContentType(attachment.contentType))
            .map((attachment) => attachment.content.toString('utf8')),
          operator,
          value,
        )
      )
    case 'TicketId':
      return ticket !== undefined && compareSqlNumber(ticket.id, operator, value)
    case 'TicketSubject':
      return ticket !== undefined && compareSqlText(ticket.subject, operator, value)
    case 'TicketStatus':
      return ticket !== undefined && compareSqlText(ticket.status, operator, value)
    case 'TicketQueue':
      return (
        ticket !== undefined &&
        (/^\d+$/.test(value)
          ? compareSqlNumber(ticket.queueId, operator, value)
          : compareSqlText(database.queues.get(ticket.queueId)?.name ?? '', operator, value))
      )
    default:
      return false
  }
}

/** Runs a TransactionSQL search (REST2 `/transactions?query=`), in id order. */
export function searchTransactions(database: RtDatabase, user: RtUser, query: string): RtTransaction[] {
  const tree = parseTicketSql(query, transactionSqlFields)
  if (!canSeeTicket(database, user)) return []
  const timeZone = database.userTimeZone(user)
  return [...database.transactions.values()].filter((transaction) =>
    evaluateTicketSql(tree, (condition) => transactionMatches(database, transaction, condition, timeZone)),
  )
}
