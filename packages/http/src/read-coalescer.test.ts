import { describe, expect, it } from 'vitest'
import { createReadCoalescer } from './read-coalescer'

interface Note {
  ticketID: number
  id: number
}

/** A fake `in` query over notes: records which keys each query asked for. */
function notesQuery(notes: Note[], delayMs = 5) {
  const queries: number[][] = []
  const load = async (ticketIds: number[]) => {
    queries.push(ticketIds)
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    return notes.filter((note) => ticketIds.includes(note.ticketID))
  }
  return { queries, load }
}

describe('createReadCoalescer', () => {
  const notes: Note[] = [
    { ticketID: 1, id: 10 },
    { ticketID: 2, id: 20 },
    { ticketID: 1, id: 11 },
    { ticketID: 3, id: 30 },
  ]

  it('answers listings asked together from one query, each with the rows of its own key', async () => {
    const query = notesQuery(notes)
    const coalescer = createReadCoalescer(query.load, (note: Note) => note.ticketID, { maxBatch: 500 })
    const [first, second, fourth, firstAgain] = await Promise.all([coalescer.read(1), coalescer.read(2), coalescer.read(4), coalescer.read(1)])
    expect(query.queries).toEqual([[1, 2, 4]])
    expect(first!.map((note) => note.id)).toEqual([10, 11])
    expect(firstAgain).toEqual(first)
    expect(second!.map((note) => note.id)).toEqual([20])
    expect(fourth).toEqual([])
    expect(coalescer.stats).toEqual({ requests: 1, records: 3 })
  })

  it('keeps to maxBatch keys a query, and gathers keys asked during a query into the next', async () => {
    const query = notesQuery(notes, 20)
    const coalescer = createReadCoalescer(query.load, (note: Note) => note.ticketID, { maxBatch: 2 })
    const first = coalescer.read(1)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await Promise.all([first, coalescer.read(2), coalescer.read(3), coalescer.read(4)])
    expect(query.queries).toEqual([[1], [2, 3], [4]])
  })

  it('fails every caller of a failed query, and the next query starts afresh', async () => {
    let fail = true
    const coalescer = createReadCoalescer(
      async (keys: number[]) => {
        if (fail) throw new Error('query refused')
        return notes.filter((note) => keys.includes(note.ticketID))
      },
      (note: Note) => note.ticketID,
      { maxBatch: 500 },
    )
    const results = await Promise.allSettled([coalescer.read(1), coalescer.read(2)])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect((await coalescer.read(3)).map((note) => note.id)).toEqual([30])
  })
})
