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

  conformanceCase(
    context,
    options,
    'reads comments, files and time entries for many tickets as it reads them ticket by ticket',
    async ({ adapter, runTag }, skip) => {
      const { capabilities } = adapter
      if (!capabilities.tickets.create || !capabilities.comments.create) return skip('tickets.create or comments.create is not supported')
      const visibility = capabilities.comments.visibilities[0]!
      const created = await Promise.all(
        [1, 2].map((index) =>
          createTicketsInBatch(adapter, [{ subject: `${runTag} read together ${index}`, description: { text: 'Read together' } }]),
        ),
      )
      const ids = created.map(([item]) => {
        if (!item!.ok) throw item!.error
        return item!.id
      })
      await adapter.comments.create(ids[0]!, { body: { text: `${runTag} first` }, visibility })
      await adapter.comments.create(ids[0]!, { body: { text: `${runTag} second` }, visibility })
      if (capabilities.attachments.upload)
        await adapter.attachments.upload(ids[1]!, { filename: 'together.txt', contentType: 'text/plain', data: new TextEncoder().encode(runTag) })
      if (capabilities.timeEntries) await adapter.timeEntries.create(ids[1]!, { minutes: 30, note: `${runTag} worked` })

      // The kinds side by side, as a migration asks for them.
      const [comments, files, timeEntries] = await Promise.all([
        listForTickets(adapter.comments, ids),
        listForTickets(adapter.attachments, ids),
        capabilities.timeEntries ? listForTickets(adapter.timeEntries, ids) : undefined,
      ])
      // The vendor's answer (raw) may differ between its two reads; the records may not.
      const withoutRaw = (records: readonly { raw?: unknown }[]) => records.map(({ raw: _raw, ...record }) => record)
      for (const id of ids) {
        expect(withoutRaw(comments.get(id)!)).toEqual(withoutRaw(await adapter.comments.list(id).toArray({ limit: 100 })))
        expect(withoutRaw(files.get(id)!)).toEqual(withoutRaw(await adapter.attachments.list(id).toArray({ limit: 100 })))
        if (timeEntries) expect(withoutRaw(timeEntries.get(id)!)).toEqual(withoutRaw(await adapter.timeEntries.list(id).toArray({ limit: 100 })))
      }
      expect(comments.get(ids[0]!)!.map((comment) => comment.body.text.trim())).toEqual(
        expect.arrayContaining([`${runTag} first`, `${runTag} second`]),
      )
      if (capabilities.attachments.upload) expect(files.get(ids[1]!)!.map((file) => file.filename)).toContain('together.txt')
      if (timeEntries) expect(timeEntries.get(ids[1]!)!.map((entry) => entry.minutes)).toContain(30)
    },
  )
}
