import { describe, expect, it } from 'vitest'
import { runDemo } from './demo-command'

describe('ticketbridge demo', () => {
  it('copies a seeded help desk and verifies that both sides agree', async () => {
    const lines: string[] = []
    const exitCode = await runDemo({ tickets: 25, log: (line) => lines.push(line) })
    const output = lines.join('\n')
    expect(exitCode).toBe(0)
    expect(output).toMatch(/tickets\s*\S*\s*25\s*\S*\s*25/)
    expect(output).toContain('Verified: both sides agree.')
    // The target cannot set authors: the demo must say so rather than drop them silently.
    expect(output).toContain('unsupported: author')
  }, 60_000)
})
