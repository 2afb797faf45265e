import { AbortError } from '@ticketbridge/core'

/**
 * Waits `delayMs` milliseconds, or rejects with core's {@link AbortError} as soon as `signal`
 * fires, so that a cancelled call never sits out a long Retry-After.
 */
export function abortableSleep(delayMs: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(toAbortError(signal))
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(toAbortError(signal))
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, delayMs),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * The core {@link AbortError} for a fired signal. A reason that already is one (for example
 * raised by an inner layer) is passed through; any other reason is not kept as the cause,
 * because callers may abort with arbitrary objects that we cannot vouch are free of secrets.
 */
export function toAbortError(signal?: AbortSignal, vendor?: string): AbortError {
  const reason: unknown = signal?.reason
  if (AbortError.isInstance(reason)) return reason
  return new AbortError('The call was cancelled by its AbortSignal.', vendor === undefined ? {} : { vendor })
}
