import { describe, expect, it } from 'vitest'
import { createSharedTicketReads } from './shared-ticket-reads'

/** A load that counts its calls and answers each ticket's id with the call number. */
function countingLoad() {
  const calls: string[][] = []
  return {
    calls,
    load: async (ticketIds: readonly string[]) => {
      calls.push([...ticketIds])
      return new Map(ticketIds.map((id) => [id, `${id}@${calls.length}`]))
    },
  }
}

describe('createSharedTicketReads', () => {
  it('reads the tickets once for all readers asking side by side', async () => {
    const { calls, load } = countingLoad()
    const reads = createSharedTicketReads({ readers: ['comments', 'files', 'time'], load })
    const [comments, files, time] = await Promise.all([
      reads.read(['1', '2'], 'comments', {}),
      reads.read(['1', '2'], 'files', {}),
      reads.read(['2', '1'], 'time', {}),
    ])
    expect(calls).toEqual([['1', '2']])
    expect([...comments]).toEqual([
      ['1', '1@1'],
      ['2', '2@1'],
    ])
    expect(files.get('2')).toBe('2@1')
    expect(time.get('1')).toBe('1@1')
  })

  it('reads afresh for a reader asking again, and only the tickets not held for the others', async () => {
    const { calls, load } = countingLoad()
    const reads = createSharedTicketReads({ readers: ['comments', 'time'], load })
    await reads.read(['1'], 'comments', {})
    const again = await reads.read(['1'], 'comments', {})
    expect(again.get('1')).toBe('1@2')
    // Ticket 1's second read is held for `time`; ticket 3 is read.
    const time = await reads.read(['1', '3'], 'time', {})
    expect(calls).toEqual([['1'], ['1'], ['3']])
    expect([...time]).toEqual([
      ['1', '1@2'],
      ['3', '3@3'],
    ])
  })

  it('lets a held value go once every reader took it, after its age, or past its capacity', async () => {
    let clock = 0
    const { calls, load } = countingLoad()
    const reads = createSharedTicketReads({ readers: ['comments', 'time'], load, maxAgeMs: 1_000, capacity: 2, now: () => clock })
    await reads.read(['1'], 'comments', {})
    await reads.read(['1'], 'time', {})
    // Both took it: a third ask by either reads again.
    await reads.read(['1'], 'time', {})
    expect(calls).toHaveLength(2)
    clock = 5_000
    await reads.read(['1'], 'comments', {})
    expect(calls).toHaveLength(3)
    await reads.read(['2', '3', '4'], 'comments', {})
    // Only the newest two are held: 1 and 2 were let go.
    await reads.read(['1', '2', '3', '4'], 'time', {})
    expect(calls.at(-1)).toEqual(['1', '2'])
  })

  it('gives every reader the failure of the read it shared, and keeps nothing of it', async () => {
    let fail = true
    const reads = createSharedTicketReads({
      readers: ['comments', 'time'],
      load: async (ticketIds: readonly string[]) => {
        if (fail) throw new Error('RT answered 500')
        return new Map(ticketIds.map((id) => [id, id]))
      },
    })
    const outcomes = await Promise.allSettled([reads.read(['1'], 'comments', {}), reads.read(['1'], 'time', {})])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect((await reads.read(['1'], 'time', {})).get('1')).toBe('1')
  })

  it('says so when the load leaves a ticket out', async () => {
    const reads = createSharedTicketReads({ readers: ['comments'], load: async () => new Map<string, string>() })
    await expect(reads.read(['7'], 'comments', {})).rejects.toThrow(/nothing for ticket 7/)
  })
})
