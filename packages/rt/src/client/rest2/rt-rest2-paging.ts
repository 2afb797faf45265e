import { type CallOptions, createPaginated, type Paginated } from '@ticketbridge/core'
import type { Rest2Collection } from './rt-rest2-types'

/**
 * The page after this one, or `undefined` at the end. It follows what the server answered, not
 * what was asked: RT caps `per_page` at 100 silently. When RT says how many pages there are it
 * is believed; RT 5.0.5 and later leave `pages` and `total` out for users who cannot see every
 * record (rt.md §3.2), and then a full page means there may be another. `next_page` links are
 * not followed: RT builds them from `$WebBaseURL`, which behind a proxy is another origin.
 */
export function nextRest2Page(collection: Pick<Rest2Collection<unknown>, 'items' | 'count' | 'page' | 'per_page' | 'pages'>): number | undefined {
  const page = Number(collection.page) || 1
  if (collection.items.length === 0) return undefined
  const pages = collection.pages === null || collection.pages === undefined ? undefined : Number(collection.pages)
  if (pages !== undefined && Number.isFinite(pages) && pages > 0) return page < pages ? page + 1 : undefined
  const perPage = Number(collection.per_page) || 20
  return collection.items.length >= perPage ? page + 1 : undefined
}

/**
 * A {@link Paginated} over a REST2 collection: `fetchPage(pageNumber)` is called lazily, page
 * after page, until {@link nextRest2Page} says the end.
 */
export function paginateRest2<T>(
  fetchPage: (page: number, options: CallOptions) => Promise<Rest2Collection<T>>,
  options: CallOptions = {},
): Paginated<T> {
  return createPaginated(async (cursor, callOptions) => {
    const collection = await fetchPage(cursor === undefined ? 1 : Number(cursor), callOptions)
    const next = nextRest2Page(collection)
    return next === undefined ? { items: collection.items } : { items: collection.items, nextCursor: String(next) }
  }, options)
}
