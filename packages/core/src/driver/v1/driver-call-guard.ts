import type { CallOptions } from '../../adapter/v1/call-options'
import type { WriteOptions } from '../../adapter/v1/ticketing-adapter-v1'
import { AbortError } from '../../errors/abort-error'
import { UnsupportedOperationError } from '../../errors/unsupported-operation-error'
import type { DriverCallContext, DriverWriteContext } from './ticketing-driver-v1'

/** The caller's options reduced to what a driver may see: a signal and a timeout, nothing undefined. */
export function toCallContext(options: CallOptions | undefined): DriverCallContext {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  }
}

/** The write context a driver sees: `silent` only where the vendor can honour it. */
export function toWriteContext(options: WriteOptions | undefined, silentWrites: boolean): DriverWriteContext {
  return { ...toCallContext(options), silent: silentWrites && options?.silent === true }
}

/**
 * Refuses calls after `close()` and calls aborted before they start, the same way on every
 * adapter: each operation goes through `check` first.
 */
export interface DriverCallGuard {
  check(options: CallOptions | undefined): void
  /** Marks the adapter closed; true the first time only. */
  close(): boolean
}

export function createDriverCallGuard(vendor: string): DriverCallGuard {
  let closed = false
  return {
    check(options) {
      if (closed) throw new UnsupportedOperationError('calls after close()', { vendor, reason: 'the adapter was closed; create a new one' })
      if (options?.signal?.aborted) throw new AbortError('The call was aborted before it started.', { vendor })
    },
    close() {
      if (closed) return false
      closed = true
      return true
    },
  }
}
