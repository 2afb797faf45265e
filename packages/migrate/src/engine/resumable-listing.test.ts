import { NotFoundError, ServerError, type Ticket } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { resumableListing } from './resumable-listing'

const ticket = (id: string) => ({ id }) as Ticket

/** A listing of ids 1..5 that throws `error` after `failAfter` items, `times` times. */
function flakyListing(failAfter: number, times: number, error: Error) {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    listing: async function* () {
      calls += 1
      for (let id = 1; id <= 5; id += 1) {
        if (id > failAfter && calls <= times) throw error
        yield ticket(String(id))
      }
    },
  }
}

async function collect(iterable: AsyncIterable<Ticket>): Promise<string[]> {
  const ids: string[] = []
  for await (const item of iterable) ids.push(item.id)
  return ids
}

describe('resumableListing', () => {
  it('lists again after a transient failure, yielding each ticket once, and waits before each attempt', async () => {
    const flaky = flakyListing(2, 2, new ServerError('503 from the source', { status: 503 }))
    const waits: number[] = []
    const ids = await collect(resumableListing(flaky.listing, { rounds: 3, wait: async (event) => void waits.push(event.round) }))
    expect(ids).toEqual(['1', '2', '3', '4', '5'])
    expect(flaky.calls).toBe(3)
    expect(waits).toEqual([1, 2])
  })

  it('gives up after its rounds, and at once on a lasting failure', async () => {
    const transient = flakyListing(1, 10, new ServerError('503 from the source', { status: 503 }))
    await expect(collect(resumableListing(transient.listing, { rounds: 2, wait: async () => {} }))).rejects.toThrow('503')
    expect(transient.calls).toBe(3)
    const lasting = flakyListing(1, 10, new NotFoundError('no such queue', { status: 404 }))
    await expect(collect(resumableListing(lasting.listing, { rounds: 5, wait: async () => {} }))).rejects.toThrow('no such queue')
    expect(lasting.calls).toBe(1)
  })
})
