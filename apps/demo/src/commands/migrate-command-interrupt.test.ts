import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout } from 'node:timers/promises'
import type { TicketingAdapter } from '@ticketbridge/core'
import type { MigrationReport } from '@ticketbridge/migrate'
import { createFaultProxy, type FaultProxy } from '@ticketbridge/testkit/servers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../output/exit-codes'
import { cliTestLedger } from '../test-support/cli-test-ledger'
import { cli, runCli, startSimulatorPair, waitForExit } from '../test-support/run-cli'

/**
 * Ctrl-C (SIGINT) or SIGTERM in the middle of `ticketbridge migrate`: the run stops after the
 * requests in flight, writes the report of what it did, says how to go on, and exits 130; the
 * resumed run finishes the rest, each ticket once. Counted on the target through its own API.
 */
describe('ticketbridge migrate, interrupted by Ctrl-C or SIGTERM', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-interrupt-test-'))
  let simulators: Awaited<ReturnType<typeof startSimulatorPair>>
  let source: TicketingAdapter
  let target: TicketingAdapter
  let proxy: FaultProxy
  let environment: Record<string, string>
  const ledger = cliTestLedger(folder, 'halo-to-rt.sqlite')
  const reports = join(folder, 'reports')

  beforeAll(async () => {
    simulators = await startSimulatorPair({ source: 'halo', target: 'rt' }, { tickets: 24, seed: 11 })
    ;({ source, target } = simulators)
    // Each request to RT a little late, so the signal lands in the middle of the run.
    const rtUrl = new URL(simulators.environment.RT_URL!)
    proxy = await createFaultProxy({ target: rtUrl.origin })
    proxy.faults.inject({ kind: 'delay', ms: 60, count: 100_000 })
    environment = { ...simulators.environment, RT_URL: `${proxy.url}${rtUrl.pathname.replace(/\/$/, '')}` }
  }, 120_000)

  afterAll(async () => {
    await proxy?.close()
    await simulators?.close()
    await ledger.close()
    rmSync(folder, { recursive: true, force: true })
  })

  // Progress in the ledger: a record counts once per step it took (pending, created, completed).
  const stepsOf: Record<string, number> = { pending: 1, created: 2, failed: 2, completed: 3, skipped: 3 }
  const ledgerSteps = () =>
    ledger.read(
      async (reader) =>
        Object.values(await reader.counts()).reduce(
          (sum, states) => sum + Object.entries(states).reduce((total, [state, count]) => total + (count ?? 0) * (stepsOf[state] ?? 1), 0),
          0,
        ),
      0,
    )

  /** Starts a migration and sends it `signal` once the ledger has gone `after` steps further. */
  async function interrupt(signal: NodeJS.Signals, extra: string[], after: number) {
    const before = await ledgerSteps()
    const child = spawn(
      process.execPath,
      [cli, 'migrate', '--from', 'halo', '--to', 'rt', '--allow-notifications', ...ledger.flags, '--report-dir', reports, ...extra],
      {
        env: { ...process.env, ...environment },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = waitForExit(child)
    let signalled = false
    let running = true
    const watching = (async () => {
      while (running && !signalled) {
        if ((await ledgerSteps()) >= before + after) {
          signalled = true
          child.kill(signal)
        }
        await setTimeout(50)
      }
    })()
    const { code } = await exited
    running = false
    await watching
    expect(signalled, `the run ended before ${after} steps were done:\n${output}`).toBe(true)
    return { code, output }
  }

  it('writes the report of what was done, says how to go on, and the resumed run finishes each ticket once', async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    // RT cannot write silently: without a terminal to ask in, the run needs --allow-notifications, and writes nothing.
    const refused = await runCli(['migrate', '--from', 'halo', '--to', 'rt', ...ledger.flags, '--report-dir', reports], {
      cwd: folder,
      env: environment,
    })
    expect(refused.code, refused.output).toBe(exitCodes.configuration)
    expect(refused.output).toMatch(/rt cannot suppress notifications through its API.*Nothing was written\. Pass --allow-notifications/)
    expect(await ledger.exists()).toBe(false)
    expect((await target.tickets.list().toArray({ limit: 10 })).length).toBe(0)
    const first = await interrupt('SIGINT', [], 30)
    expect(first.code, first.output).toBe(exitCodes.interrupted)
    expect(first.output).toContain('SIGINT: stopping after the requests in flight, then writing the report')
    expect(first.output).toContain(`Go on with: ticketbridge migrate --from halo --to rt ${ledger.printedFlags} --resume`)
    const interrupted = readdirSync(reports).filter((name) => name.endsWith('-interrupted.json'))
    expect(interrupted).toHaveLength(1)
    const report = JSON.parse(readFileSync(join(reports, interrupted[0]!), 'utf8')) as MigrationReport
    expect(report.interrupted).toBe(true)
    expect(Object.values(report.counts).reduce((sum, count) => sum + count.created, 0)).toBeGreaterThan(0)
    const interruptedPages = readdirSync(reports).filter((name) => name.endsWith('-interrupted.html'))
    expect(interruptedPages).toHaveLength(1)
    // RT tickets link to RT's own ticket page.
    expect(report.ticketWebUrl?.target).toBe(`${environment.RT_URL}/Ticket/Display.html?id={id}`)
    expect(await ledger.read(async (reader) => (await reader.runs()).at(-1)?.status, undefined)).toBe('interrupted')

    // SIGTERM (a service manager stopping the job) does the same to the resumed run.
    const second = await interrupt('SIGTERM', ['--resume'], 6)
    expect(second.code, second.output).toBe(exitCodes.interrupted)
    expect(second.output).toContain('SIGTERM: stopping after the requests in flight')

    const last = await runCli(
      ['migrate', '--from', 'halo', '--to', 'rt', '--allow-notifications', ...ledger.flags, '--report-dir', reports, '--resume'],
      {
        cwd: folder,
        env: environment,
      },
    )
    expect(last.code, last.output).toBe(exitCodes.success)
    expect(last.output).toContain('Verify: PASSED')
    const finalPage = readdirSync(reports)
      .filter((name) => name.endsWith('.html') && !name.includes('-interrupted'))
      .sort()
      .at(-1)!
    expect(readFileSync(join(reports, finalPage), 'utf8')).toMatch(new RegExp(`href="${environment.RT_URL}/Ticket/Display\\.html\\?id=\\d+"`))
    const sourceTickets = await source.tickets.list().toArray({ limit: 1000 })
    const targetTickets = await target.tickets.list().toArray({ limit: 1000 })
    for (const ticket of sourceTickets) {
      expect(
        targetTickets.filter((candidate) => candidate.externalId === `halo:${ticket.id}`),
        `ticket ${ticket.id}`,
      ).toHaveLength(1)
    }

    // Rollback says what it leaves; verify after it does not pass on nothing checked.
    const pair = ['--from', 'halo', '--to', 'rt', ...ledger.flags]
    const rollback = await runCli(['rollback', ...pair, '--yes'], { cwd: folder, env: environment })
    expect(rollback.code, rollback.output).toBe(exitCodes.success)
    expect(rollback.output).toContain(`Deleted ${sourceTickets.length} tickets from rt.`)
    expect(rollback.output).toMatch(
      /Left in rt: \d+ people \(ids [\d, ]+.*\) the migration created\. Rollback does not delete people or organizations/,
    )
    const verify = await runCli(['verify', ...pair], { cwd: folder, env: environment })
    expect(verify.code, verify.output).toBe(exitCodes.incomplete)
    expect(verify.output).toContain(`Verify FAILED: the ${sourceTickets.length} tickets this ledger moved were rolled back`)
  }, 300_000)
})
