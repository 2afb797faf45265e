import { ValidationError } from '@ticketbridge/core'
import {
  type BatchEntry,
  batchCallOptions,
  type CoalescedCallOptions,
  type CoalescerOptions,
  type CoalescerStats,
  createSelfClockedBatcher,
  settleEntry,
} from './self-clocked-batcher'

/** Sends single writes as array writes. See {@link createWriteCoalescer}. */
export interface WriteCoalescer<Input, Output> {
  /** Queues one record; resolves with what the vendor saved for it. */
  write(input: Input, options?: CoalescedCallOptions): Promise<Output>
  readonly stats: CoalescerStats
}

/**
 * Turns one-record writes into array writes for vendors whose create endpoints take arrays (Halo:
 * every POST is an array upsert), without callers batching anything: a migration moving eight
 * tickets at once calls `comments.create` eight times, and the vendor sees one request. Batches
 * form as the self-clocked batcher forms them (see `createSelfClockedBatcher`).
 *
 * Failures: a batch refused as invalid, before it was sent (a record failing local validation)
 * or by the vendor (400/422, an answer that does not say which record it refused), is split and
 * each record sent on its own, so one bad record fails alone and the others go through. A vendor
 * validates a request before storing any of it, so nothing of a refused array was kept. A batch
 * that failed any other way (5xx, a lost answer) fails every record in it: the vendor may have
 * stored some, and only the caller (the migration's ledger, looking records up before
 * re-sending) can tell.
 */
export function createWriteCoalescer<Input, Output>(
  send: (inputs: Input[], options: CoalescedCallOptions) => Promise<Output[]>,
  options: CoalescerOptions,
): WriteCoalescer<Input, Output> {
  const stats: CoalescerStats = { requests: 0, records: 0 }

  async function sendBatch(batch: BatchEntry<Input, Output>[]): Promise<void> {
    try {
      stats.requests += 1
      stats.records += batch.length
      const outputs = await send(
        batch.map((entry) => entry.input),
        batchCallOptions(batch),
      )
      batch.forEach((entry, index) => {
        const output = outputs[index]
        if (output === undefined)
          settleEntry(entry, new Error(`The vendor answered ${outputs.length} records for a batch of ${batch.length}; this one's result is unknown.`))
        else settleEntry(entry, undefined, output)
      })
    } catch (error) {
      if (batch.length > 1 && refusedAsInvalid(error)) {
        stats.requests -= 1
        stats.records -= batch.length
        for (const entry of batch) await sendBatch([entry])
        return
      }
      for (const entry of batch) settleEntry(entry, error)
    }
  }

  const batcher = createSelfClockedBatcher(sendBatch, options)
  return { stats, write: (input, callOptions) => batcher.enqueue(input, callOptions) }
}

/** A ValidationError raised before sending (status 0, the convention for local checks) or answered by the vendor (400, 422). */
function refusedAsInvalid(error: unknown): boolean {
  return ValidationError.isInstance(error) && (!error.status || error.status === 400 || error.status === 422)
}
