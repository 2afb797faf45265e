import {
  type BatchEntry,
  batchCallOptions,
  type CoalescedCallOptions,
  type CoalescerOptions,
  type CoalescerStats,
  createSelfClockedBatcher,
  settleEntry,
} from './self-clocked-batcher'

/** Reads the records of single keys as one `in` query. See {@link createReadCoalescer}. */
export interface ReadCoalescer<Key, Row> {
  /** The rows of one key (a ticket's notes), read together with the keys asked for alongside it. */
  read(key: Key, options?: CoalescedCallOptions): Promise<Row[]>
  readonly stats: CoalescerStats
}

/**
 * Turns per-key listings into one query over many keys, for vendors whose queries take `in`
 * filters (Autotask: `ticketID in [≤500 ids]`, autotask.md §6): a migration reading the notes of
 * eight tickets at once sends one query, and each caller gets the rows of its own key (`keyOf`).
 * Reads are idempotent, so a failed query fails its callers and their retries start afresh.
 */
export function createReadCoalescer<Key extends string | number, Row>(
  load: (keys: Key[], options: CoalescedCallOptions) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  options: CoalescerOptions,
): ReadCoalescer<Key, Row> {
  const stats: CoalescerStats = { requests: 0, records: 0 }

  async function sendBatch(batch: BatchEntry<Key, Row[]>[]): Promise<void> {
    const keys = [...new Set(batch.map((entry) => entry.input))]
    stats.requests += 1
    stats.records += keys.length
    const rows = await load(keys, batchCallOptions(batch))
    const byKey = new Map<Key, Row[]>(keys.map((key) => [key, []]))
    for (const row of rows) byKey.get(keyOf(row))?.push(row)
    for (const entry of batch) settleEntry(entry, undefined, byKey.get(entry.input) ?? [])
  }

  const batcher = createSelfClockedBatcher(sendBatch, options)
  return { stats, read: (key, callOptions) => batcher.enqueue(key, callOptions) }
}
