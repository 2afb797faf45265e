import type { DriverBatchItem, WriteResult } from '@ticketbridge/core'

/**
 * Sends inputs in batches of `limit` (one each where absent), one "request" a batch, and answers
 * every input in order. A request that fails (a queued fault, a refused token) fails each input
 * of its batch, as a refused array POST does.
 */
export async function memoryBatches<Input, Record>(
  inputs: readonly Input[],
  limit: number | undefined,
  send: (batch: readonly Input[]) => Promise<DriverBatchItem<Record>[]>,
): Promise<DriverBatchItem<Record>[]> {
  const size = limit ?? 1
  const items: DriverBatchItem<Record>[] = []
  for (let start = 0; start < inputs.length; start += size) {
    const batch = inputs.slice(start, start + size)
    try {
      items.push(...(await send(batch)))
    } catch (error) {
      items.push(...batch.map(() => ({ ok: false as const, error })))
    }
  }
  return items
}

/** One input's answer inside a batch: its record, or the error that input alone met. */
export function memoryBatchItem<Record extends { id: string }>(write: () => WriteResult<Record>): DriverBatchItem<Record> {
  try {
    const { record, warnings } = write()
    return { ok: true, id: record.id, record, warnings }
  } catch (error) {
    return { ok: false, error }
  }
}
