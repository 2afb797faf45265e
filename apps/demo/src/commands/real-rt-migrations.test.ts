import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { createMigration } from '@ticketbridge/migrate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findConnector } from '../connectors/connectors'
import type { RunningSimulator } from '@ticketbridge/http'
import { seedHelpDesk } from '../demo/seed-help-desk'

const rtUrl = process.env.RT_URL

/**
 * Migrations with the real RT 5 on one side (CI starts it with ../shared/rt/start-rt): RT → Halo
 * simulator and Autotask simulator → RT, each verified. Other test files write to the same RT at
 * the same time; `since` keeps this migration to the tickets created from here on, and verify
 * checks every ticket the ledger says it moved.
 */
describe.skipIf(!rtUrl)('migrations with the real RT 5', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-real-rt-'))
  const simulators: RunningSimulator[] = []
  const adapters: TicketingAdapter[] = []
  let rt: TicketingAdapter
  let halo: TicketingAdapter
  let autotask: TicketingAdapter

  beforeAll(async () => {
    rt = findConnector('rt').createAdapter({ url: rtUrl!, user: process.env.RT_USER ?? 'root', password: process.env.RT_PASSWORD ?? '' })
    const haloSimulator = await findConnector('halo').startSimulator({})
    const autotaskSimulator = await findConnector('autotask').startSimulator({})
    simulators.push(haloSimulator, autotaskSimulator)
    halo = findConnector('halo').createAdapter(haloSimulator.settings)
    autotask = findConnector('autotask').createAdapter(autotaskSimulator.settings)
    adapters.push(rt, halo, autotask)
  }, 60_000)

  afterAll(async () => {
    await Promise.all(adapters.map((adapter) => adapter.close()))
    await Promise.all(simulators.map((simulator) => simulator.close()))
    rmSync(folder, { recursive: true, force: true })
  })

  it('moves tickets from the real RT into the Halo simulator and verifies them', async () => {
    const since = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString()
    await seedHelpDesk(rt, 12, 31)
    const migration = createMigration({ source: rt, target: halo, ledger: join(folder, 'rt-to-halo.sqlite'), since })
    try {
      const report = await migration.run()
      expect(report.counts.tickets.created).toBeGreaterThanOrEqual(12)
      expect(report.failures).toEqual([])
      const verify = await migration.verify()
      expect(verify.differences).toEqual([])
      expect(verify.passed).toBe(true)
      expect(verify.attachments.bytesIdentical).toBe(verify.attachments.source)
    } finally {
      await migration.close()
    }
  }, 300_000)

  it('moves tickets from the Autotask simulator into the real RT and verifies them', async () => {
    await seedHelpDesk(autotask, 12, 37)
    const migration = createMigration({ source: autotask, target: rt, ledger: join(folder, 'autotask-to-rt.sqlite') })
    try {
      const report = await migration.run()
      // On a fresh RT (CI) all 12 are created; on an RT an earlier run filled, adopted (matched), not repeated.
      expect(report.counts.tickets.created + report.counts.tickets.matched).toBe(12)
      expect(report.failures).toEqual([])
      const verify = await migration.verify()
      expect(verify.differences).toEqual([])
      expect(verify.passed).toBe(true)
      expect(verify.comments.target).toBe(verify.comments.source)
    } finally {
      await migration.close()
    }
  }, 300_000)
})
