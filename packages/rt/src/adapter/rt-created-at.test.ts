/**
 * A ticket's creation time on both RT builds in the wild: Debian's request-tracker5 up to
 * 5.0.3+dfsg-3~deb12u6 keeps a `Created` given to REST2's create, deb12u7 (start-rt's today)
 * drops it. Both report version 5.0.3, so the adapter sends `Created` and the runtime warns by
 * comparing the time RT stored with the one asked for.
 */
import type { TicketingAdapterV1 } from '@ticketbridge/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRtSimulator } from '../simulator/index'
import { createRtAdapter } from './rt-adapter'

const environment = process.env
const retry = { maxRetries: 1, baseDelayMs: 10 }
const original = '2020-01-02T03:04:05.000Z'

const builds = [
  { name: 'an RT that keeps Created (deb12u6 and earlier, simulated)', keepsCreatedOnCreate: true },
  { name: 'an RT that drops Created (deb12u7, simulated)', keepsCreatedOnCreate: false },
]

for (const build of builds) {
  describe(`RT REST2 creation time on ${build.name}`, () => {
    let close: () => Promise<void>
    let adapter: TicketingAdapterV1
    beforeAll(async () => {
      const simulator = createRtSimulator({ keepsCreatedOnCreate: build.keepsCreatedOnCreate })
      const served = await simulator.serve()
      adapter = createRtAdapter({ baseUrl: served.url, auth: { token: simulator.credentials.token }, retry })
      close = () => served.close()
    })
    afterAll(async () => {
      await adapter?.close()
      await close?.()
    })

    it('declares the creation time not settable, returns what RT stored and warns only when RT did not keep it', async () => {
      expect(adapter.capabilities.tickets.setCreatedAt).toBe(false)
      const before = Date.now()
      const messages = new Set<string>()
      // `pending` is set after the create (RT creates only new/open/resolved): the check still runs.
      for (const status of [undefined, { category: 'pending' as const }]) {
        const { record, warnings } = await adapter.tickets.create({
          subject: 'import',
          description: { text: 'x' },
          createdAt: original,
          ...(status ? { status } : {}),
        })
        const createdAtWarnings = warnings.filter((warning) => warning.field === 'createdAt')
        expect((await adapter.tickets.get(record.id)).createdAt).toBe(record.createdAt)
        if (build.keepsCreatedOnCreate) {
          expect(record.createdAt).toBe(original)
          expect(createdAtWarnings).toEqual([])
        } else {
          expect(Date.parse(record.createdAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
          expect(record.createdAt).not.toBe(original)
          expect(createdAtWarnings).toEqual([expect.objectContaining({ type: 'unsupported', message: expect.stringContaining('time of import') })])
          for (const warning of createdAtWarnings) messages.add(warning.message)
        }
      }
      if (build.keepsCreatedOnCreate) {
        // Compared to the second: RT stores whole seconds.
        const { warnings } = await adapter.tickets.create({ subject: 'import', description: { text: 'x' }, createdAt: '2020-01-02T03:04:05.678Z' })
        expect(warnings.filter((warning) => warning.field === 'createdAt')).toEqual([])
      }
      // The same words for every ticket, so a report groups them into one line.
      expect(messages.size).toBe(build.keepsCreatedOnCreate ? 0 : 1)
    })
  })
}

/** The real RT of CI is one of the builds above: whichever it is, record and warning agree. */
describe.skipIf(!environment.RT_URL)('RT REST2 creation time on the real RT', { timeout: 60_000 }, () => {
  let adapter: TicketingAdapterV1
  beforeAll(() => {
    adapter = createRtAdapter({ baseUrl: environment.RT_URL!, auth: { token: environment.RT_TOKEN! }, retry })
  })
  afterAll(() => adapter?.close())

  it('returns the creation time RT stored, with a warning exactly when it is not the one asked for', async () => {
    const { record, warnings } = await adapter.tickets.create({
      subject: `created-at ${Date.now().toString(36)}`,
      description: { text: 'x' },
      createdAt: original,
    })
    const kept = record.createdAt === original
    expect((await adapter.tickets.get(record.id)).createdAt).toBe(record.createdAt)
    expect(warnings.filter((warning) => warning.field === 'createdAt').length).toBe(kept ? 0 : 1)
    if (!kept) expect(Math.abs(Date.parse(record.createdAt) - Date.now())).toBeLessThan(10 * 60_000)
  })
})
