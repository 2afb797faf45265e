import { AbortError, TimeoutError, UnsupportedOperationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { createMemoryAdapter } from './memory-adapter'

const importedAt = '2026-03-04T05:06:07.000Z'
const now = () => new Date(importedAt)
const fieldsOf = (warnings: readonly { field?: string }[]) => warnings.map((warning) => warning.field).sort()

describe('createMemoryAdapter with capabilities taken away', () => {
  it('stores what a limited vendor would and gives the standard warnings once each', async () => {
    const adapter = createMemoryAdapter({
      now,
      capabilities: {
        tickets: { html: false, setCreatedAt: false },
        comments: { html: false, setAuthor: false, setCreatedAt: false },
        silentWrites: false,
      },
    })
    const created = await adapter.tickets.create(
      { subject: 'Printer', description: { text: 'Jammed', html: '<p>Jammed</p>' }, createdAt: '2020-01-02T03:04:05Z' },
      { silent: true },
    )
    expect(fieldsOf(created.warnings)).toEqual(['createdAt', 'description.html', 'silent'])
    expect(created.warnings.every((warning) => warning.message.startsWith('Memory '))).toBe(true)
    expect(created.record.createdAt).toBe(importedAt)
    expect(created.record.description).toEqual({ text: 'Jammed' })

    const comment = await adapter.comments.create(created.record.id, {
      body: { text: 'Hello', html: '<b>Hello</b>' },
      visibility: 'public',
      author: { email: 'nobody@example.com' },
      createdAt: '2020-01-02T03:04:05Z',
      timeWorkedMinutes: 5,
    })
    expect(fieldsOf(comment.warnings)).toEqual(['author', 'body.html', 'createdAt', 'timeWorkedMinutes'])
    expect(comment.record).toMatchObject({ body: { text: 'Hello' }, createdAt: importedAt })
    expect(comment.record.author).toBeUndefined()
    expect(comment.record.body.html).toBeUndefined()
  })

  it('keeps what overrides leave alone, a batch read included, and takes what they set', () => {
    expect(createMemoryAdapter({ capabilities: { tickets: { html: false } } }).capabilities.childrenReadBatchLimit).toBe(500)
    expect(createMemoryAdapter({ capabilities: { childrenReadBatchLimit: 50 } }).capabilities.childrenReadBatchLimit).toBe(50)
  })

  it('warns about HTML left out of a ticket update', async () => {
    const adapter = createMemoryAdapter({ capabilities: { tickets: { html: false } } })
    const { record } = await adapter.tickets.create({ subject: 'Printer', description: { text: 'Jammed' } })
    const updated = await adapter.tickets.update(record.id, { description: { text: 'Fixed', html: '<p>Fixed</p>' } })
    expect(fieldsOf(updated.warnings)).toEqual(['description.html'])
    expect(updated.record.description).toEqual({ text: 'Fixed' })
  })

  it('attaches a file meant for a comment to the ticket where files cannot belong to comments', async () => {
    const adapter = createMemoryAdapter({ capabilities: { attachments: { linkToComment: false } } })
    const { record: ticket } = await adapter.tickets.create({ subject: 'Printer', description: { text: 'Jammed' } })
    const { record: comment } = await adapter.comments.create(ticket.id, { body: { text: 'See file' }, visibility: 'internal' })
    const uploaded = await adapter.attachments.upload(ticket.id, { filename: 'a.txt', data: new Uint8Array(3), commentId: comment.id })
    expect(fieldsOf(uploaded.warnings)).toEqual(['commentId'])
    expect(uploaded.record.commentId).toBeUndefined()
  })

  it('writes a public comment as internal where public ones are switched off, and refuses internal ones where those are', async () => {
    const internalOnly = createMemoryAdapter({ capabilities: { comments: { visibilities: ['internal'] } } })
    const { record: ticket } = await internalOnly.tickets.create({ subject: 'Printer', description: { text: 'Jammed' } })
    const written = await internalOnly.comments.create(ticket.id, { body: { text: 'Hi' }, visibility: 'public' })
    expect(written.record.visibility).toBe('internal')
    const substituted = { type: 'substituted', field: 'visibility', message: 'Public comments are not supported; written as internal.' }
    expect(written.warnings).toEqual([substituted])
    const publicOnly = createMemoryAdapter({ store: internalOnly.store, capabilities: { comments: { visibilities: ['public'] } } })
    const internal = publicOnly.comments.create(ticket.id, { body: { text: 'Hi' }, visibility: 'internal' })
    await expect(internal).rejects.toBeInstanceOf(UnsupportedOperationError)
  })

  it('keeps time worked on the comment where comments carry it', async () => {
    const adapter = createMemoryAdapter({ capabilities: { timeEntriesAreComments: true } })
    const { record: ticket } = await adapter.tickets.create({ subject: 'Printer', description: { text: 'Jammed' } })
    const input = { body: { text: 'Fixed' }, visibility: 'internal', timeWorkedMinutes: 15 } as const
    const { record: comment, warnings } = await adapter.comments.create(ticket.id, input)
    expect(warnings).toEqual([])
    const entries = await adapter.timeEntries.list(ticket.id).toArray({ limit: 10 })
    expect(entries).toEqual([expect.objectContaining({ minutes: 15, commentId: comment.id })])
  })

  it('refuses what the capabilities switch off', async () => {
    const adapter = createMemoryAdapter({
      capabilities: { tickets: { delete: false }, attachments: { download: false }, people: { create: false }, timeEntries: false, relations: false },
    })
    const { record: ticket } = await adapter.tickets.create({ subject: 'Printer', description: { text: 'Jammed' } })
    const refusals = [
      () => adapter.tickets.delete(ticket.id),
      () => adapter.attachments.download({ id: '1', ticketId: ticket.id }),
      () => adapter.people.create({ kind: 'agent', name: 'Sam' }),
      () => adapter.timeEntries.create(ticket.id, { minutes: 5 }),
      () => adapter.timeEntries.list(ticket.id).toArray({ limit: 10 }),
      () => adapter.relations.create(ticket.id, { relatedTicketId: ticket.id, kind: 'related' }),
      () => adapter.relations.list(ticket.id),
    ]
    for (const refuse of refusals) await expect(refuse()).rejects.toBeInstanceOf(UnsupportedOperationError)
  })

  it('names the vendor it stands in for in its warnings', async () => {
    const adapter = createMemoryAdapter({ vendor: 'halo', title: 'Halo', capabilities: { tickets: { html: false } } })
    const { warnings } = await adapter.tickets.create({ subject: 'Printer', description: { text: 'Jammed', html: '<p>Jammed</p>' } })
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^Halo /)])
  })
})

describe('createMemoryAdapter timing', () => {
  it('stops waiting out its latency when the caller aborts, and times out past timeoutMs', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 5_000, retry: { maxRetries: 0 } })
    const controller = new AbortController()
    const aborted = adapter.lookups.statuses({ signal: controller.signal })
    controller.abort()
    await expect(aborted).rejects.toBeInstanceOf(AbortError)
    await expect(adapter.lookups.statuses({ timeoutMs: 20 })).rejects.toBeInstanceOf(TimeoutError)
  })
})
