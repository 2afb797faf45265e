import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { demoPlan, runDemo } from './demo-command'

describe('demoPlan', () => {
  it('migrates every other vendor into the first, then the first out to the last', () => {
    expect(demoPlan(['a', 'b', 'c', 'd'])).toEqual({
      seeded: ['b', 'c', 'd'],
      legs: [
        ['b', 'a'],
        ['c', 'a'],
        ['d', 'a'],
        ['a', 'd'],
      ],
    })
    expect(demoPlan(['a'])).toEqual({ seeded: [], legs: [] })
  })
})

describe('ticketbridge demo', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-demo-test-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('migrates Autotask → Halo, RT → Halo and Halo → RT on the simulators and verifies each', async () => {
    const lines: string[] = []
    const exitCode = await runDemo({ tickets: 9, reportFolder: folder, log: (line) => lines.push(line) })
    const output = lines.join('\n')
    expect(output, output).toContain('Every migration verified')
    expect(exitCode).toBe(0)
    for (const leg of ['autotask → halo', 'rt → halo', 'halo → rt']) expect(output).toMatch(new RegExp(`${leg}\\s*\\|\\s*\\d+`))
    const htmlReports = lines.filter((line) => line.trim().endsWith('.html')).map((line) => line.trim())
    expect(htmlReports).toHaveLength(3)
    for (const path of htmlReports) expect(readFileSync(path, 'utf8')).toContain('<span class="ok">verified</span>')
  }, 240_000)
})
