import type { WriteResult } from '../../adapter/v1/adapter-warning'
import type { DriverBatchItem, DriverWrite, DriverWriteContext, DriverWriteReceipt } from './ticketing-driver-v1'

/** Every record a write answers has its id. */
const idOf = (record: unknown): string => (record as { id: string }).id

/** Whether a driver offers this write in either form. */
export function hasWrite(write: DriverWrite<never, unknown> | undefined): boolean {
  return write !== undefined && (write.create !== undefined || write.createMany !== undefined)
}

/** One write: the driver's single form, or a batch of one. */
export async function writeOne<Input, Record>(
  write: DriverWrite<Input, Record>,
  input: Input,
  context: DriverWriteContext,
): Promise<WriteResult<Record>> {
  if (write.create) return write.create(input, context)
  const [item] = await write.createMany!([input], context)
  if (!item) throw new Error('The driver answered a batch of one with no item.')
  if (!item.ok) throw item.error
  if (item.record === undefined)
    throw new Error(`The driver's batch write answered id ${item.id} without the record; a driver without \`create\` must return it.`)
  return { record: item.record, warnings: item.warnings }
}

/**
 * Many writes: the driver's batch form, or its single form one by one. Every input gets an item
 * in the order given; a failed item carries its error and the others go on.
 */
export async function writeMany<Input, Record>(
  write: DriverWrite<Input, Record>,
  inputs: readonly Input[],
  context: DriverWriteContext,
): Promise<DriverBatchItem<Record>[]> {
  if (inputs.length === 0) return []
  if (write.createMany) {
    const items = await write.createMany(inputs, context)
    if (items.length !== inputs.length) throw new Error(`The driver answered a batch of ${inputs.length} with ${items.length} items.`)
    return items
  }
  const items: DriverBatchItem<Record>[] = []
  for (const input of inputs) {
    try {
      const { record, warnings } = await write.create!(input, context)
      items.push({ ok: true, id: idOf(record), record, warnings })
    } catch (error) {
      items.push({ ok: false, error })
    }
  }
  return items
}

/** A batch item from one write of a batch: its receipt, or its error (which fails that item only). */
export function settleBatchItem<Record>(write: Promise<DriverWriteReceipt<Record>>): Promise<DriverBatchItem<Record>> {
  return write.then(
    (receipt) => ({ ok: true as const, ...receipt }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}
