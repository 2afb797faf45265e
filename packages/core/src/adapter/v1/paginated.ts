import type { CallOptions } from './call-options'

/** One page as the server returned it, and where the next one starts. */
export interface Page<T> {
  items: T[]
  /** Opaque cursor for the next page; absent on the last page. */
  nextCursor?: string
}

/** Largest `toArray` limit: beyond it, iterate instead of holding everything in memory. */
export const largestToArrayLimit = 100_000

/**
 * Every list call returns this: an async iterable over all items of all pages, with the pages
 * themselves and a bounded array. Pages are fetched lazily, one at a time, as iteration asks.
 */
export interface Paginated<T> extends AsyncIterable<T> {
  /** Iterates page by page, as the server returned them. */
  pages(): AsyncIterable<Page<T>>
  /** Collects items until the end or `limit`, whichever comes first. */
  toArray(options: { limit: number }): Promise<T[]>
}

/**
 * Builds a {@link Paginated} from a function that fetches one page by cursor. The cursor of the
 * first page is `undefined`. Paging stops when a page has no `nextCursor`.
 */
export function createPaginated<T>(
  fetchPage: (cursor: string | undefined, options: CallOptions) => Promise<Page<T>>,
  options: CallOptions = {},
): Paginated<T> {
  async function* pages(): AsyncGenerator<Page<T>> {
    let cursor: string | undefined
    const seen = new Set<string>()
    do {
      const page = await fetchPage(cursor, options)
      yield page
      cursor = page.nextCursor
      // A server that hands back a cursor it gave before would loop forever; stop instead.
      if (cursor !== undefined) {
        if (seen.has(cursor)) throw new Error(`The server returned the page cursor ${cursor} twice; paging stopped.`)
        seen.add(cursor)
      }
    } while (cursor !== undefined)
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items
    },
    async toArray({ limit }) {
      if (!Number.isInteger(limit) || limit < 0 || limit > largestToArrayLimit) {
        throw new RangeError(`toArray needs a whole limit between 0 and ${largestToArrayLimit}; iterate with for await for more.`)
      }
      const items: T[] = []
      if (limit === 0) return items
      for await (const page of pages()) {
        for (const item of page.items) {
          items.push(item)
          if (items.length >= limit) return items
        }
      }
      return items
    },
  }
}

/** A {@link Paginated} over items already in memory, in pages of `pageSize`. */
export function paginateArray<T>(items: readonly T[], pageSize = 100): Paginated<T> {
  return createPaginated(async (cursor) => {
    const start = cursor === undefined ? 0 : Number(cursor)
    const end = start + pageSize
    return end < items.length ? { items: items.slice(start, end), nextCursor: String(end) } : { items: items.slice(start) }
  })
}
