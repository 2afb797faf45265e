import { inspect } from 'node:util'
import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'

/** Every way an error gets printed or stored. */
export function renderError(error: unknown): string[] {
  const renderings = [String(error), inspect(error, { depth: 10 })]
  try {
    renderings.push(JSON.stringify(error))
  } catch {
    // A circular error cannot be stored as JSON; the other renderings still count.
  }
  if (error instanceof Error && error.stack) renderings.push(error.stack)
  return renderings
}

export function defineSecretCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'shows no secret in any error or log line', async ({ harness, caughtErrors }) => {
    const secrets = harness.secrets.filter((secret) => secret.length >= 4)
    expect(caughtErrors.length).toBeGreaterThan(0)
    for (const error of caughtErrors) {
      for (const text of renderError(error)) for (const secret of secrets) expect(text).not.toContain(secret)
    }
    for (const line of harness.logLines?.() ?? []) for (const secret of secrets) expect(line).not.toContain(secret)
  })
}
