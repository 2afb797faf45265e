import type { z } from 'zod'
import type { WriteResult } from '../../adapter/v1/adapter-warning'
import type { CallOptions } from '../../adapter/v1/call-options'
import { createPaginated, type Page, type Paginated } from '../../adapter/v1/paginated'
import type { WriteOptions } from '../../adapter/v1/ticketing-adapter-v1'
import { UnsupportedOperationError } from '../../errors/unsupported-operation-error'
import { parseInput } from '../../input/parse-input'
import { createDriverCallGuard, type DriverCallGuard, toCallContext, toWriteContext } from './driver-call-guard'
import { silentWarning, type WarningSource, withStandardWarnings } from './standard-write-warnings'
import type { DriverCallContext, DriverWriteContext, TicketingDriverV1 } from './ticketing-driver-v1'

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
  /** A lazily fetched list whose every page goes through the guard. */
  paginate<T>(options: CallOptions | undefined, fetchPage: (cursor: string | undefined, context: DriverCallContext) => Promise<Page<T>>): Paginated<T>
  /** The error for an operation the vendor lacks, with the driver's reason where it gave one. */
  unsupported(name: string): UnsupportedOperationError
  parse<Schema extends z.ZodType>(schema: Schema, input: unknown, what: string): z.output<Schema>
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
    paginate(options, fetchPage) {
      return createPaginated(async (cursor, current) => {
        guard.check(current)
        return fetchPage(cursor, toCallContext(current))
      }, toCallContext(options))
    },
    parse: (schema, input, what) => parseInput(schema, input, { vendor: driver.vendor, what }),
  }
}
