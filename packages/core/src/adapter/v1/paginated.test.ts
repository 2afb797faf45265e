import { describe, expect, it } from 'vitest'
import { createPaginated, paginateArray } from './paginated'

describe('createPaginated', () => {
  const numbers = Array.from({ length: 250 }, (_, index) => index)

  it('iterates every item of every page, fetching lazily', async () => {
    const fetched: (string | undefined)[] = []
    const paginated = createPaginated(async (cursor) => {
      fetched.push(cursor)
      const start = Number(cursor ?? 0)
      const items = numbers.slice(start, start + 100)
      return start + 100 < numbers.length ? { items, nextCursor: String(start + 100) } : { items }
    })
    const seen: number[] = []
    for await (const item of paginated) {
      seen.push(item)
      if (item === 50) break
    }
    expect(fetched).toEqual([undefined])
    expect(await paginated.toArray({ limit: 1000 })).toEqual(numbers)
  })

  it('exposes pages and bounds toArray', async () => {
    const paginated = paginateArray(numbers, 100)
    const sizes: number[] = []
    for await (const page of paginated.pages()) sizes.push(page.items.length)
    expect(sizes).toEqual([100, 100, 50])
    expect(await paginated.toArray({ limit: 120 })).toHaveLength(120)
    await expect(paginated.toArray({ limit: -1 })).rejects.toThrow(RangeError)
    await expect(paginated.toArray({ limit: 10_000_000 })).rejects.toThrow(/iterate/)
  })

  it('stops a server that repeats a cursor', async () => {
    const paginated = createPaginated(async () => ({ items: [1], nextCursor: 'same' }))
    await expect(paginated.toArray({ limit: 100 })).rejects.toThrow(/twice/)
  })
})
