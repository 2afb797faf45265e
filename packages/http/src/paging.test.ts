import { InvalidResponseError } from '@ticketbridge/core'
import { describe, expect, it, vi } from 'vitest'
import { keysetPaging, pageNumberPaging } from './paging'

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

/** A Halo-like list endpoint: 1-based pages, silently capped at 100 rows, total in record_count. */
function cappedEndpoint(items: number[], options: { reportTotal: boolean }) {
  return vi.fn(async (pageNumber: number, pageSize: number) => {
    const size = Math.min(pageSize, 100)
    const start = (pageNumber - 1) * size
    return { items: items.slice(start, start + size), ...(options.reportTotal ? { total: items.length } : {}) }
  })
}

describe('pageNumberPaging', () => {
  it('lists all 717 items although the server silently caps pages at 100 of the 1000 asked for', async () => {
    const fetch = cappedEndpoint(numbers(717), { reportTotal: true })
    const listed = await pageNumberPaging({ fetch, requestedPageSize: 1_000 }).toArray({ limit: 10_000 })
    expect(listed).toEqual(numbers(717))
    // Eight pages (7 × 100 + 17) and not one request more: the total says when to stop.
    expect(fetch).toHaveBeenCalledTimes(8)
    expect(fetch.mock.calls.map(([page]) => page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('without a total, goes on past short pages until an empty one', async () => {
    const fetch = cappedEndpoint(numbers(250), { reportTotal: false })
    const listed = await pageNumberPaging({ fetch, requestedPageSize: 500 }).toArray({ limit: 10_000 })
    expect(listed).toEqual(numbers(250))
    expect(fetch).toHaveBeenCalledTimes(4)
  })

  it('starts from firstPage and yields pages as the server returned them', async () => {
    const fetch = vi.fn(async (pageNumber: number) => ({ items: pageNumber < 3 ? [pageNumber * 10, pageNumber * 10 + 1] : [], total: 4 }))
    const pages = []
    for await (const page of pageNumberPaging({ fetch, firstPage: 1, requestedPageSize: 2 }).pages()) pages.push(page.items)
    expect(pages).toEqual([
      [10, 11],
      [20, 21],
    ])
    const zeroBased = vi.fn(async (pageNumber: number) => ({ items: pageNumber === 0 ? ['only'] : [] }))
    await expect(pageNumberPaging({ fetch: zeroBased, firstPage: 0, requestedPageSize: 1 }).toArray({ limit: 10 })).resolves.toEqual(['only'])
    expect(zeroBased.mock.calls.map(([page]) => page)).toEqual([0, 1])
  })

  it('passes the call options to every fetch and stops early at the toArray limit', async () => {
    const controller = new AbortController()
    const fetch = vi.fn(async (pageNumber: number, _size: number, _options: unknown) => ({ items: [pageNumber], total: 100 }))
    const listed = await pageNumberPaging({ fetch, requestedPageSize: 1, callOptions: { signal: controller.signal } }).toArray({ limit: 3 })
    expect(listed).toEqual([1, 2, 3])
    expect(fetch).toHaveBeenCalledTimes(3)
    expect(fetch.mock.calls[0]?.[2]).toEqual({ signal: controller.signal })
  })

  it('fails instead of looping when a server ignores the page number', async () => {
    const fetch = vi.fn(async () => ({ items: ['same page'] }))
    await expect(pageNumberPaging({ fetch, requestedPageSize: 1, maximumPages: 50, vendor: 'halo' }).toArray({ limit: 10_000 })).rejects.toThrow(
      InvalidResponseError,
    )
    expect(fetch).toHaveBeenCalledTimes(50)
  })
})

describe('keysetPaging', () => {
  /** An Autotask-like query: items with id > after, ascending, at most 500 per page. */
  function keysetEndpoint(ids: number[]) {
    return vi.fn(async (afterKey: number | undefined) =>
      ids
        .filter((id) => afterKey === undefined || id > afterKey)
        .slice(0, 500)
        .map((id) => ({ id })),
    )
  }

  it('lists 1,234 items across pages of 500 by id > last', async () => {
    const ids = numbers(1_234).map((index) => index * 3) // gaps, as deleted records leave
    const fetch = keysetEndpoint(ids)
    const listed = await keysetPaging({ fetch, key: (item) => item.id }).toArray({ limit: 10_000 })
    expect(listed.map((item) => item.id)).toEqual(ids)
    expect(fetch.mock.calls.map(([after]) => after)).toEqual([undefined, 1_500, 3_000, 3_702])
  })

  it('saves the last request when told the full page size', async () => {
    const fetch = keysetEndpoint(numbers(1_234))
    const listed = await keysetPaging({ fetch, key: (item) => item.id, stopWhenShorterThan: 500 }).toArray({ limit: 10_000 })
    expect(listed).toHaveLength(1_234)
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('sees records inserted behind the cursor during the listing, without repeats', async () => {
    const ids = numbers(1_000)
    const fetch = vi.fn(async (afterKey: number | undefined) => {
      if (afterKey === 500) ids.push(1_001, 1_002) // created while we were listing
      return ids
        .filter((id) => afterKey === undefined || id > afterKey)
        .slice(0, 500)
        .map((id) => ({ id }))
    })
    const listed = await keysetPaging({ fetch, key: (item) => item.id }).toArray({ limit: 10_000 })
    expect(listed.map((item) => item.id)).toEqual(numbers(1_002))
  })

  it('fails on a page not sorted by key, instead of skipping items', async () => {
    const fetch = vi.fn(async (afterKey: number | undefined) => (afterKey === undefined ? [{ id: 5 }, { id: 3 }] : []))
    await expect(keysetPaging({ fetch, key: (item) => item.id, vendor: 'autotask' }).toArray({ limit: 100 })).rejects.toThrow(
      /sorted by key ascending/,
    )
  })

  it('fails when the server ignores the key filter', async () => {
    const fetch = vi.fn(async () => [{ id: 1 }, { id: 2 }])
    await expect(keysetPaging({ fetch, key: (item) => item.id }).toArray({ limit: 100 })).rejects.toThrow(InvalidResponseError)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('accepts string keys', async () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo']
    const fetch = vi.fn(async (afterKey: string | undefined) => names.filter((name) => afterKey === undefined || name > afterKey).slice(0, 2))
    await expect(keysetPaging({ fetch, key: (name) => name }).toArray({ limit: 100 })).resolves.toEqual(names)
  })
})
