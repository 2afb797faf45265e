import { type CommentVisibility, UnsupportedOperationError } from '@ticketbridge/core'
import { expect } from 'vitest'
import type { ConformanceContext, ConformanceOptions } from '../conformance-harness'
import { conformanceCase } from './conformance-case'
import { createTestTicket } from './ticket-cases'

export function defineCommentCases(context: ConformanceContext, options: ConformanceOptions): void {
  conformanceCase(context, options, 'keeps comment visibility and order', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.comments.create) return skip('comments.create is not supported')
    const ticket = await createTestTicket(adapter, `${runTag} comments`)
    const supported = adapter.capabilities.comments.visibilities
    const wanted: CommentVisibility[] = ['public', 'internal', 'public', 'internal'].filter((visibility) =>
      supported.includes(visibility as CommentVisibility),
    ) as CommentVisibility[]
    const written: { text: string; visibility: CommentVisibility }[] = []
    for (const [index, visibility] of wanted.entries()) {
      const text = `${runTag} comment ${index + 1} (${visibility})`
      const { record, warnings } = await adapter.comments.create(ticket.id, { body: { text }, visibility })
      expect(warnings).toEqual([])
      expect(record.ticketId).toBe(ticket.id)
      expect(record.visibility).toBe(visibility)
      written.push({ text, visibility })
    }
    const listed = await adapter.comments.list(ticket.id).toArray({ limit: 1000 })
    // Vendors may add their own entries (a creation note); ours must all be there, in order.
    const ours = listed.filter((comment) => comment.body.text.includes(`${runTag} comment`))
    expect(ours.map((comment) => ({ text: comment.body.text.trim(), visibility: comment.visibility }))).toEqual(written)
    for (let index = 1; index < listed.length; index += 1) {
      expect(Date.parse(listed[index]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(listed[index - 1]!.createdAt))
    }
    for (const comment of ours) {
      expect(comment.vendor).toBe(adapter.vendor)
      expect(comment.raw).toBeDefined()
    }
  })

  conformanceCase(context, options, 'keeps comment HTML where the vendor has it, and warns where not', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.comments.create) return skip('comments.create is not supported')
    const ticket = await createTestTicket(adapter, `${runTag} html comment`)
    const visibility = adapter.capabilities.comments.visibilities[0]!
    const { warnings } = await adapter.comments.create(ticket.id, {
      body: { text: 'Restarted the spooler.', html: '<p>Restarted the <b>spooler</b>.</p>' },
      visibility,
    })
    const [comment] = (await adapter.comments.list(ticket.id).toArray({ limit: 100 })).filter((entry) => entry.body.text.includes('spooler'))
    expect(comment).toBeDefined()
    if (adapter.capabilities.comments.html) {
      expect(warnings).toEqual([])
      expect(comment!.body.html).toContain('<b>spooler</b>')
    } else {
      expect(warnings.map((warning) => warning.type)).toContain('converted')
    }
    expect(comment!.body.text).toContain('Restarted the spooler')
  })

  conformanceCase(context, options, 'never turns an internal comment public', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.comments.create) return skip('comments.create is not supported')
    const ticket = await createTestTicket(adapter, `${runTag} internal only`)
    if (adapter.capabilities.comments.visibilities.includes('internal')) {
      const { record } = await adapter.comments.create(ticket.id, { body: { text: 'agents only' }, visibility: 'internal' })
      expect(record.visibility).toBe('internal')
    } else {
      await expect(adapter.comments.create(ticket.id, { body: { text: 'agents only' }, visibility: 'internal' })).rejects.toSatisfy((error) =>
        UnsupportedOperationError.isInstance(error),
      )
    }
  })

  conformanceCase(context, options, 'moves the ticket with a comment where it can, and says so where not', async ({ adapter, runTag }, skip) => {
    if (!adapter.capabilities.tickets.create || !adapter.capabilities.comments.create) return skip('comments.create is not supported')
    const ticket = await createTestTicket(adapter, `${runTag} status with a comment`)
    const statuses = await adapter.lookups.statuses()
    const closing = statuses.find((status) => status.category === 'resolved') ?? statuses.find((status) => status.category === 'closed')
    if (!closing) return skip('the vendor lists no resolved or closed status')
    // Internal where there is one: a public reply moves a ticket on some vendors by itself (RT opens it).
    const visibilities = adapter.capabilities.comments.visibilities
    const visibility = visibilities.includes('internal') ? 'internal' : visibilities[0]!
    const { warnings } = await adapter.comments.create(ticket.id, { body: { text: 'Fixed: closing.' }, visibility, ticketStatus: { id: closing.id } })
    const after = await adapter.tickets.get(ticket.id)
    if (adapter.capabilities.comments.setTicketStatus) {
      expect(warnings.filter((warning) => warning.field === 'ticketStatus')).toEqual([])
      expect(after.status.id).toBe(closing.id)
    } else {
      expect(warnings.map((warning) => warning.field)).toContain('ticketStatus')
      expect(after.status.id).toBe(ticket.status.id)
    }
  })
}
