import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { createRequestMeter, type RequestMeter } from '@ticketbridge/http'
import { renderReportText } from '@ticketbridge/migrate'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { findConnector } from '../connectors/connectors'
import { seedHelpDesk } from '../demo/seed-help-desk'
import { createRateLimitNotice } from '../output/rate-limit-notice'
import { runMigration } from './run-migration'

describe('runMigration reports', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-report-test-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('write JSON and HTML reports and log lines that show no secret', async () => {
    const autotaskSimulator = await findConnector('autotask').startSimulator({})
    const haloSimulator = await findConnector('halo').startSimulator({})
    const source = findConnector('autotask').createAdapter(autotaskSimulator.settings)
    const target = findConnector('halo').createAdapter(haloSimulator.settings)
    const secrets = [autotaskSimulator.settings.secret!, autotaskSimulator.settings.integrationCode!, haloSimulator.settings.clientSecret!]
    const lines: string[] = []
    try {
      await seedHelpDesk(source, 6, 3)
      const result = await runMigration({
        source,
        target,
        ledger: { ledger: join(folder, 'ledger.sqlite') },
        reportFolder: join(folder, 'reports'),
        log: (line) => lines.push(line),
      })
      expect(result.report.counts.tickets.read).toBe(6)
      const files = readdirSync(join(folder, 'reports'))
      expect(files.filter((name) => name.endsWith('.json'))).toHaveLength(1)
      expect(files.filter((name) => name.endsWith('.html'))).toHaveLength(1)
      const written = [
        ...files.map((name) => readFileSync(join(folder, 'reports', name), 'utf8')),
        lines.join('\n'),
        inspect(result.report, { depth: 20 }),
      ]
      for (const text of written) for (const secret of secrets) expect(text).not.toContain(secret)
      expect(readFileSync(result.htmlPath, 'utf8')).toMatch(/^<!DOCTYPE html>/)
    } finally {
      await Promise.all([source.close(), target.close()])
      await Promise.all([autotaskSimulator.close(), haloSimulator.close()])
    }
  }, 120_000)

  it("says what the target's budget costs, and off a terminal tells each wait once when it starts and once when it ends", async () => {
    const autotaskSimulator = await findConnector('autotask').startSimulator({})
    // Ten requests every 3 s: the run must wait for Halo's budget.
    const haloSimulator = await findConnector('halo').startSimulator({ budget: { requests: 10, windowMs: 3_000 }, record: true })
    const notice = createRateLimitNotice()
    const meters = { source: createRequestMeter(), target: createRequestMeter() }
    const source = findConnector('autotask').createAdapter(autotaskSimulator.settings, { axiosInstance: meters.source.axiosInstance })
    const target = haloSimulator.connect({ ...notice.hooks, axiosInstance: meters.target.axiosInstance })
    const lines: string[] = []
    const stderr: string[] = []
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true))
    try {
      // Seeded through the metered adapter, as the demo does: the report counts the run alone.
      await seedHelpDesk(source, 6, 5)
      const sentBefore = haloSimulator.requestCount()
      const sourceBefore = meters.source.requests
      const result = await runMigration({
        source,
        target,
        ledger: { ledger: join(folder, 'budget.sqlite') },
        reportFolder: join(folder, 'budget-reports'),
        rateLimitNotice: notice,
        meters,
        log: (line) => lines.push(line),
      })
      expect(result.complete).toBe(true)
      expect(lines[0]).toMatch(
        /^Preflight autotask → halo: 6 tickets; about \d+ requests to autotask and \d+ to halo, \d+ s at halo's 10 requests \/ 3 s; then verifying reads about \d+ from halo, \d+ s at halo's 10 requests \/ 3 s \(--no-verify skips it; ticketbridge verify runs it later\)\.$/,
      )
      // The meter counts what Halo answered.
      expect(meters.target.requests).toBe(haloSimulator.requestCount() - sentBefore)
      expect(sourceBefore).toBeGreaterThan(0)
      expect(result.report.requests?.source).toBeLessThan(meters.source.requests - sourceBefore + 1)
      expect(result.report.requests?.source).toBeLessThan(sourceBefore)
      const waits = stderr.filter((line) => line.startsWith('Waiting ') && line.includes("for halo's rate limit"))
      const ends = stderr.filter((line) => line.startsWith('The rate-limit wait is over'))
      expect(waits.length).toBeGreaterThan(0)
      expect(ends.length).toBe(waits.length)
      // No countdown: a line per wait, not a line per second.
      expect(stderr.filter((line) => line.includes('waiting')).length).toBeLessThanOrEqual(waits.length)
      expect(stderr.join('')).toMatch(/ETA /)
      // Verification reads every ticket again at the same budget: its line has an ETA at the budget too.
      expect(stderr.join('')).toMatch(/verify: \d+\/6 \([\d.]+\/s, ETA \d+ s at halo's 10 requests \/ 3 s\)/)
    } finally {
      write.mockRestore()
      await Promise.all([source.close(), target.close()])
      await Promise.all([autotaskSimulator.close(), haloSimulator.close()])
    }
  }, 120_000)

  it("estimates the target's requests in a dry run with the run's own planner, close to what the run then sends", async () => {
    const autotask = findConnector('autotask')
    const halo = findConnector('halo')
    const autotaskSimulator = await autotask.startSimulator({})
    const haloSimulator = await halo.startSimulator({})
    const seeder = autotask.createAdapter(autotaskSimulator.settings)
    const ends = (meters: { source: RequestMeter; target: RequestMeter }) => ({
      source: autotask.createAdapter(autotaskSimulator.settings, { axiosInstance: meters.source.axiosInstance }),
      target: halo.createAdapter(haloSimulator.settings, { axiosInstance: meters.target.axiosInstance }),
      meters,
    })
    const dry = ends({ source: createRequestMeter(), target: createRequestMeter() })
    const real = ends({ source: createRequestMeter(), target: createRequestMeter() })
    try {
      await seedHelpDesk(seeder, 30, 7)
      const common = { reportFolder: join(folder, 'estimate-reports'), log: () => undefined, verify: false }
      const dryRun = await runMigration({ ...common, ...dry, ledger: { ledger: join(folder, 'dry.sqlite') }, dryRun: true })
      const estimate = dryRun.report.requests?.target
      const run = await runMigration({ ...common, ...real, ledger: { ledger: join(folder, 'real.sqlite') } })
      expect(run.report.counts.tickets.created).toBe(30)
      const actual = run.report.requests?.target
      // The dry run reads the source as the run does, and counts the target's side with the
      // run's own batches; the preflight's formula was off by more than twice (140 for 51).
      const sourceRequests = run.report.requests!.source!
      expect(Math.abs(dryRun.report.requests!.source! - sourceRequests)).toBeLessThanOrEqual(Math.ceil(sourceRequests * 0.1))
      expect(estimate).toBeGreaterThanOrEqual(actual! * 0.75)
      expect(estimate).toBeLessThanOrEqual(actual! * 1.5)
      expect(renderReportText(dryRun.report)).toContain(`about ${estimate} that halo would receive`)
      // The preflight, before anything runs, models the same rules from capabilities and a sample:
      // within a factor of two either way (it was 140 for these 51 before it knew the batches).
      const preflight = run.report.preflight!.estimate.requests
      expect(preflight.target).toBeGreaterThanOrEqual(actual! / 2)
      expect(preflight.target).toBeLessThanOrEqual(actual! * 2)
      expect(preflight.source).toBeGreaterThanOrEqual(sourceRequests / 2)
      expect(preflight.source).toBeLessThanOrEqual(sourceRequests * 2)
    } finally {
      await Promise.all([seeder.close(), dry.source.close(), dry.target.close(), real.source.close(), real.target.close()])
      await Promise.all([autotaskSimulator.close(), haloSimulator.close()])
    }
  }, 120_000)
})
