import type { AutotaskRecord } from './autotask-simulator-state'

/**
 * Where a page starts. Autotask's next-page URLs carry an opaque `paging` JSON; the simulator's
 * holds the page size and the boundary id, so pages stay stable while rows are added (rows come
 * in id order, the next page is "id greater than the last one").
 */
export interface AutotaskPagingCursor {
  pageSize: number
  /** Next page: rows with an id above this one. */
  lastId?: number
  /** Previous page: the rows just below this id. */
  firstId?: number
}

/** One page of rows and the cursors around it. */
export interface AutotaskPage {
  rows: AutotaskRecord[]
  next?: AutotaskPagingCursor
  previous?: AutotaskPagingCursor
}

/** Cuts one page out of rows in id order. */
export function pageAutotaskRows(rows: AutotaskRecord[], pageSize: number, cursor?: Omit<AutotaskPagingCursor, 'pageSize'>): AutotaskPage {
  if (cursor?.firstId !== undefined) {
    const firstId = cursor.firstId
    const before = rows.filter((row) => row.id < firstId)
    const page = before.slice(Math.max(0, before.length - pageSize))
    const last = page.at(-1)
    return {
      rows: page,
      ...(last && rows.some((row) => row.id > last.id) ? { next: { pageSize, lastId: last.id } } : {}),
      ...(before.length > page.length && page[0] ? { previous: { pageSize, firstId: page[0].id } } : {}),
    }
  }
  const lastId = cursor?.lastId
  const after = lastId === undefined ? rows : rows.filter((row) => row.id > lastId)
  const page = after.slice(0, pageSize)
  const last = page.at(-1)
  return {
    rows: page,
    ...(after.length > page.length && last ? { next: { pageSize, lastId: last.id } } : {}),
    ...(lastId !== undefined && rows.some((row) => row.id <= lastId) ? { previous: { pageSize, firstId: page[0]?.id ?? lastId + 1 } } : {}),
  }
}

/** Reads the `paging` parameter of a next-page URL. */
export function parsePagingCursor(value: string | null): AutotaskPagingCursor | undefined {
  if (!value) return undefined
  try {
    const parsed = JSON.parse(value) as Partial<AutotaskPagingCursor>
    if (typeof parsed.pageSize !== 'number') return undefined
    return {
      pageSize: parsed.pageSize,
      ...(typeof parsed.lastId === 'number' ? { lastId: parsed.lastId } : {}),
      ...(typeof parsed.firstId === 'number' ? { firstId: parsed.firstId } : {}),
    }
  } catch {
    return undefined
  }
}

/**
 * The absolute next/previous page URL on the zone's origin:
 * `{origin}/ATServicesRest/V1.0/{Entity}/query/next?paging={...}`, plus `&search={...}` when the
 * query came as a GET `?search=` (such URLs can be GET; POST cursors must be POSTed the body again).
 */
export function pagingUrl(origin: string, entity: string, cursor: AutotaskPagingCursor, search?: string): string {
  const paging = encodeURIComponent(JSON.stringify(cursor))
  return `${origin}/ATServicesRest/V1.0/${entity}/query/next?paging=${paging}${search === undefined ? '' : `&search=${encodeURIComponent(search)}`}`
}
