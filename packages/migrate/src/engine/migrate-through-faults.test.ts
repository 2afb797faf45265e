/**
 * Short storms heal themselves: a migration (RT simulator → Halo simulator, through the real
 * adapters) with a fault proxy in front of the source or the target ends with nothing failed,
 * every ticket once on the target (counted through Halo's own API) and verified, for each kind
 * of passing trouble a vendor's API has: rate limits with and without Retry-After, server errors
 * on writes and on reads, a connection dropped mid-answer, and an answer cut short.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import type { ProxyFault } from '@ticketbridge/testkit/servers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileBytes } from '../test-support/seed-memory-help-desk'
import { createServedVendorSimulators } from '../test-support/served-vendor-simulators'
import { createMigration } from './create-migration'
import { rtConnector } from '@ticketbridge/rt/connector'
import { haloConnector } from '@ticketbridge/halo/connector'
import { testLedger } from '../test-support/test-ledger'

const ticketCount = 12
const writes = ['POST', 'PUT', 'PATCH', 'DELETE']

let folder: string
const simulators = createServedVendorSimulators()
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-faults-test-'))
})
afterEach(async () => {
  await simulators.closeAll()
  rmSync(folder, { recursive: true, force: true })
})

/**
 * Tickets with replies, internal notes and files, written through the RT adapter. Files on half
 * of them: the run reads the source's listing and history from its preflight, so a storm on the
 * source lands on the files' downloads.
 */
async function seedRt(rt: TicketingAdapter): Promise<void> {
  for (let index = 0; index < ticketCount; index += 1) {
    const { record } = await rt.tickets.create({
      subject: `VPN drops on laptop ${index + 1}`,
      description: { text: `Laptop ${index + 1} loses the VPN every hour.` },
    })
    for (let reply = 0; reply < (index % 3) + 1; reply += 1) {
      await rt.comments.create(record.id, {
        body: { text: `Reply ${reply + 1} on laptop ${index + 1}` },
        visibility: reply % 2 === 0 ? 'public' : 'internal',
      })
    }
    if (index % 2 === 0)
      await rt.attachments.upload(record.id, {
        filename: `trace-${index + 1}.bin`,
        contentType: 'application/octet-stream',
        data: fileBytes(index, 2000),
      })
  }
}

const cases: { name: string; at: 'source' | 'target'; faults: ProxyFault[] }[] = [
  {
    name: '30 answers of 429 with Retry-After from the target',
    at: 'target',
    faults: [{ kind: 'status', status: 429, retryAfterSeconds: 1, count: 30 }],
  },
  { name: '30 answers of 429 without Retry-After from the target', at: 'target', faults: [{ kind: 'status', status: 429, count: 30 }] },
  { name: '6 answers of 500 to writes on the target', at: 'target', faults: [{ kind: 'status', status: 500, count: 6, methods: writes }] },
  { name: '6 answers of 503 to reads of the source', at: 'source', faults: [{ kind: 'status', status: 503, count: 6, methods: ['GET'] }] },
  { name: 'a connection reset mid-body on a read of the source', at: 'source', faults: [{ kind: 'cut-body', methods: ['GET'] }] },
  { name: 'a JSON answer cut short on a read of the target', at: 'target', faults: [{ kind: 'truncated-json', methods: ['GET'] }] },
]

describe('a migration through a short storm', () => {
  for (const storm of cases) {
    it(`ends with nothing failed and everything once, verified: ${storm.name}`, { timeout: 120_000 }, async () => {
      const { adapter: source, proxy: sourceProxy } = await simulators.start(rtConnector, { faultProxy: true })
      const { adapter: target, proxy: targetProxy } = await simulators.start(haloConnector, { faultProxy: true })
      await seedRt(source)
      // A few requests in, so the storm lands mid-run
      const proxy = storm.at === 'source' ? sourceProxy! : targetProxy!
      const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite'), transientRetries: { initialDelayMs: 200 } })
      await migration.preflight()
      // (the target sees few requests in a run, as its writes go in batches: one is enough there).
      proxy.faults.inject({ kind: 'delay', ms: 0, count: storm.at === 'target' ? 1 : 3 })
      for (const fault of storm.faults) proxy.faults.inject(fault)
      const report = await migration.run()
      expect(proxy.pendingFaults).toBe(0)
      expect(report.failures).toEqual([])
      expect(report.counts.tickets).toMatchObject({ read: ticketCount, created: ticketCount, failed: 0 })
      const verify = await migration.verify()
      await migration.close()
      expect(verify.differences).toEqual([])
      expect(verify.passed).toBe(true)

      // Counted through the target's own API: every source ticket once, with all its comments.
      const moved = await target.tickets.list().toArray({ limit: 1000 })
      const stamps = moved.map((ticket) => ticket.externalId).filter((stamp) => stamp?.startsWith('rt:'))
      expect(stamps).toHaveLength(ticketCount)
      expect(new Set(stamps).size).toBe(ticketCount)
      for (const ticket of await source.tickets.list().toArray({ limit: 1000 })) {
        const copy = moved.find((candidate) => candidate.externalId === `rt:${ticket.id}`)!
        const sourceComments = await source.comments.list(ticket.id).toArray({ limit: 100 })
        const targetComments = await target.comments.list(copy.id).toArray({ limit: 100 })
        expect(targetComments.length, `comments of ticket ${ticket.id}`).toBe(sourceComments.length)
      }
    })
  }
})
