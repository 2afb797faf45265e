import type { CheckedTicketQuery } from '@ticketbridge/core'
import { type AutotaskFilter, autotaskFilter } from '../client/autotask-filter'
import type { ResolvedAutotaskAdapterOptions } from './autotask-adapter-settings'
import { autotaskId } from './autotask-input-resolver'
import type { AutotaskTicketLookups } from './autotask-lookups'

/**
 * The Autotask filter of a ticket query: every filter runs in Autotask's query language. Status
 * categories become the tenant's status values; undefined when no status is in the asked
 * categories, so nothing can match and nothing need be asked.
 */
export function autotaskTicketFilter(query: CheckedTicketQuery, lookups: AutotaskTicketLookups): AutotaskFilter[] | undefined {
  const filter: AutotaskFilter[] = []
  if (query.updatedSince !== undefined) filter.push(autotaskFilter.gte('lastActivityDate', query.updatedSince))
  if (query.createdSince !== undefined) filter.push(autotaskFilter.gte('createDate', query.createdSince))
  if (query.statusCategories !== undefined) {
    const categories = query.statusCategories
    const values = lookups.statuses.values
      .filter((value) => categories.includes(lookups.statusCategory(Number(value.value))))
      .map((value) => Number(value.value))
    if (values.length === 0) return undefined
    filter.push(autotaskFilter.in('status', values))
  }
  if (query.queueId !== undefined) filter.push(autotaskFilter.eq('queueID', autotaskId(query.queueId, 'queueId')))
  if (query.organizationId !== undefined) filter.push(autotaskFilter.eq('companyID', autotaskId(query.organizationId, 'organizationId')))
  if (query.text !== undefined)
    filter.push(autotaskFilter.or(autotaskFilter.contains('title', query.text), autotaskFilter.contains('description', query.text)))
  return filter
}

/** The condition on where the settings keep the external id: the native field, or a user-defined one. */
export function externalIdCondition(options: ResolvedAutotaskAdapterOptions, values: string | readonly string[]): AutotaskFilter {
  const where = options.externalId
  if (typeof values === 'string') return 'udf' in where ? autotaskFilter.udf.eq(where.udf, values) : autotaskFilter.eq(where.field, values)
  return 'udf' in where ? autotaskFilter.udf.in(where.udf, values) : autotaskFilter.in(where.field, values)
}
