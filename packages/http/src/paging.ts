import { createPaginated, InvalidResponseError, type CallOptions, type Paginated } from '@ticketbridge/core'

/** Default ceiling on pages walked by one listing: a server that ignores the page parameter must not loop forever. */
export const defaultMaximumPages = 100_000

/** One page of a page-number API, as the server returned it. */
export interface NumberedPage<T> {
  items: T[]
  /** The total number of matches, when the server reports it (Halo's `record_count`). */
  total?: number
}

/** Settings of {@link pageNumberPaging}. */
export interface PageNumberPagingOptions<T> {
  /** Fetches one page; `pageSize` is what we ask for, not necessarily what the server returns. */
  fetch: (pageNumber: number, pageSize: number, options: CallOptions) => Promise<NumberedPage<T>>
  /** The number of the first page: 1 for Halo. Defaults to 1. */
  firstPage?: number
  /** The page size asked for. */
  requestedPageSize: number
  /** Fails after this many pages; defaults to {@link defaultMaximumPages}. */
  maximumPages?: number
  /** Signal and timeout handed to every `fetch`. */
  callOptions?: CallOptions
  /** Names the vendor in errors. */
  vendor?: string
}

/**
 * Lists a page-number API, trusting what the server returned rather than what was asked. It
 * goes on while the last page had items and the total is unknown or not yet reached. A page
 * shorter than the requested size does not end the listing when the total says more remain:
 * Halo silently caps pages at 100 whatever `page_size` asks for, and stopping on the first
 * "short" page would lose everything after the first hundred. Without a total, it stops at the
 * first empty page.
 */
export function pageNumberPaging<T>(options: PageNumberPagingOptions<T>): Paginated<T> {
  const firstPage = options.firstPage ?? 1
  const maximumPages = options.maximumPages ?? defaultMaximumPages
  if (!Number.isInteger(options.requestedPageSize) || options.requestedPageSize <= 0) {
    throw new RangeError(`requestedPageSize must be a whole number above 0, got ${options.requestedPageSize}.`)
  }
  return createPaginated<T>(async (cursor, callOptions) => {
    // The cursor carries the page to fetch and how many items came before it.
    const [pageNumber, fetchedBefore] = cursor === undefined ? [firstPage, 0] : (cursor.split(':').map(Number) as [number, number])
    const page = await options.fetch(pageNumber, options.requestedPageSize, callOptions)
    const fetched = fetchedBefore + page.items.length
    const moreRemain = page.items.length > 0 && (page.total === undefined || fetched < page.total)
    if (!moreRemain) return { items: page.items }
    if (pageNumber - firstPage + 1 >= maximumPages) {
      throw new InvalidResponseError(
        `${options.vendor ?? 'The server'} kept returning pages after ${maximumPages} pages; it may be ignoring the page number. Paging stopped.`,
        options.vendor === undefined ? {} : { vendor: options.vendor },
      )
    }
    return { items: page.items, nextCursor: `${pageNumber + 1}:${fetched}` }
  }, options.callOptions)
}

/** Settings of {@link keysetPaging}. */
export interface KeysetPagingOptions<T, K extends string | number> {
  /**
   * Fetches the items whose key is greater than `afterKey` (all items when it is undefined),
   * sorted by key ascending: Autotask's `{"op":"gt","field":"id","value":last}` filter.
   */
  fetch: (afterKey: K | undefined, options: CallOptions) => Promise<T[]>
  /** The key of an item, usually its numeric id. */
  key: (item: T) => K
  /**
   * The page size the server fills when more items exist (Autotask: 500). A shorter page then
   * ends the listing without one more request. Without it, the listing ends at an empty page.
   */
  stopWhenShorterThan?: number
  /** Fails after this many pages; defaults to {@link defaultMaximumPages}. */
  maximumPages?: number
  callOptions?: CallOptions
  vendor?: string
}

/**
 * Lists by key ("id > last") instead of by offset or by the server's next-page link. Inserts and
 * deletes during a long listing shift offsets, and cursor links can expire; a key filter does
 * neither. Each page must be sorted by key ascending; a page that is not, or a next key that
 * does not move forward, fails with InvalidResponseError instead of skipping or repeating items.
 */
export function keysetPaging<T, K extends string | number>(options: KeysetPagingOptions<T, K>): Paginated<T> {
  const maximumPages = options.maximumPages ?? defaultMaximumPages
  const fail = (message: string): never => {
    throw new InvalidResponseError(`${options.vendor ?? 'The server'} ${message}`, options.vendor === undefined ? {} : { vendor: options.vendor })
  }
  return createPaginated<T>(async (cursor, callOptions) => {
    // The cursor carries the last key and the pages walked so far, so that every iteration
    // of the same listing (two toArray calls, say) counts on its own.
    const position = cursor === undefined ? { pages: 0 } : (JSON.parse(cursor) as { after: K; pages: number })
    const afterKey = 'after' in position ? position.after : undefined
    const items = await options.fetch(afterKey, callOptions)
    const pagesFetched = position.pages + 1
    if (items.length === 0) return { items }
    let previousKey = afterKey
    for (const item of items) {
      const itemKey = options.key(item)
      if (previousKey !== undefined && !isAfter(itemKey, previousKey)) {
        fail(
          `returned key ${String(itemKey)} after ${String(previousKey)}: keyset paging needs items sorted by key ascending, each after the previous page.`,
        )
      }
      previousKey = itemKey
    }
    if (options.stopWhenShorterThan !== undefined && items.length < options.stopWhenShorterThan) return { items }
    if (pagesFetched >= maximumPages) fail(`kept returning pages after ${maximumPages} pages. Paging stopped.`)
    return { items, nextCursor: JSON.stringify({ after: previousKey, pages: pagesFetched }) }
  }, options.callOptions)
}

function isAfter(key: string | number, previous: string | number): boolean {
  if (typeof key === 'number' && typeof previous === 'number') return key > previous
  // Servers collate strings their own way; only a repeated key is certainly wrong.
  return key !== previous
}
