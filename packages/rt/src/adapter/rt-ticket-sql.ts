import type { TicketQuery } from '@ticketbridge/core'
import type { RtLifecycles } from './rt-lifecycles'

/** A TicketSQL string literal: single quotes, with `\` and `'` escaped by a backslash. */
export function ticketSqlString(value: string): string {
  return `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'`
}

/**
 * A TicketSQL date literal for an instant: `'YYYY-MM-DD HH:MM:SS +0000'`. The explicit offset
 * makes RT read it as UTC whatever the user's timezone; ISO `T…Z` forms are misread by RT 5.0.3
 * (only the date is kept). RT keeps times to the second, so the instant is cut to its second;
 * the adapter applies the exact bound to what comes back.
 */
export function ticketSqlDate(timestamp: string): string {
  const date = new Date(Math.floor(Date.parse(timestamp) / 1000) * 1000)
  return `'${date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} +0000'`
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
}

/**
 * The TicketSQL for a ticket query: the filters RT can run (LastUpdated, Created, Status by
 * category, Queue, and with full-text search Subject/Content). `matchesNothing` is set when a
 * filter cannot match any RT ticket (organizations do not exist in RT).
 */
export function buildTicketSql(query: TicketQuery, context: TicketSqlContext): { sql: string; matchesNothing: boolean } {
  const clauses: string[] = []
  if (query.updatedSince !== undefined) clauses.push(`LastUpdated >= ${ticketSqlDate(query.updatedSince)}`)
  if (query.createdSince !== undefined) clauses.push(`Created >= ${ticketSqlDate(query.createdSince)}`)
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
