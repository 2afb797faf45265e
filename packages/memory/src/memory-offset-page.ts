import type { Page } from '@ticketbridge/core'

/**
 * One page of `all` from the offset `cursor` names, as a vendor's offset paging would answer
 * it; only the page's records are mapped.
 */
export function memoryOffsetPage<Record, Item>(
  all: readonly Record[],
  cursor: string | undefined,
  pageSize: number,
  map: (record: Record) => Item,
): Page<Item> {
  const start = cursor === undefined ? 0 : Number(cursor)
  const end = start + pageSize
  const items = all.slice(start, end).map(map)
  return end < all.length ? { items, nextCursor: String(end) } : { items }
}
