import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout } from 'node:timers/promises'
import type { TicketingAdapter } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliTestLedger } from '../test-support/cli-test-ledger'
import { cli, startSimulatorPair, waitForExit } from '../test-support/run-cli'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A moved comment's own text: without the provenance line in front or the inline-image references behind. */
const ownText = (text: string) =>
  text
    .replace(/^\[Originally[^\]]*\]\s*/, '')
    .replace(/\s*\[image: [^\]]*, attached to this ticket\]/g, '')
    .trim()
/** The bytes of the images pasted into an HTML body, which move as files of the ticket. */
const pastedImages = (html: string | undefined) =>
  [...(html ?? '').matchAll(/src="data:image\/[^;"]+;base64,([^"]+)"/g)].map((match) => sha256(Buffer.from(match[1]!, 'base64')))

describe('ticketbridge migrate, killed with SIGKILL again and again', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-kill-test-'))
  let simulators: Awaited<ReturnType<typeof startSimulatorPair>>
  let source: TicketingAdapter
  let target: TicketingAdapter
  let environment: Record<string, string>

  beforeAll(async () => {
    simulators = await startSimulatorPair({ source: 'rt', target: 'halo' }, { tickets: 40, seed: 5 })
    ;({ source, target, environment } = simulators)
  }, 120_000)

  afterAll(async () => {
    await simulators?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('loses and duplicates nothing after at least 10 kills at random points', async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    const ledger = cliTestLedger(folder, 'rt-to-halo.sqlite')
    // --resume once the ledger holds a run (before that, there is nothing to resume: refused).
    const resume = async () => ((await ledger.read(async (reader) => (await reader.runs()).length, 0)) > 0 ? ['--resume'] : [])
    const run = async () =>
      spawn(
        process.execPath,
        [
          cli,
          'migrate',
          '--from',
          'rt',
          '--to',
          'halo',
          ...ledger.flags,
          '--report-dir',
          join(folder, 'reports'),
          ...(await resume()),
          '--no-verify',
          '--concurrency',
          '3',
        ],
        {
          env: { ...process.env, ...environment },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
    // Kill points are counted in ledger progress (a record counts once per step it took: pending,
    // created, completed), so they land anywhere in the work: after a person, a ticket, a comment,
    // a file or a status update, and between the vendor's answer and the ledger.
    let state = 20_251_125
    const nextStep = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31
      return 1 + (state % 20)
    }
    const stepsOf: Record<string, number> = { pending: 1, created: 2, failed: 2, completed: 3, skipped: 3 }
    const ledgerRows = () =>
      ledger.read(
        async (reader) =>
          Object.values(await reader.counts()).reduce(
            (sum, states) => sum + Object.entries(states).reduce((total, [name, count]) => total + (count ?? 0) * (stepsOf[name] ?? 1), 0),
            0,
          ),
        0,
      )
    /** Whether the ledger holds work begun and not finished: a record `pending` or `created`. */
    const unfinished = () =>
      ledger.read(async (reader) => Object.values(await reader.counts()).some((states) => (states.pending ?? 0) + (states.created ?? 0) > 0), false)
    // Kills count only where they cut a run short, with work begun and not finished in the ledger.
    let kills = 0
    for (let attempt = 0; attempt < 40 && kills < 12; attempt += 1) {
      const threshold = (await ledgerRows()) + nextStep()
      const child = await run()
      const exited = waitForExit(child)
      let running = true
      const watching = (async () => {
        while (running) {
          if ((await ledgerRows()) >= threshold) return child.kill('SIGKILL')
          await setTimeout(10)
        }
      })()
      const { signal } = await exited
      running = false
      await watching
      if (signal !== 'SIGKILL') break
      if (await unfinished()) kills += 1
    }
    await ledger.close()
    expect(kills).toBeGreaterThanOrEqual(10)

    const final = await run()
    let output = ''
    final.stdout?.on('data', (chunk) => (output += chunk))
    final.stderr?.on('data', (chunk) => (output += chunk))
    const { code } = await waitForExit(final)
    expect(code, output).toBe(0)

    // Every source ticket exactly once in the target, with its comments once each and its files byte for byte.
    const sourceTickets = await source.tickets.list().toArray({ limit: 1000 })
    const targetTickets = await target.tickets.list().toArray({ limit: 1000 })
    expect(targetTickets).toHaveLength(sourceTickets.length)
    for (const ticket of sourceTickets) {
      const moved = targetTickets.filter((candidate) => candidate.externalId === `rt:${ticket.id}`)
      expect(moved, `ticket ${ticket.id}`).toHaveLength(1)
      const sourceCommentRecords = await source.comments.list(ticket.id).toArray({ limit: 1000 })
      const sourceComments = sourceCommentRecords.map((comment) => comment.body.text.trim()).filter(Boolean)
      const targetComments = (await target.comments.list(moved[0]!.id).toArray({ limit: 1000 })).map((comment) => ownText(comment.body.text))
      for (const text of sourceComments)
        expect(
          targetComments.filter((candidate) => candidate === text),
          `comment "${text}" of ticket ${ticket.id}`,
        ).toHaveLength(1)
      // Pasted images arrive as files too, one per distinct image.
      const sourceFiles: string[] = [...new Set(sourceCommentRecords.flatMap((comment) => pastedImages(comment.body.html)))]
      for await (const attachment of source.attachments.list(ticket.id)) sourceFiles.push(sha256(await source.attachments.download(attachment)))
      const targetFiles: string[] = []
      for await (const attachment of target.attachments.list(moved[0]!.id)) targetFiles.push(sha256(await target.attachments.download(attachment)))
      expect(targetFiles.sort(), `files of ticket ${ticket.id}`).toEqual(sourceFiles.sort())
    }
  }, 300_000)
})
