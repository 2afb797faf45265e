/** Tickets planned and written together: a page of the source, as many as one Halo array holds. */
export const ticketBatchSize = 100

/**
 * Groups what a listing yields into batches of at most `size`, in order; the last may be short.
 * A batch is handed on as soon as it is full, so the listing is read no further ahead than that.
 */
export async function* inBatches<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = []
  for await (const item of items) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
