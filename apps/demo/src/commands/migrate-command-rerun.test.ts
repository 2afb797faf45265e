import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, runCli as run, startSimulatorPair } from '../test-support/run-cli'

/**
 * The operator's rerun: the same migration from another folder, another shell or another
 * machine, with a ledger that knows nothing. Counted on the target through its own API.
 */
describe('ticketbridge migrate, run again with a fresh ledger', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-rerun-test-'))
  let simulators: Awaited<ReturnType<typeof startSimulatorPair>>
  let source: TicketingAdapter
  let target: TicketingAdapter
  let environment: Record<string, string>

  beforeAll(async () => {
    simulators = await startSimulatorPair({ source: 'rt', target: 'halo' }, { tickets: 12, seed: 3 })
    ;({ source, target, environment } = simulators)
  }, 120_000)

  afterAll(async () => {
    await simulators?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('leaves every source ticket exactly once on the target, and keeps one default ledger per pair of instances whatever the folder', async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    const stateDirectory = join(folder, 'state')
    const folderA = join(folder, 'a')
    const folderB = join(folder, 'b')
    mkdirSync(folderA)
    mkdirSync(folderB)
    const migrate = ['migrate', '--from', 'rt', '--to', 'halo', '--report-dir', 'reports']

    // From folder A with the default ledger, then from folder B: the same ledger, found by instance.
    const first = await run(migrate, { cwd: folderA, env: { ...environment, TICKETBRIDGE_STATE_DIR: stateDirectory } })
    expect(first.code, first.output).toBe(0)
    const ledgers = readdirSync(join(stateDirectory, 'ledgers'))
    expect(ledgers).toHaveLength(1)
    expect(ledgers[0]).toMatch(/^rt-127\.0\.0\.1-\d+-[0-9a-f]{8}--to--halo-127\.0\.0\.1-\d+-api-tenant-[\w-]+-[0-9a-f]{8}\.sqlite$/)
    const second = await run(migrate, { cwd: folderB, env: { ...environment, TICKETBRIDGE_STATE_DIR: stateDirectory } })
    expect(second.code, second.output).toBe(0)
    expect(readdirSync(join(stateDirectory, 'ledgers'))).toEqual(ledgers)

    // With a ledger that knows nothing (another machine): the target's copies are adopted, not repeated.
    const third = await run([...migrate, '--ledger', join(folderB, 'new.sqlite')], { cwd: folderB, env: environment })
    expect(third.code, third.output).toBe(0)
    expect(third.output).toContain('Verify: PASSED')

    const sourceTickets = await source.tickets.list().toArray({ limit: 1000 })
    const targetTickets = await target.tickets.list().toArray({ limit: 1000 })
    expect(targetTickets).toHaveLength(sourceTickets.length)
    for (const ticket of sourceTickets) {
      const copies = targetTickets.filter((candidate) => candidate.externalId === `rt:${ticket.id}`)
      expect(copies, `ticket ${ticket.id}`).toHaveLength(1)
      const sourceComments = await source.comments.list(ticket.id).toArray({ limit: 1000 })
      const targetComments = await target.comments.list(copies[0]!.id).toArray({ limit: 1000 })
      expect(targetComments.length, `comments of ticket ${ticket.id}`).toBe(sourceComments.length)
    }
  }, 300_000)
})
