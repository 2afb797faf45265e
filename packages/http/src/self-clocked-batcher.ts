import { toAbortError } from './abortable-sleep'

/** Per-call options the coalescers understand: the same as a transport call's. */
export interface CoalescedCallOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

/** Settings of {@link createWriteCoalescer} and {@link createReadCoalescer}. */
export interface CoalescerOptions {
  /** Records (or keys) per request, at most (Halo: 100 per array POST; Autotask: 500 values in an `in` filter). */
  maxBatch: number
  /**
   * Bytes per request, at most, with `sizeOf` weighing each record (Halo: files carried inside
   * actions). A record heavier than the bound alone leaves on its own. Absent: no byte bound.
   */
  maxBytes?: number
  /** A record's weight in bytes, for `maxBytes`. */
  sizeOf?: (input: never) => number
}

/** Requests sent and the records (or keys) they carried, for benchmarks and logs. */
export interface CoalescerStats {
  requests: number
  records: number
}

/** One queued call of a batcher: its input, options and how to answer it. */
export interface BatchEntry<Input, Output> {
  input: Input
  options: { signal?: AbortSignal; timeoutMs?: number }
  settled: boolean
  resolve(output: Output): void
  reject(error: unknown): void
}

/**
 * The scheduling the read and write coalescers share, self-clocked like Nagle's algorithm: a call
 * goes out at once (after the current turn of the event loop, to catch calls made together)
 * unless a batch is already in flight; calls that arrive meanwhile wait and leave together when
 * it returns. Under a tight rate limit the batch in flight waits longer for its turn, so batches
 * grow exactly when requests are scarce, and an idle caller pays no delay. A caller whose signal
 * aborts is released at once (and left out of a batch not yet sent).
 */
export function createSelfClockedBatcher<Input, Output>(sendBatch: (batch: BatchEntry<Input, Output>[]) => Promise<void>, options: CoalescerOptions) {
  const { maxBatch, maxBytes } = options
  const sizeOf = options.sizeOf as ((input: Input) => number) | undefined
  const queue: BatchEntry<Input, Output>[] = []

  /** The next batch: up to `maxBatch` records and, where weighed, `maxBytes` bytes (one record at least). */
  function takeBatch(): BatchEntry<Input, Output>[] {
    if (maxBytes === undefined || !sizeOf) return queue.splice(0, maxBatch)
    let count = 0
    let bytes = 0
    while (count < queue.length && count < maxBatch) {
      const size = sizeOf(queue[count]!.input)
      if (count > 0 && bytes + size > maxBytes) break
      bytes += size
      count += 1
    }
    return queue.splice(0, count)
  }
  let inFlight = false
  let scheduled = false

  function schedule(): void {
    if (scheduled || inFlight || queue.length === 0) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      void flush()
    })
  }

  async function flush(): Promise<void> {
    if (inFlight) return
    const batch = takeBatch().filter((entry) => !entry.settled)
    if (batch.length === 0) return schedule()
    inFlight = true
    try {
      await sendBatch(batch)
    } catch (error) {
      for (const entry of batch) settleEntry(entry, error)
    } finally {
      inFlight = false
      schedule()
    }
  }

  return {
    enqueue(input: Input, options: BatchEntry<Input, Output>['options'] = {}): Promise<Output> {
      const { signal } = options
      if (signal?.aborted) return Promise.reject(toAbortError(signal))
      return new Promise<Output>((resolve, reject) => {
        const release = () => signal?.removeEventListener('abort', onAbort)
        const entry: BatchEntry<Input, Output> = {
          input,
          options,
          settled: false,
          resolve: (output) => (release(), resolve(output)),
          reject: (error) => (release(), reject(error)),
        }
        const onAbort = () => settleEntry(entry, toAbortError(signal))
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(entry)
        if (queue.length >= maxBatch && !inFlight) void flush()
        else schedule()
      })
    },
  }
}

/** Answers an entry once: later answers (an abort after the result, a result after an abort) are ignored. */
export function settleEntry<Input, Output>(entry: BatchEntry<Input, Output>, error: unknown, output?: Output): void {
  if (entry.settled) return
  entry.settled = true
  if (error !== undefined) entry.reject(error)
  else entry.resolve(output as Output)
}

/** The longest timeout of a batch's calls: no call is given less time than it asked for. */
export function batchCallOptions(batch: readonly { options: { timeoutMs?: number } }[]): { timeoutMs?: number } {
  const timeouts = batch.map((entry) => entry.options.timeoutMs).filter((value): value is number => value !== undefined)
  return timeouts.length > 0 ? { timeoutMs: Math.max(...timeouts) } : {}
}
