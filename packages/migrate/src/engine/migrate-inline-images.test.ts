import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMemoryAdapter, type MemoryAdapter } from '@ticketbridge/memory'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crashAfterWrites } from '../test-support/crash-after-writes'
import { fileBytes } from '../test-support/seed-memory-help-desk'
import { createMigration } from './create-migration'
import { type TestLedger, testLedger } from '../test-support/test-ledger'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ticketbridge-inline-images-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const dataUri = (bytes: Uint8Array, type = 'image/png') => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`

/** A ticket with an image in its description, another in a comment, and one pointing at its own file. */
async function seedTicketWithImages(source: MemoryAdapter) {
  const screenshot = fileBytes(1, 900)
  const photo = fileBytes(2, 1_400)
  const diagram = fileBytes(3, 700)
  const { record: ticket } = await source.tickets.create({
    subject: 'Error dialog on login',
    description: {
      text: 'The dialog below appears.',
      html: `<p>The dialog below appears.</p><p><img alt="dialog" src="${dataUri(screenshot)}"></p>`,
    },
  })
  const { record: file } = await source.attachments.upload(ticket.id, { filename: 'diagram.png', contentType: 'image/png', data: diagram })
  await source.comments.create(ticket.id, {
    body: {
      text: 'Photo of the screen, and the diagram.',
      html: `<p>Photo of the screen:</p><img src="${dataUri(photo, 'image/jpeg')}"><img src="https://old-helpdesk.example/attachments/${file.id}/view">`,
    },
    visibility: 'public',
  })
  return { ticket, screenshot, photo, diagram }
}

async function run(source: MemoryAdapter, target: MemoryAdapter | ReturnType<typeof crashAfterWrites>, ledgerAt: TestLedger) {
  const migration = createMigration({ source, target, ...ledgerAt, concurrency: 1 })
  try {
    return { report: await migration.run(), verify: await migration.verify() }
  } finally {
    await migration.close()
  }
}

describe('inline images', () => {
  it('moves embedded images to attachments byte for byte, rewrites every reference, and warns on the record', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    const { ticket, screenshot, photo, diagram } = await seedTicketWithImages(source)
    const target = createMemoryAdapter({ vendor: 'memory-target' })
    const { report, verify } = await run(source, target, testLedger(folder, 'ledger.sqlite'))
    expect(verify.passed).toBe(true)
    expect(report.counts.attachments).toMatchObject({ created: 3, failed: 0 })

    const moved = (await target.tickets.findByExternalId(`memory-source:${ticket.id}`))!
    const files = await target.attachments.list(moved.id).toArray({ limit: 10 })
    const digests = await Promise.all(files.map(async (file) => sha(await target.attachments.download(file))))
    expect(digests.sort()).toEqual([sha(screenshot), sha(photo), sha(diagram)].sort())
    const screenshotName = `inline-image-${sha(screenshot).slice(0, 12)}.png`
    const photoName = `inline-image-${sha(photo).slice(0, 12)}.jpg`
    expect(files.map((file) => file.filename).sort()).toEqual(['diagram.png', photoName, screenshotName].sort())

    expect(moved.description.html).not.toContain('data:')
    expect(moved.description.html).toContain(`[image: dialog: ${screenshotName}, attached to this ticket]`)
    expect(moved.description.text).toContain(screenshotName)
    const [comment] = await target.comments.list(moved.id).toArray({ limit: 10 })
    expect(comment!.body.html).not.toMatch(/data:|old-helpdesk/)
    expect(comment!.body.html).toContain(`[image: ${photoName}, attached to this ticket]`)
    expect(comment!.body.html).toContain('[image: diagram.png, attached to this ticket]')
    // The memory target links files to comments: the photo belongs to the comment's copy.
    expect(files.find((file) => file.filename === photoName)?.commentId).toBe(comment!.id)

    const converted = report.warnings.filter((entry) => entry.warning.type === 'converted' && /inline image/.test(entry.warning.message))
    expect(converted.map((entry) => `${entry.kind}:${entry.warning.field}`).sort()).toEqual([
      'comment:comment.body',
      'comment:comment.body',
      'ticket:description',
    ])
  })

  it('writes the references into the text where the target keeps text only', async () => {
    const source = createMemoryAdapter({ vendor: 'memory-source' })
    const { ticket, screenshot } = await seedTicketWithImages(source)
    const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { tickets: { html: false }, comments: { html: false } } })
    const { verify } = await run(source, target, testLedger(folder, 'ledger.sqlite'))
    expect(verify.passed).toBe(true)
    const moved = (await target.tickets.findByExternalId(`memory-source:${ticket.id}`))!
    expect(moved.description.text).toContain(`[image: inline-image-${sha(screenshot).slice(0, 12)}.png, attached to this ticket]`)
  })

  for (const mode of [
    {
      name: 'uploaded one by one',
      carries: false,
      writes: [...Array<string>(6).fill('attachments.upload'), 'comments.createMany', 'tickets.createMany'],
    },
    // The images ride inside the creates of the ticket and the comment they came from.
    { name: 'inside the creates', carries: true, writes: ['comments.createMany', 'tickets.createMany'] },
  ]) {
    it(`moves each image exactly once (${mode.name}) when the run is killed after any write and resumed`, async () => {
      const source = createMemoryAdapter({ vendor: 'memory-source' })
      await seedTicketWithImages(source)
      await seedTicketWithImages(source)
      const target = createMemoryAdapter({
        vendor: 'memory-target',
        capabilities: { tickets: { attachments: mode.carries }, comments: { attachments: mode.carries } },
      })
      const ledgerAt = testLedger(folder, 'ledger.sqlite')
      // Every run is killed right after its first write, so each write is followed by a crash and a resume.
      const crashed: string[] = []
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const crashing = crashAfterWrites(target, 1, { onCrash: (operation) => crashed.push(operation) })
        const migration = createMigration({ source, target: crashing, ...ledgerAt, concurrency: 1 })
        const finished = await migration.run().then(
          () => true,
          () => false,
        )
        await migration.close()
        if (finished) break
      }
      // Two tickets with three files each and a comment: a crash after every one of their writes,
      // the two tickets' batch and their comments' batch included.
      expect(crashed.sort()).toEqual(mode.writes.sort())
      const { verify } = await run(source, target, ledgerAt)
      expect(verify.passed).toBe(true)
      expect(target.store.tickets.size).toBe(2)
      expect(target.store.comments.size).toBe(2)
      expect(target.store.attachments.size).toBe(6)
    })
  }
})
