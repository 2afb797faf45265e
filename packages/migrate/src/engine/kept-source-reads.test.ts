import type { Page, Ticket } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { KeptSourceReads } from './kept-source-reads'

/** A page of `count` stand-in tickets: only the count matters here. */
const page = (count: number, start = 0): Page<Ticket> => ({
  items: Array.from({ length: count }, (_, index) => ({ id: String(start + index) }) as Ticket),
})

describe('KeptSourceReads', () => {
  it('hands the listing to one run, then lists again', () => {
    const kept = new KeptSourceReads()
    kept.start(0)
    kept.keepPage(page(100))
    kept.keepPage(page(20, 100))
    expect(kept.takeListing(1_000)?.map((each) => each.items.length)).toEqual([100, 20])
    expect(kept.takeListing(1_000)).toBeUndefined()
  })

  it('drops a listing too long to hold and one read too long ago', () => {
    const long = new KeptSourceReads()
    long.start(0)
    for (let start = 0; start < 6_000; start += 500) long.keepPage(page(500, start))
    expect(long.takeListing(0)).toBeUndefined()

    const old = new KeptSourceReads()
    old.start(0)
    old.keepPage(page(10))
    old.keepChildren('comments', new Map([['1', ['a comment']]]))
    expect(old.takeListing(16 * 60_000)).toBeUndefined()
    expect(old.takeChildren('comments', ['1'], 16 * 60_000)).toEqual({ kept: new Map(), unread: ['1'] })
  })

  it('gives each ticket kept records once and names the tickets it holds nothing for', () => {
    const kept = new KeptSourceReads()
    kept.start(0)
    kept.keepChildren(
      'comments',
      new Map([
        ['1', ['first']],
        ['2', []],
      ]),
    )
    expect(kept.takeChildren('comments', ['1', '2', '3'], 0)).toEqual({
      kept: new Map([
        ['1', ['first']],
        ['2', []],
      ]),
      unread: ['3'],
    })
    expect(kept.takeChildren('comments', ['1', '2'], 0)).toEqual({ kept: new Map(), unread: ['1', '2'] })
    expect(kept.takeChildren('files', ['1'], 0)).toEqual({ kept: new Map(), unread: ['1'] })
  })

  it('forgets an earlier preflight when a new one starts', () => {
    const kept = new KeptSourceReads()
    kept.start(0)
    kept.keepChildren('files', new Map([['1', ['a file']]]))
    kept.start(0)
    expect(kept.takeChildren('files', ['1'], 0).unread).toEqual(['1'])
  })
})
