import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtInConnectors } from '@ticketbridge/connectors'
import type { TicketingAdapter } from '@ticketbridge/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServedVendorSimulators } from '../test-support/served-vendor-simulators'
import { createMigration } from './create-migration'
import { testLedger } from '../test-support/test-ledger'

let folder: string
const simulators = createServedVendorSimulators()
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-every-pair-'))
})
afterEach(async () => {
  await simulators.closeAll()
  rmSync(folder, { recursive: true, force: true })
})

/** A small help desk written through the neutral interface: tickets with a reply and a file. */
async function seedThroughContract(adapter: TicketingAdapter): Promise<void> {
  for (let index = 1; index <= 3; index += 1) {
    const { record } = await adapter.tickets.create({ subject: `Pair check ${index}`, description: { text: `Ticket ${index} of the pair check.` } })
    await adapter.comments.create(record.id, { body: { text: `Reply to ticket ${index}.` }, visibility: 'public' })
    if (adapter.capabilities.attachments.upload) {
      await adapter.attachments.upload(record.id, {
        filename: `note-${index}.txt`,
        contentType: 'text/plain',
        data: new TextEncoder().encode(`file ${index}`),
      })
    }
  }
}

// Every vendor in the registry, as source and as target: a vendor added there is migrated both ways here.
const pairs = builtInConnectors.flatMap((source) =>
  builtInConnectors.filter((target) => target !== source).map((target) => [source, target] as const),
)

describe('every pair of vendor simulators', () => {
  for (const [sourceConnector, targetConnector] of pairs) {
    it(`${sourceConnector.vendor} → ${targetConnector.vendor}: moves a small help desk and verifies it`, { timeout: 120_000 }, async () => {
      const { adapter: source } = await simulators.start(sourceConnector)
      const { adapter: target } = await simulators.start(targetConnector)
      await seedThroughContract(source)
      const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
      try {
        const report = await migration.run()
        const verify = await migration.verify()
        expect(report.failures).toEqual([])
        expect(report.counts.tickets).toMatchObject({ read: 3, created: 3, failed: 0 })
        expect(verify.differences).toEqual([])
        expect(verify.passed).toBe(true)
      } finally {
        await migration.close()
      }
    })
  }
})
