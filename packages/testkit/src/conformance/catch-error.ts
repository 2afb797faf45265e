import { expect } from 'vitest'
import type { ConformanceContext } from './conformance-harness'

/** An error class with the cross-package `isInstance` check of @ticketbridge/core. */
export interface ErrorClassLike<T> {
  readonly name: string
  isInstance(error: unknown): error is T
}

/**
 * Awaits a call that must fail with `errorClass`, keeps the error for the final secrets check,
 * and returns it for further assertions.
 */
export async function expectRejection<T>(context: ConformanceContext, call: () => Promise<unknown>, errorClass: ErrorClassLike<T>): Promise<T> {
  let caught: unknown
  try {
    await call()
  } catch (error) {
    caught = error
  }
  expect(caught, `expected ${errorClass.name}, but the call succeeded`).toBeDefined()
  context.caughtErrors.push(caught)
  if (!errorClass.isInstance(caught)) {
    const description = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
    expect.fail(`expected ${errorClass.name}, got ${description}`)
  }
  return caught as T
}
