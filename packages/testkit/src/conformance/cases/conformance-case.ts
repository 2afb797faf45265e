import { it } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'

/** Skips the running case with a reason (a capability the adapter declares missing). */
export type SkipCase = (reason: string) => void

/**
 * Declares one case. Capability gaps are found at run time (the adapter is built in
 * `beforeAll`), so a case skips itself through `skip(reason)` rather than at collection.
 */
export function conformanceCase(
  context: ConformanceContext,
  options: ConformanceOptions,
  name: string,
  body: (context: ConformanceContext, skip: SkipCase) => Promise<void>,
): void {
  const skipReason = options.skip?.[name]
  it(
    name,
    async (test) => {
      if (skipReason !== undefined) return test.skip(skipReason)
      await body(context, (reason) => test.skip(reason))
    },
    options.caseTimeoutMs ?? 60_000,
  )
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)))
}
