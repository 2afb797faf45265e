import { type CallOptions, NotFoundError } from '@ticketbridge/core'
import { createReadCoalescer, type ReadCoalescer } from '@ticketbridge/http'

/** What a coalesced read needs of an entity: its `in` query (autotask.md §6). */
interface QueryableEntity<Row> {
  readonly name: string
  queryIn(field: string, values: readonly number[], query: object, options: CallOptions): { toArray(options: { limit: number }): Promise<Row[]> }
}

/** Autotask's largest `in` list (autotask.md §6). */
const inListLimit = 500

/**
 * Rows of an entity by one of its number fields, read for every caller asking at about the same
 * time with one `field in [...]` query (see createReadCoalescer): a migration moving several
 * tickets at once asks for the notes of each, or reads back each note it wrote.
 */
export function coalescedByField<Row>(entity: QueryableEntity<Row>, field: string): ReadCoalescer<number, Row> {
  return createReadCoalescer(
    (values: number[], options) => entity.queryIn(field, values, {}, options).toArray({ limit: 100_000 }),
    (row: Row) => Number((row as Record<string, unknown>)[field]),
    { maxBatch: inListLimit },
  )
}

/**
 * One record by id through a coalesced `id in [...]` query: the read-back after a write, which
 * Autotask answers with the new id only (autotask.md §8). Missing is NotFoundError, as a GET.
 */
export function coalescedById<Row>(entity: QueryableEntity<Row>): (id: number, options: CallOptions) => Promise<Row> {
  const reads = coalescedByField(entity, 'id')
  return async (id, options) => {
    const [row] = await reads.read(id, options)
    if (row === undefined) {
      throw new NotFoundError(`Not found: ${entity.name} ${id} does not exist or is not visible to this API user.`, { status: 404, vendor: 'autotask', method: 'POST', url: `/${entity.name}/query` })
    }
    return row
  }
}
