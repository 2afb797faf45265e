import type { TicketQuery } from '@ticketbridge/core'
import { rtInputDate } from '../client/rt-time-zone'
import type { RtLifecycles } from './rt-lifecycles'

/** A TicketSQL string literal: single quotes, with `\` and `'` escaped by a backslash. */
export function ticketSqlString(value: string): string {
  return `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'`
}

/**
 * A TicketSQL date literal for an instant, as a lower bound: `'YYYY-MM-DD HH:MM:SS'` in the RT
 * user's time zone, the text RT reads back as that instant (`rtInputDate`). RT reads every date
 * literal in the user's zone (or the server's `$Timezone`): a `+0000` marker does not make it
 * UTC (checked on RT 5.0.3 in America/New_York: `'… 15:30:00 +0000'` bounded at 19:30Z), and
 * ISO `T…Z` forms keep only the date. RT keeps times to the second, so the instant is cut to
 * its second; the adapter applies the exact bound to what comes back.
 */
export function ticketSqlDate(timestamp: string, timeZone = 'UTC'): string {
  return `'${rtInputDate(Date.parse(timestamp), timeZone)}'`
}

/** A custom field in TicketSQL: `CF.{Name}`. */
export function ticketSqlCustomField(name: string): string {
  return `CF.{${name}}`
}

/** What {@link buildTicketSql} needs to know of the server. */
export interface TicketSqlContext {
  lifecycles: RtLifecycles
  /** RT's full-text search is enabled: `Content LIKE` works. */
  fullTextSearch: boolean
  /** The RT user's time zone, in which RT reads date literals; UTC when left out. */
  timeZone?: string
}

/**
 * The TicketSQL for a ticket query: the filters RT can run (LastUpdated, Created, Status by
 * category, Queue, and with full-text search Subject/Content). `matchesNothing` is set when a
 * filter cannot match any RT ticket (organizations do not exist in RT).
 */
export function buildTicketSql(query: TicketQuery, context: TicketSqlContext): { sql: string; matchesNothing: boolean } {
  const clauses: string[] = []
  if (query.updatedSince !== undefined) clauses.push(`LastUpdated >= ${ticketSqlDate(query.updatedSince, context.timeZone)}`)
  if (query.createdSince !== undefined) clauses.push(`Created >= ${ticketSqlDate(query.createdSince, context.timeZone)}`)
  if (query.statusCategories !== undefined) {
    const statuses = context.lifecycles.statusesIn(query.statusCategories)
    if (statuses.length === 0) return { sql: '', matchesNothing: true }
    clauses.push(`(${statuses.map((status) => `Status = ${ticketSqlString(status)}`).join(' OR ')})`)
  }
  if (query.queueId !== undefined) clauses.push(`Queue = ${ticketSqlString(query.queueId)}`)
  if (query.text !== undefined && context.fullTextSearch) {
    const text = ticketSqlString(query.text)
    clauses.push(`(Subject LIKE ${text} OR Content LIKE ${text})`)
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : 'id > 0', matchesNothing: query.organizationId !== undefined }
}
