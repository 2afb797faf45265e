import { createCommentsInBatch, createTicketsInBatch, ValidationError } from '@ticketbridge/core'
import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'

/** Files sent inside ticket and comment creates (`capabilities.tickets.attachments`, `comments.attachments`), or refused before anything is sent. */
export function defineCarriedFileCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(
    context,
    options,
    'carries files inside comments created in a batch, or refuses them where it cannot',
    async ({ adapter, runTag }, skip) => {
      const { capabilities } = adapter
      if (!capabilities.tickets.create || !capabilities.comments.create) return skip('tickets.create or comments.create is not supported')
      const [created] = await createTicketsInBatch(adapter, [{ subject: `${runTag} files in comments`, description: { text: 'Files in comments' } }])
      if (!created!.ok) throw created!.error
      const ticketId = created!.id
      const visibility = capabilities.comments.visibilities[0]!
      const bytes = (text: string) => new TextEncoder().encode(text)
      const binary = Uint8Array.from({ length: 300 }, (_, index) => (index * 7) % 256)
      const items = await createCommentsInBatch(adapter, [
        {
          ticketId,
          input: {
            body: { text: `${runTag} with two files` },
            visibility,
            attachments: [
              { filename: 'first.txt', contentType: 'text/plain', data: bytes(`${runTag} one`) },
              { filename: 'second.bin', contentType: 'application/octet-stream', data: binary },
            ],
          },
        },
        { ticketId, input: { body: { text: `${runTag} without files` }, visibility } },
      ])
      if (!capabilities.comments.attachments) {
        expect(items[0]!.ok === false && ValidationError.isInstance(items[0]!.error)).toBe(true)
        expect(items[1]!.ok).toBe(true)
        expect(await adapter.attachments.list(ticketId).toArray({ limit: 100 })).toEqual([])
        return
      }
      expect(items.map((item) => item.ok)).toEqual([true, true])
      const commentId = items[0]!.ok ? items[0]!.id : ''
      const files = await adapter.attachments.list(ticketId).toArray({ limit: 100 })
      expect(files.map((file) => file.filename).sort()).toEqual(['first.txt', 'second.bin'])
      // Each file is linked to the comment that carried it, with its exact bytes.
      for (const file of files) expect(file.commentId).toBe(commentId)
      const second = files.find((file) => file.filename === 'second.bin')!
      expect(Buffer.from(await adapter.attachments.download(second)).equals(Buffer.from(binary))).toBe(true)
    },
  )

  conformanceCase(
    context,
    options,
    'carries files inside tickets created in a batch, or refuses them where it cannot',
    async ({ adapter, runTag }, skip) => {
      const { capabilities } = adapter
      if (!capabilities.tickets.create) return skip('tickets.create is not supported')
      const binary = Uint8Array.from({ length: 500 }, (_, index) => (index * 13) % 256)
      const description = { text: `${runTag} a ticket with its files` }
      const items = await createTicketsInBatch(adapter, [
        {
          subject: `${runTag} ticket with files`,
          description,
          attachments: [
            { filename: 'screenshot.png', contentType: 'image/png', data: binary },
            { filename: 'notes.txt', contentType: 'text/plain', data: new TextEncoder().encode(`${runTag} notes`) },
          ],
        },
        { subject: `${runTag} ticket without files`, description },
      ])
      if (!capabilities.tickets.attachments) {
        expect(items[0]!.ok === false && ValidationError.isInstance(items[0]!.error)).toBe(true)
        expect(items[1]!.ok).toBe(true)
        return
      }
      expect(items.map((item) => item.ok)).toEqual([true, true])
      const ticketId = items[0]!.ok ? items[0]!.id : ''
      const ticket = await adapter.tickets.get(ticketId)
      expect(ticket.description.text.trim()).toBe(description.text)
      const files = await adapter.attachments.list(ticketId).toArray({ limit: 100 })
      expect(files.map((file) => file.filename).sort()).toEqual(['notes.txt', 'screenshot.png'])
      // Files of the ticket itself: on no comment.
      for (const file of files) expect(file.commentId).toBeUndefined()
      const image = files.find((file) => file.filename === 'screenshot.png')!
      expect(Buffer.from(await adapter.attachments.download(image)).equals(Buffer.from(binary))).toBe(true)
    },
  )
}
