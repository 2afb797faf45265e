import { type CallOptions, InvalidResponseError, type Page, type Paginated } from '@ticketbridge/core'
import { autotaskFilter } from '../client/autotask-filter'
import type { AutotaskQuery } from '../client/autotask-query'
import { invalidInput } from './autotask-input-resolver'

/** What an id-paged page needs of an entity: its listing, which pages by id. */
interface ListableEntity<Row> {
  queryAll(query: AutotaskQuery, options: CallOptions): Paginated<Row>
}

/**
 * One page of a query, from `cursor` (the last id of the page before): the client's id paging
 * asked for its first page only, with `id > cursor` added, so each page is the one request the
 * client's own listing would send for it.
 */
export async function autotaskIdPage<Row extends { id: number }>(
  entity: ListableEntity<Row>,
  query: AutotaskQuery,
  cursor: string | undefined,
  context: CallOptions,
): Promise<Page<Row>> {
  const after = cursor === undefined ? undefined : cursorId(cursor)
  const filter = after === undefined ? (query.filter ?? []) : [...(query.filter ?? []), autotaskFilter.gt('id', after)]
  for await (const page of entity.queryAll({ ...query, filter }, context).pages()) {
    const [first] = page.items
    // A server that ignored `id > cursor` would hand the same rows back forever; stop instead, as the client's own paging does.
    if (after !== undefined && first !== undefined && first.id <= after) {
      throw new InvalidResponseError(
        `Autotask returned id ${first.id} for a page of ids above ${after}; it did not apply the id filter, so paging stopped.`,
        {
          vendor: 'autotask',
        },
      )
    }
    const last = page.items.at(-1)
    return page.nextCursor !== undefined && last !== undefined ? { items: page.items, nextCursor: String(last.id) } : { items: page.items }
  }
  return { items: [] }
}

/** A page's rows in the common model. */
export async function mapPage<Row, Record>(page: Promise<Page<Row>>, map: (row: Row) => Record): Promise<Page<Record>> {
  const { items, nextCursor } = await page
  return { items: items.map(map), ...(nextCursor !== undefined ? { nextCursor } : {}) }
}

function cursorId(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) throw invalidInput('cursor', `not a page cursor of this adapter: ${JSON.stringify(cursor)}`)
  return Number(cursor)
}
