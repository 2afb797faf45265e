import { ValidationError } from '@ticketbridge/core'
import { toAbortError } from './abortable-sleep'

/** Per-write options the coalescer understands: the same as a transport call's. */
export interface CoalescedCallOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

/** Settings of {@link createWriteCoalescer}. */
export interface WriteCoalescerOptions {
  /** Records per request, at most (Halo: 100 per array POST). */
  maxBatch: number
}

/** Sends single writes as array writes. See {@link createWriteCoalescer}. */
export interface WriteCoalescer<Input, Output> {
  /** Queues one record; resolves with what the vendor saved for it. */
  write(input: Input, options?: CallOptions): Promise<Output>
  /** Requests sent and records they carried, for benchmarks and logs. */
  readonly stats: { requests: number; records: number }
}
type CallOptions = CoalescedCallOptions

interface QueuedWrite<Input, Output> {
  input: Input
  options: CallOptions
  resolve: (output: Output) => void
  reject: (error: unknown) => void
  settled: boolean
}

/**
 * Turns one-record writes into array writes for vendors whose create endpoints take arrays (Halo:
 * every POST is an array upsert), without callers batching anything: a migration moving eight
 * tickets at once calls `comments.create` eight times, and the vendor sees one request.
 *
 * It is self-clocking, like Nagle's algorithm: a write goes out at once (after the current turn of
 * the event loop, to catch writes made together) unless a batch is already in flight; writes that
 * arrive meanwhile wait and leave together when it returns. Under a tight rate limit the batch in
 * flight waits longer for its turn, so batches grow exactly when requests are scarce, and an idle
 * caller pays no delay.
 *
 * Failures: a batch refused before it was sent (a record failing local validation) is split and
 * each record sent on its own, so one bad record fails alone. A batch that reached the vendor and
 * failed fails every record in it: the vendor may have stored some, and only the caller (the
 * migration's ledger, looking records up before re-sending) can tell. A caller whose signal aborts
 * is released at once; a request already sent for it may still land, as with any aborted request.
 */
export function createWriteCoalescer<Input, Output>(
  send: (inputs: Input[], options: CallOptions) => Promise<Output[]>,
  options: WriteCoalescerOptions,
): WriteCoalescer<Input, Output> {
  const queue: QueuedWrite<Input, Output>[] = []
  let inFlight = false
  let scheduled = false
  const stats = { requests: 0, records: 0 }

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
    const batch = queue.splice(0, options.maxBatch).filter((entry) => !entry.settled)
    if (batch.length === 0) return schedule()
    inFlight = true
    try {
      await sendBatch(batch)
    } finally {
      inFlight = false
      schedule()
    }
  }

  async function sendBatch(batch: QueuedWrite<Input, Output>[]): Promise<void> {
    // The longest timeout of the batch: no record is given less time than it asked for.
    const timeouts = batch.map((entry) => entry.options.timeoutMs).filter((value): value is number => value !== undefined)
    const callOptions: CallOptions = timeouts.length > 0 ? { timeoutMs: Math.max(...timeouts) } : {}
    try {
      stats.requests += 1
      stats.records += batch.length
      const outputs = await send(
        batch.map((entry) => entry.input),
        callOptions,
      )
      batch.forEach((entry, index) => {
        const output = outputs[index]
        if (output === undefined) settle(entry, new Error(`The vendor answered ${outputs.length} records for a batch of ${batch.length}; this one's result is unknown.`))
        else settle(entry, undefined, output)
      })
    } catch (error) {
      if (batch.length > 1 && refusedBeforeSending(error)) {
        stats.requests -= 1
        stats.records -= batch.length
        for (const entry of batch) await sendBatch([entry])
        return
      }
      for (const entry of batch) settle(entry, error)
    }
  }

  function settle(entry: QueuedWrite<Input, Output>, error: unknown, output?: Output): void {
    if (entry.settled) return
    entry.settled = true
    if (error !== undefined) entry.reject(error)
    else entry.resolve(output as Output)
  }

  return {
    stats,
    write(input, callOptions = {}) {
      const { signal } = callOptions
      if (signal?.aborted) return Promise.reject(toAbortError(signal))
      return new Promise<Output>((resolve, reject) => {
        const entry: QueuedWrite<Input, Output> = { input, options: callOptions, resolve, reject, settled: false }
        const onAbort = () => settle(entry, toAbortError(signal))
        signal?.addEventListener('abort', onAbort, { once: true })
        const release = () => signal?.removeEventListener('abort', onAbort)
        entry.resolve = (output) => (release(), resolve(output))
        entry.reject = (error) => (release(), reject(error))
        queue.push(entry)
        if (queue.length >= options.maxBatch && !inFlight) void flush()
        else schedule()
      })
    },
  }
}

/** A ValidationError with no HTTP status (0, the convention for local checks) was raised before anything was sent. */
function refusedBeforeSending(error: unknown): boolean {
  return ValidationError.isInstance(error) && !error.status
}
