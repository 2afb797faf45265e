import type { z } from 'zod'
import type { AdapterWarning, WriteResult } from '../../adapter/v1/adapter-warning'
import type { BatchWriteItem } from '../../adapter/v1/batch-write-item'
import type { CallOptions } from '../../adapter/v1/call-options'
import { createPaginated, type Page, type Paginated } from '../../adapter/v1/paginated'
import type { WriteOptions } from '../../adapter/v1/ticketing-adapter-v1'
import { UnsupportedOperationError } from '../../errors/unsupported-operation-error'
import { parseInput } from '../../input/parse-input'
import { createDriverCallGuard, type DriverCallGuard, toCallContext, toWriteContext } from './driver-call-guard'
import { silentWarning, type WarningSource, withStandardWarnings } from './standard-write-warnings'
import type { DriverBatchItem, DriverCallContext, DriverWriteContext, TicketingDriverV1 } from './ticketing-driver-v1'

/** The driver's batch answer, checked to hold one item per input. */
async function writeEach<Checked, T>(
  checked: readonly Checked[],
  send: (checked: readonly Checked[]) => Promise<DriverBatchItem<T>[]>,
): Promise<DriverBatchItem<T>[]> {
  if (checked.length === 0) return []
  const answers = await send(checked)
  if (answers.length !== checked.length) throw new Error(`The driver answered a batch of ${checked.length} with ${answers.length} items.`)
  return answers
}

/**
 * The shared duties every operation goes through, in one order: closed and aborted calls are
 * refused, then what the capabilities declare missing, then bad input; then the driver runs with
 * a clean context, and writes get the standard warnings.
 */
export interface AdapterRuntime {
  readonly driver: TicketingDriverV1
  readonly guard: DriverCallGuard
  readonly source: WarningSource
  /** A read: guard, then the driver. */
  read<T>(options: CallOptions | undefined, operation: (context: DriverCallContext) => Promise<T>): Promise<T>
  /** A write: guard, refusal where `supported` is false, then the driver; adds the silent warning. */
  write<T>(
    name: string,
    supported: boolean,
    options: WriteOptions | undefined,
    operation: (context: DriverWriteContext) => Promise<WriteResult<T>>,
  ): Promise<WriteResult<T>>
  /**
   * A batch write: guard and refusal for the whole call, then each input checked on its own (a
   * bad one fails its item only), the valid ones sent together, and the standard warnings added
   * to each item that landed.
   */
  batch<Input, Checked, T>(
    name: string,
    supported: boolean,
    options: WriteOptions | undefined,
    inputs: readonly Input[],
    steps: BatchSteps<Input, Checked, T>,
  ): Promise<BatchWriteItem[]>
  /** A lazily fetched list whose every page goes through the guard. */
  paginate<T>(options: CallOptions | undefined, fetchPage: (cursor: string | undefined, context: DriverCallContext) => Promise<Page<T>>): Paginated<T>
  /** The error for an operation the vendor lacks, with the driver's reason where it gave one. */
  unsupported(name: string): UnsupportedOperationError
  parse<Schema extends z.ZodType>(schema: Schema, input: unknown, what: string): z.output<Schema>
}

/** How a batch write checks, sends and warns; see {@link AdapterRuntime.batch}. */
export interface BatchSteps<Input, Checked, T> {
  check(input: Input): Checked
  send(checked: readonly Checked[], context: DriverWriteContext): Promise<DriverBatchItem<T>[]>
  warnings(checked: Checked, record: T | undefined): AdapterWarning[]
}

export function createAdapterRuntime(driver: TicketingDriverV1, unsupportedReasons: Readonly<Record<string, string>> = {}): AdapterRuntime {
  const guard = createDriverCallGuard(driver.vendor)
  const source: WarningSource = { title: driver.title, capabilities: driver.capabilities }
  const unsupported = (name: string) => {
    const reason = unsupportedReasons[name]
    return new UnsupportedOperationError(name, { vendor: driver.vendor, ...(reason ? { reason } : {}) })
  }
  return {
    driver,
    guard,
    source,
    unsupported,
    async read(options, operation) {
      guard.check(options)
      return operation(toCallContext(options))
    },
    async write(name, supported, options, operation) {
      guard.check(options)
      if (!supported) throw unsupported(name)
      const result = await operation(toWriteContext(options, driver.capabilities.silentWrites))
      return options?.silent && !driver.capabilities.silentWrites ? withStandardWarnings(result, [silentWarning(source)]) : result
    },
    async batch(name, supported, options, inputs, steps) {
      guard.check(options)
      if (!supported) throw unsupported(name)
      const items: BatchWriteItem[] = new Array(inputs.length)
      const valid: { index: number; checked: ReturnType<typeof steps.check> }[] = []
      inputs.forEach((input, index) => {
        try {
          valid.push({ index, checked: steps.check(input) })
        } catch (error) {
          items[index] = { ok: false, error }
        }
      })
      const silent = options?.silent && !driver.capabilities.silentWrites ? [silentWarning(source)] : []
      const answers = await writeEach(
        valid.map((entry) => entry.checked),
        (checked) => steps.send(checked, toWriteContext(options, driver.capabilities.silentWrites)),
      )
      answers.forEach((answer, position) => {
        const { index, checked } = valid[position]!
        if (!answer.ok) items[index] = answer
        else {
          const standard = [...silent, ...steps.warnings(checked, answer.record)]
          items[index] = { ok: true, id: answer.id, warnings: withStandardWarnings(answer, standard).warnings }
        }
      })
      return items
    },
    paginate(options, fetchPage) {
      return createPaginated(async (cursor, current) => {
        guard.check(current)
        return fetchPage(cursor, toCallContext(current))
      }, toCallContext(options))
    },
    parse: (schema, input, what) => parseInput(schema, input, { vendor: driver.vendor, what }),
  }
}
