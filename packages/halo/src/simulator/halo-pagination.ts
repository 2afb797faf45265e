import { parseHaloDate } from './halo-date-format'
import type { HaloQuery } from './halo-query'
import { HaloDouble } from './halo-responses'
import type { HaloJson } from './halo-table'

/** One page of a list, with what the answer reports about it. */
export interface HaloPage<T> {
  rows: T[]
  /** Every match, not only this page: Halo reports the full count even when it cut the page. */
  recordCount: number
  /** Set for paged answers: the page number and the page size actually used. */
  paging?: { page_no: number; page_size: number }
}

/** Limits of paging. */
export interface HaloPagingLimits {
  pageSizeCap: number
  defaultPageSize: number
}

/**
 * Pages a list the way Halo does (halo.md §3.3): with `pageinate=true`, `page_no` is 1-based
 * and `page_size` is cut to the cap **silently** (ask 500, get 100, `record_count` still the
 * total); without it, `count` limits the rows and everything else comes back at once.
 */
export function pageHaloRows<T>(rows: T[], query: HaloQuery, limits: HaloPagingLimits): HaloPage<T> {
  if (query.boolean('pageinate') === true) {
    const requested = query.integer('page_size')
    const pageSize = Math.min(requested !== undefined && requested > 0 ? requested : limits.defaultPageSize, limits.pageSizeCap)
    const requestedPage = query.integer('page_no')
    const pageNo = requestedPage !== undefined && requestedPage > 0 ? requestedPage : 1
    const start = (pageNo - 1) * pageSize
    return { rows: rows.slice(start, start + pageSize), recordCount: rows.length, paging: { page_no: pageNo, page_size: pageSize } }
  }
  const count = query.integer('count')
  return { rows: count !== undefined && count > 0 ? rows.slice(0, count) : rows, recordCount: rows.length }
}

/** The wrapper object Halo sends for paged resources: `{ page_no?, page_size?, record_count, <key>: [...] }`. */
export function haloListWrapper<T>(key: string, page: HaloPage<T>, extra: HaloJson = {}): HaloJson {
  return { ...(page.paging ?? {}), record_count: page.recordCount, [key]: page.rows, ...extra }
}

/** Halo's stored date-times (`2024-05-02T08:00:03.21`): compared as instants, not as text. */
const storedDate = /^\d{4}-\d{2}-\d{2}T/

function compareValues(rawLeft: unknown, rawRight: unknown): number {
  const left = rawLeft instanceof HaloDouble ? rawLeft.value : rawLeft
  const right = rawRight instanceof HaloDouble ? rawRight.value : rawRight
  if (left === right) return 0
  if (left === undefined || left === null) return -1
  if (right === undefined || right === null) return 1
  if (typeof left === 'number' && typeof right === 'number') return left - right
  // As SQL Server orders a datetime column: by instant, whatever digits of a second each was written with.
  if (typeof left === 'string' && typeof right === 'string' && storedDate.test(left) && storedDate.test(right)) {
    const leftTime = parseHaloDate(left)
    const rightTime = parseHaloDate(right)
    if (leftTime !== undefined && rightTime !== undefined) return leftTime - rightTime
  }
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right)
  return String(left).localeCompare(String(right), 'en', { sensitivity: 'base' })
}

/**
 * Orders rows by `order`/`orderdesc`, then `order2`/`orderdesc2` … `order5` (halo.md §3.4), with
 * `fallback` (ascending) last, so paging is stable. Field names are read in any case, dates by
 * instant; an order field a row lacks sorts first (lowest, as SQL Server sorts NULL), so last when
 * descending.
 */
export function orderHaloRows(rows: HaloJson[], query: HaloQuery, fallback = 'id'): HaloJson[] {
  const keys: { field: string; descending: boolean }[] = []
  for (const suffix of ['', '2', '3', '4', '5']) {
    const field = query.get(`order${suffix}`)
    if (field) keys.push({ field: field.toLowerCase(), descending: query.boolean(`orderdesc${suffix}`) === true })
  }
  keys.push({ field: fallback, descending: false })
  const read = (row: HaloJson, field: string): unknown => row[field] ?? row[Object.keys(row).find((key) => key.toLowerCase() === field) ?? field]
  return [...rows].sort((left, right) => {
    for (const { field, descending } of keys) {
      const compared = compareValues(read(left, field), read(right, field))
      if (compared !== 0) return descending ? -compared : compared
    }
    return 0
  })
}
