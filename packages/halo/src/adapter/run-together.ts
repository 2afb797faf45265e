import type { CallOptions } from '@ticketbridge/core'

/**
 * Runs calls side by side and settles only when every one has: the result of all of them, or
 * the first failure. Unlike `Promise.all`, a failure never leaves siblings running (and
 * retrying) after the caller has moved on: nothing of a failed call keeps spending the
 * instance's request budget, or reaches Halo after the caller saw the error.
 */
export async function runTogether<T extends readonly unknown[]>(
  callOptions: CallOptions,
  calls: { [Index in keyof T]: (options: CallOptions) => Promise<T[Index]> },
): Promise<T> {
  let firstFailure: { error: unknown } | undefined
  const settled = await Promise.allSettled(
    calls.map((call) =>
      call(callOptions).catch((error: unknown) => {
        firstFailure ??= { error }
        throw error
      }),
    ),
  )
  if (firstFailure) throw firstFailure.error
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T
}
