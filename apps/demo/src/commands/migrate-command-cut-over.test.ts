import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StatusCategory, Ticket, TicketingAdapter } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli as run, startSimulatorPair } from '../test-support/run-cli'

const active: readonly StatusCategory[] = ['new', 'open', 'pending']

/** A reply and a new status on a source ticket, as an agent in the old desk does it. */
async function answerOnSource(source: TicketingAdapter, ticket: Ticket, text: string, category: StatusCategory): Promise<void> {
  const status = (await source.lookups.statuses()).find((candidate) => candidate.category === category)!
  await source.comments.create(ticket.id, { body: { text }, visibility: 'public' })
  await source.tickets.update(ticket.id, { status: { id: status.id } })
}

/**
 * The Friday-evening cut-over, through the CLI: open work first, the history after, the changes
 * at the switch; an agent keeps answering in the old desk between the runs. Counted on the
 * target through its own API.
 */
describe('ticketbridge migrate in cut-over phases', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-cut-over-test-'))
  let simulators: Awaited<ReturnType<typeof startSimulatorPair>>

  beforeAll(async () => {
    simulators = await startSimulatorPair({ source: 'rt', target: 'halo' }, { tickets: 24, seed: 11 })
  }, 120_000)

  afterAll(async () => {
    await simulators?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('moves open work, then the rest, then the delta: every ticket once, the late comments and statuses on the target', async () => {
    const { source, target, environment } = simulators
    const migrate = ['migrate', '--from', 'rt', '--to', 'halo', '--ledger', join(folder, 'cut-over.sqlite'), '--report-dir', join(folder, 'reports')]
    const options = { cwd: folder, env: environment }
    const sourceTickets = await source.tickets.list().toArray({ limit: 1000 })
    const open = sourceTickets.filter((ticket) => active.includes(ticket.status.category))
    const closed = sourceTickets.filter((ticket) => !active.includes(ticket.status.category))
    expect(open.length).toBeGreaterThan(1)
    expect(closed.length).toBeGreaterThan(1)
    const targetBefore = (await target.tickets.list().toArray({ limit: 1000 })).length

    // The plan: each phase's tickets and cost, nothing written.
    const plan = await run([...migrate, '--plan', 'cutover', '--dry-run'], options)
    expect(plan.code, plan.output).toBe(0)
    expect(plan.output).toMatch(new RegExp(`open work \\(new, open, pending\\)[^\\n]*--only new,open,pending[^\\n]*\\b${open.length}\\b`))
    expect(plan.output).toMatch(new RegExp(`history \\(everything else\\)[^\\n]*the rest[^\\n]*\\b${closed.length}\\b`))
    expect(plan.output).toMatch(/at the switch: ticketbridge migrate --from rt --to halo --ledger \S+ --since \d{4}-\d{2}-\d{2}T/)
    expect((await target.tickets.list().toArray({ limit: 1000 })).length).toBe(targetBefore)

    const cutOverStarted = new Date(Date.now() - 1000).toISOString()
    const phaseOne = await run([...migrate, '--only', 'new,open,pending'], options)
    expect(phaseOne.code, phaseOne.output).toBe(0)
    expect((await target.tickets.list().toArray({ limit: 1000 })).length).toBe(targetBefore + open.length)

    // RT keeps times to the second: the answers come clearly after the moves.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await answerOnSource(source, open[0]!, 'Thanks, all fixed now', 'resolved')
    await answerOnSource(source, closed[0]!, 'It is broken again', 'open')

    const phaseTwo = await run(migrate, options)
    expect(phaseTwo.code, phaseTwo.output).toBe(0)

    await new Promise((resolve) => setTimeout(resolve, 1100))
    await answerOnSource(source, closed[1]!, 'One more thing before the switch', 'open')
    const delta = await run([...migrate, '--since', cutOverStarted], options)
    expect(delta.code, delta.output).toBe(0)
    expect(delta.output).toContain('Verify: PASSED')
    expect(delta.output).toContain('Phases (3 runs of this ledger, oldest first):')
    expect(delta.output).toContain('new, open, pending tickets')
    expect(delta.output).toContain(`changes since ${cutOverStarted.replace(/\.\d+Z$/, '')}`)

    // On the target, through its API: each source ticket exactly once, with the late answers.
    const landed = await target.tickets.list().toArray({ limit: 1000 })
    expect(landed.length).toBe(targetBefore + sourceTickets.length)
    for (const ticket of sourceTickets)
      expect(
        landed.filter((copy) => copy.externalId === `rt:${ticket.id}`),
        `ticket ${ticket.id}`,
      ).toHaveLength(1)
    for (const [ticket, text, category] of [
      [open[0]!, 'Thanks, all fixed now', 'resolved'],
      [closed[0]!, 'It is broken again', 'open'],
      [closed[1]!, 'One more thing before the switch', 'open'],
    ] as const) {
      const copy = landed.find((candidate) => candidate.externalId === `rt:${ticket.id}`)!
      expect(copy.status.category, `status of ticket ${ticket.id}`).toBe(category)
      const comments = await target.comments.list(copy.id).toArray({ limit: 1000 })
      expect(
        comments.filter((comment) => comment.body.text.includes(text)),
        `comment on ticket ${ticket.id}`,
      ).toHaveLength(1)
    }
  }, 300_000)

  it('--plan cutover runs both phases on one ledger and ends with the switch command', async () => {
    const pair = await startSimulatorPair({ source: 'autotask', target: 'halo' }, { tickets: 10, seed: 5 })
    try {
      const ledger = join(folder, 'plan.sqlite')
      const result = await run(
        ['migrate', '--from', 'autotask', '--to', 'halo', '--ledger', ledger, '--report-dir', join(folder, 'plan-reports'), '--plan', 'cutover'],
        {
          cwd: folder,
          env: pair.environment,
        },
      )
      expect(result.code, result.output).toBe(0)
      expect(result.output).toContain('Phase 1 of 2: open work (new, open, pending)')
      expect(result.output).toContain('Phase 2 of 2: history (everything else)')
      expect(result.output).toMatch(
        /At the switch, carry what changed since the cut-over began:\n\s+ticketbridge migrate --from autotask --to halo --ledger \S+plan\.sqlite --since \d{4}-/,
      )
      const sourceTickets = await pair.source.tickets.list().toArray({ limit: 1000 })
      const landed = await pair.target.tickets.list().toArray({ limit: 1000 })
      for (const ticket of sourceTickets)
        expect(
          landed.filter((copy) => copy.externalId === `autotask:${ticket.id}`),
          `ticket ${ticket.id}`,
        ).toHaveLength(1)
    } finally {
      await pair.close()
    }
  }, 300_000)
})
