/**
 * A 25 MB file moves from RT into Halo byte for byte through the real adapters on the
 * simulators. The transport's timeout counts time without progress (http-transport.test.ts
 * proves a transfer longer than the timeout completes while bytes flow), so the ordinary 30 s
 * limit does not cut a large file off on a slow link.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRtAdapter } from '@ticketbridge/rt'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServedVendorSimulators } from '../test-support/served-vendor-simulators'
import { createMigration } from './create-migration'
import { rtConnector } from '@ticketbridge/rt/connector'
import { haloConnector } from '@ticketbridge/halo/connector'
import { testLedger } from '../test-support/test-ledger'

let folder: string
const simulators = createServedVendorSimulators()
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-large-files-test-'))
})
afterEach(async () => {
  await simulators.closeAll()
  rmSync(folder, { recursive: true, force: true })
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('large files', () => {
  it('moves a 25 MB file from RT into Halo, bytes identical, verified', { timeout: 180_000 }, async () => {
    const { simulator: rtSimulator } = await simulators.start(rtConnector)
    const rtServer = await rtSimulator.serve({ record: false })
    // RT takes files up to its $MaxAttachmentSize; this one is set above 25 MB.
    const source = createRtAdapter({ baseUrl: rtServer.url, auth: { token: rtSimulator.credentials.token }, maxAttachmentBytes: 32 * 1024 * 1024 })
    const { adapter: target } = await simulators.start(haloConnector)
    try {
      const data = new Uint8Array(25 * 1024 * 1024)
      for (let index = 0; index < data.length; index += 1) data[index] = (index * 131 + (index >>> 12)) % 256
      const { record: ticket } = await source.tickets.create({ subject: 'Disk image for the auditors', description: { text: 'Attached.' } })
      await source.attachments.upload(ticket.id, { filename: 'disk-image.bin', contentType: 'application/octet-stream', data })

      const migration = createMigration({ source, target, ...testLedger(folder, 'ledger.sqlite') })
      const report = await migration.run()
      const verify = await migration.verify()
      await migration.close()
      expect(report.failures).toEqual([])
      expect(verify.attachments).toMatchObject({ source: 1, target: 1, bytesIdentical: 1 })
      const moved = (await target.tickets.findByExternalId(`rt:${ticket.id}`))!
      const [file] = await target.attachments.list(moved.id).toArray({ limit: 10 })
      expect(file).toMatchObject({ filename: 'disk-image.bin', size: data.length })
      expect(sha256(await target.attachments.download(file!))).toBe(sha256(data))
    } finally {
      await source.close()
      await rtServer.close()
    }
  })
})
