import { type CommentBatchInput, createCommentsInBatch, createTicketsInBatch, listForTickets, ValidationError } from '@ticketbridge/core'
import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'

export function defineBatchCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(
    context,
    options,
    'creates tickets and comments in batches and reads them for many tickets at once, each ticket’s in order',
    async ({ adapter, runTag }, skip) => {
      if (!adapter.capabilities.tickets.create || !adapter.capabilities.comments.create)
        return skip('tickets.create or comments.create is not supported')
      const subjects = [1, 2, 3].map((index) => `${runTag} batch ${index}`)
      const tickets = await createTicketsInBatch(
        adapter,
        subjects.map((subject) => ({ subject, description: { text: `Created in a batch: ${subject}` } })),
      )
      const ids = tickets.map((item) => {
        if (!item.ok) throw item.error
        return item.id
      })
      expect(new Set(ids).size).toBe(3)
      for (const [index, id] of ids.entries()) expect((await adapter.tickets.get(id)).subject).toBe(subjects[index])

      const visibility = adapter.capabilities.comments.visibilities[0]!
      const text = (ticket: number, comment: number) => `${runTag} batch ${ticket} comment ${comment}`
      const comments: CommentBatchInput[] = [
        { ticketId: ids[0]!, input: { body: { text: text(1, 1) }, visibility } },
        { ticketId: ids[1]!, input: { body: { text: text(2, 1) }, visibility } },
        // Refused before it is sent: it fails alone.
        { ticketId: ids[2]!, input: { body: { text: 42 }, visibility } as never },
        { ticketId: ids[0]!, input: { body: { text: text(1, 2) }, visibility } },
        { ticketId: ids[0]!, input: { body: { text: text(1, 3) }, visibility } },
      ]
      const items = await createCommentsInBatch(adapter, comments)
      expect(items.map((item) => item.ok)).toEqual([true, true, false, true, true])
      expect(items[2]!.ok === false && ValidationError.isInstance(items[2]!.error)).toBe(true)
      const listed = async (id: string) =>
        (await adapter.comments.list(id).toArray({ limit: 100 }))
          .map((comment) => comment.body.text.trim())
          .filter((body) => body.startsWith(`${runTag} batch`))
      expect(await listed(ids[0]!)).toEqual([text(1, 1), text(1, 2), text(1, 3)])
      expect(await listed(ids[1]!)).toEqual([text(2, 1)])
      expect(await listed(ids[2]!)).toEqual([])

      // Read for many tickets at once: the same comments, in the same order, as per ticket.
      const together = await listForTickets(adapter.comments, ids)
      expect([...together.keys()].sort()).toEqual([...ids].sort())
      for (const id of ids) {
        const single = await adapter.comments.list(id).toArray({ limit: 100 })
        expect(together.get(id)!.map((comment) => comment.id)).toEqual(single.map((comment) => comment.id))
      }
      const files = await listForTickets(adapter.attachments, ids)
      expect(ids.map((id) => files.get(id))).toEqual([[], [], []])
    },
  )
}
