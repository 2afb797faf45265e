import { describe, expect, it, vi } from 'vitest'
import type { AdapterCapabilities } from '../../adapter/v1/adapter-capabilities'
import { AbortError } from '../../errors/abort-error'
import { UnsupportedOperationError } from '../../errors/unsupported-operation-error'
import { ValidationError } from '../../errors/validation-error'
import type { Ticket } from '../../model/ticket'
import { createCommentsInBatch, createTicketsInBatch } from '../../adapter/v1/batch-write'
import { createTicketingAdapter } from './create-ticketing-adapter'
import { writeMany } from './driver-write'
import type { CheckedTicketCreate, DriverWriteContext, TicketingDriverV1 } from './ticketing-driver-v1'

const limitedCapabilities: AdapterCapabilities = {
  tickets: { create: true, update: false, delete: false, setCreatedAt: false, html: false, pageSizeLimit: 50 },
  comments: { create: true, visibilities: ['public', 'internal'], setAuthor: false, setCreatedAt: false, html: false },
  attachments: { upload: true, download: false, linkToComment: false },
  people: { create: false },
  organizations: { create: false },
  externalId: { storage: 'marker' },
  query: { updatedSince: 'client', createdSince: 'client', statusCategories: 'client', queueId: 'client', organizationId: 'client', text: 'client' },
  silentWrites: false,
  timeEntries: false,
  relations: false,
}

function ticketOf(id: string, input: Partial<CheckedTicketCreate> = {}, createdAt = '2026-12-05T00:00:00.000Z'): Ticket {
  return {
    id,
    subject: input.subject ?? 'Subject',
    description: { text: input.description?.text ?? '' },
    status: { id: 'new', name: 'new', category: 'new' },
    priority: { id: 'normal', name: 'normal', level: 'normal' },
    tags: [],
    customFields: {},
    createdAt,
    updatedAt: createdAt,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    raw: {},
  } as unknown as Ticket
}

function fakeDriver(overrides: Partial<TicketingDriverV1> = {}): TicketingDriverV1 {
  const stored = new Map<string, Ticket>()
  return {
    specificationVersion: 'v1',
    vendor: 'fake',
    title: 'Fake',
    capabilities: limitedCapabilities,
    unsupportedReasons: { 'relations.create': 'link tickets in the fake UI' },
    tickets: {
      listPage: async (_query, cursor) => (cursor === undefined ? { items: [...stored.values()], nextCursor: 'end' } : { items: [] }),
      get: async (id) => stored.get(id) ?? ticketOf(id),
      createMany: async (inputs) =>
        inputs.map((input) => {
          if (input.subject === 'refused') return { ok: false as const, error: new Error('refused by the vendor') }
          const ticket = ticketOf(String(stored.size + 1), input)
          stored.set(ticket.id, ticket)
          return { ok: true as const, id: ticket.id, record: ticket, warnings: [] }
        }),
      findAllByExternalIds: async (values) =>
        new Map(values.map((value) => [value, [...stored.values()].filter((ticket) => ticket.externalId === value)])),
    },
    comments: {
      listPage: async () => ({ items: [] }),
      create: async ({ ticketId, input }) => ({
        record: {
          id: 'c1',
          ticketId,
          body: { text: input.body.text },
          visibility: input.visibility,
          createdAt: '2026-12-05T00:00:00.000Z',
          raw: {},
        } as never,
        // This driver keeps the author another way and says so; the runtime must not add its own.
        warnings: input.author ? [{ type: 'converted' as const, field: 'author', message: 'kept as a provenance line' }] : [],
      }),
    },
    attachments: {
      listPage: async () => ({ items: [] }),
      upload: vi.fn(async (ticketId: string, file) => ({
        record: {
          id: 'a1',
          ticketId,
          filename: file.filename,
          contentType: file.contentType,
          size: file.data.byteLength,
          raw: { commentId: file.commentId },
        } as never,
        warnings: [],
      })),
    },
    people: { listPage: async () => ({ items: [] }), get: async () => ({}) as never, findByEmail: async () => undefined },
    organizations: { listPage: async () => ({ items: [] }), get: async () => ({}) as never, findByName: async () => undefined },
    lookups: {
      statuses: async () => [],
      priorities: async () => [],
      queues: async () => [],
      ticketTypes: async () => [],
      customFields: async () => [],
    },
    ...overrides,
  }
}

describe('createTicketingAdapter', () => {
  it('writes a single create through the batch form and adds the standard warnings the driver left out', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    const { record, warnings } = await adapter.tickets.create(
      { subject: 'Printer', description: { text: 'Jammed', html: '<p>Jammed</p>' }, createdAt: '2020-01-02T03:04:05Z', externalId: 'halo:7' },
      { silent: true },
    )
    expect(record.id).toBe('1')
    expect(warnings.map((warning) => warning.field).sort()).toEqual(['createdAt', 'description.html', 'silent'])
    expect(warnings.every((warning) => warning.message.startsWith('Fake '))).toBe(true)
    await expect(adapter.tickets.create({ subject: 'refused', description: { text: '' } })).rejects.toThrow('refused by the vendor')
  })

  it('does not warn about a creation time the vendor kept', async () => {
    const driver = fakeDriver()
    const adapter = createTicketingAdapter({
      ...driver,
      tickets: { ...driver.tickets, create: async (input) => ({ record: ticketOf('9', input, input.createdAt), warnings: [] }) },
    })
    const { warnings } = await adapter.tickets.create({ subject: 'Kept', description: { text: '' }, createdAt: '2020-01-02T03:04:05Z' })
    expect(warnings).toEqual([])
  })

  it('keeps the driver’s own warning on a field instead of the standard one', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    const { warnings } = await adapter.comments.create('1', {
      body: { text: 'Hi' },
      visibility: 'public',
      author: { email: 'a@b.c' },
      timeWorkedMinutes: 5,
    })
    expect(warnings.filter((warning) => warning.field === 'author')).toEqual([
      { type: 'converted', field: 'author', message: 'kept as a provenance line' },
    ])
    expect(warnings.some((warning) => warning.field === 'timeWorkedMinutes')).toBe(true)
  })

  it('takes a driver’s warning on a whole value as covering its parts', async () => {
    const driver = fakeDriver()
    const adapter = createTicketingAdapter({
      ...driver,
      tickets: {
        ...driver.tickets,
        create: async (input) => ({
          record: ticketOf('3', input),
          warnings: [{ type: 'unsupported' as const, field: 'description', message: 'the description was left out' }],
        }),
      },
    })
    const { warnings } = await adapter.tickets.create({ subject: 'Parts', description: { text: 'x', html: '<p>x</p>' } })
    expect(warnings.map((warning) => warning.field)).toEqual(['description'])
  })

  it('refuses what the capabilities declare missing, with the driver’s reason, before checking input', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    const refused = await adapter.relations.create('1', { relatedTicketId: '2', kind: 'related' }).catch((error: unknown) => error)
    expect(UnsupportedOperationError.isInstance(refused)).toBe(true)
    expect((refused as Error).message).toContain('link tickets in the fake UI')
    await expect(adapter.people.create({} as never)).rejects.toBeInstanceOf(UnsupportedOperationError)
    await expect(adapter.tickets.update('1', { subject: 'x' })).rejects.toBeInstanceOf(UnsupportedOperationError)
    await expect(adapter.timeEntries.list('1').toArray({ limit: 1 })).rejects.toBeInstanceOf(UnsupportedOperationError)
    await expect(adapter.attachments.download({ id: 'a1', ticketId: '1' })).rejects.toBeInstanceOf(UnsupportedOperationError)
  })

  it('checks input with core’s schemas and names the field at fault', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    const error = await adapter.tickets.create({ subject: ' ', description: { text: '' } }).catch((caught: unknown) => caught)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect((error as ValidationError).issues?.[0]?.field).toBe('subject')
    expect(() => adapter.tickets.list({ pageSize: -1 })).toThrow(ValidationError)
  })

  it('attaches a file meant for a comment to the ticket where files cannot belong to comments, and says so', async () => {
    const driver = fakeDriver()
    const adapter = createTicketingAdapter(driver)
    const { record, warnings } = await adapter.attachments.upload('1', { filename: 'a.txt', data: new Uint8Array(3), commentId: 'c1' })
    expect((record.raw as { commentId?: string }).commentId).toBeUndefined()
    expect(warnings.map((warning) => warning.field)).toEqual(['commentId'])
  })

  it('derives the single external-id lookup from the batch one and offers the batch one', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    await adapter.tickets.create({ subject: 'Stamped', description: { text: '' }, externalId: 'rt:5' })
    expect((await adapter.tickets.findByExternalId('rt:5'))?.subject).toBe('Stamped')
    expect(await adapter.tickets.findByExternalId('rt:6')).toBeUndefined()
    expect(adapter.tickets.findAllByExternalIds).toBeDefined()
  })

  it('refuses calls after close and calls aborted before they start; closes the driver once', async () => {
    const close = vi.fn(async () => {})
    const adapter = createTicketingAdapter(fakeDriver({ close }))
    const controller = new AbortController()
    controller.abort()
    await expect(adapter.tickets.get('1', { signal: controller.signal })).rejects.toBeInstanceOf(AbortError)
    await adapter.close()
    await adapter.close()
    expect(close).toHaveBeenCalledTimes(1)
    await expect(adapter.tickets.get('1')).rejects.toBeInstanceOf(UnsupportedOperationError)
    await expect(adapter.tickets.list().toArray({ limit: 1 })).rejects.toBeInstanceOf(UnsupportedOperationError)
  })

  it('refuses to build an adapter whose capabilities promise an operation the driver lacks', () => {
    const driver = fakeDriver()
    expect(() => createTicketingAdapter({ ...driver, capabilities: { ...limitedCapabilities, relations: true } })).toThrow(/relations/)
  })

  it('passes silent to the driver only where the vendor can honour it, and adds extensions', async () => {
    const seen: DriverWriteContext[] = []
    const driver = fakeDriver()
    const capable = createTicketingAdapter(
      {
        ...driver,
        capabilities: { ...limitedCapabilities, silentWrites: true },
        tickets: { ...driver.tickets, create: async (input, context) => (seen.push(context), { record: ticketOf('1', input), warnings: [] }) },
      },
      { client: 'native' },
    )
    const { warnings } = await capable.tickets.create({ subject: 'Quiet', description: { text: '' } }, { silent: true, timeoutMs: 5 })
    expect(warnings).toEqual([])
    expect(seen).toEqual([{ timeoutMs: 5, silent: true }])
    expect(capable.client).toBe('native')
    expect(capable.title).toBe('Fake')
  })
})

describe('writeMany', () => {
  it('writes one by one where the driver has no batch form, keeping each item’s error', async () => {
    const write = {
      create: async (input: number) => (input < 0 ? Promise.reject(new Error('negative')) : { record: { id: String(input * 2) }, warnings: [] }),
    }
    const items = await writeMany(write, [1, -1, 3], { silent: false })
    expect(items.map((item) => (item.ok ? item.id : (item.error as Error).message))).toEqual(['2', 'negative', '6'])
  })
})

describe('batch writes', () => {
  it('answers every input in order: a bad input and a refused row fail alone, the others get ids and the standard warnings', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    const items = await adapter.tickets.createMany!(
      [
        { subject: 'first', description: { text: 'a', html: '<p>a</p>' } },
        { subject: '', description: { text: 'no subject' } },
        { subject: 'refused', description: { text: 'b' } },
        { subject: 'fourth', description: { text: 'c' }, createdAt: '2020-01-01T00:00:00.000Z' },
      ],
      { silent: true },
    )
    expect(items.map((item) => item.ok)).toEqual([true, false, false, true])
    expect(items[1]!.ok === false && ValidationError.isInstance(items[1]!.error)).toBe(true)
    expect(items[2]!.ok === false && (items[2]!.error as Error).message).toBe('refused by the vendor')
    const fields = items.map((item) => (item.ok ? item.warnings.map((warning) => warning.field).sort() : []))
    expect(fields[0]).toEqual(['description.html', 'silent'])
    // The stored time differs from the one asked for: warned, judged by the record the driver answered.
    expect(fields[3]).toEqual(['createdAt', 'silent'])
    expect(items[0]!.ok && items[3]!.ok && items[0]!.id !== items[3]!.id).toBe(true)
  })

  it('warns about a creation time by the capability when the receipt holds no record', async () => {
    const adapter = createTicketingAdapter(
      fakeDriver({
        comments: {
          listPage: async () => ({ items: [] }),
          createMany: async (inputs) => inputs.map((_input, index) => ({ ok: true as const, id: `c${index}`, warnings: [] })),
        },
      }),
    )
    const items = await adapter.comments.createMany!([
      { ticketId: '1', input: { body: { text: 'one' }, visibility: 'internal', createdAt: '2020-01-01T00:00:00.000Z' } },
      { ticketId: '2', input: { body: { text: 'two' }, visibility: 'internal' } },
    ])
    expect(items).toEqual([
      { ok: true, id: 'c0', warnings: [expect.objectContaining({ field: 'createdAt' })] },
      { ok: true, id: 'c1', warnings: [] },
    ])
  })

  it('falls back to single creates for an adapter without the batch form, stopping a ticket’s comments at its first failure', async () => {
    const adapter = createTicketingAdapter(fakeDriver())
    const sent: string[] = []
    const plain = {
      ...adapter,
      comments: {
        list: adapter.comments.list,
        create: async (ticketId: string, input: { body: { text: string } }) => {
          sent.push(`${ticketId}:${input.body.text}`)
          if (input.body.text === 'bad') throw new Error('refused')
          return { record: { id: `${ticketId}-${sent.length}` } as never, warnings: [] }
        },
      },
    }
    const items = await createCommentsInBatch(plain, [
      { ticketId: '1', input: { body: { text: 'bad' }, visibility: 'public' } },
      { ticketId: '2', input: { body: { text: 'fine' }, visibility: 'public' } },
      { ticketId: '1', input: { body: { text: 'after' }, visibility: 'public' } },
    ])
    expect(sent.sort()).toEqual(['1:bad', '2:fine'])
    expect(items.map((item) => (item.ok ? 'ok' : (item.error as Error).message))).toEqual(['refused', 'ok', 'refused'])
    const tickets = await createTicketsInBatch({ ...adapter, tickets: { ...adapter.tickets, createMany: undefined } }, [
      { subject: 'one', description: { text: '' } },
      { subject: 'refused', description: { text: '' } },
    ])
    expect(tickets.map((item) => item.ok)).toEqual([true, false])
  })
})
