import { AbortError } from '@ticketbridge/core'

/** The outcome of one item of a batch, at its index in the input. */
export type AutotaskBatchResult<T> = { index: number; ok: true; value: T } | { index: number; ok: false; error: unknown }

/** Options of batch operations. */
export interface AutotaskBatchOptions {
  signal?: AbortSignal
  timeoutMs?: number
  /**
   * Items in flight at once. The per-endpoint limit (3) applies whatever is asked; this only
   * bounds how many wait in the limiter. Defaults to the client's per-endpoint concurrency.
   */
  concurrency?: number
  /** Stop starting new items after the first failure (the rest are reported as not run). */
  stopOnError?: boolean
}

/**
 * Runs `work` over `items` with at most `concurrency` in flight, and reports every item's outcome
 * in input order. A failure does not hide the others' results: Autotask has no transactions, so
 * the caller must know exactly which records were written.
 */
export async function runAutotaskBatch<Item, Value>(
  items: readonly Item[],
  work: (item: Item, index: number) => Promise<Value>,
  options: { concurrency: number; signal?: AbortSignal; stopOnError?: boolean },
): Promise<AutotaskBatchResult<Value>[]> {
  const results: AutotaskBatchResult<Value>[] = new Array(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++
      if (index >= items.length) return
      if (options.signal?.aborted || (options.stopOnError && failed)) {
        const reason = options.signal?.aborted ? 'the batch was aborted' : 'an earlier item failed and stopOnError is set'
        results[index] = { index, ok: false, error: new AbortError(`Not run: ${reason}.`, { vendor: 'autotask' }) }
        continue
      }
      try {
        results[index] = { index, ok: true, value: await work(items[index]!, index) }
      } catch (error) {
        failed = true
        results[index] = { index, ok: false, error }
      }
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency, items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
