import { AbortError, ServerError, ValidationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { createWriteCoalescer } from './write-coalescer'

/** A fake array endpoint: records every batch, answers each record with its id, refuses what `refuse` says. */
function arrayEndpoint(options: { delayMs?: number; refuse?: (batch: string[]) => unknown } = {}) {
  const batches: string[][] = []
  const send = async (inputs: string[]) => {
    const refusal = options.refuse?.(inputs)
    if (refusal) throw refusal
    batches.push(inputs)
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5))
    return inputs.map((input) => ({ saved: input }))
  }
  return { batches, send }
}

describe('createWriteCoalescer', () => {
  it('sends writes made together as one array request, each caller getting its own record', async () => {
    const endpoint = arrayEndpoint()
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 100 })
    const results = await Promise.all(['a', 'b', 'c'].map((input) => coalescer.write(input)))
    expect(results).toEqual([{ saved: 'a' }, { saved: 'b' }, { saved: 'c' }])
    expect(endpoint.batches).toEqual([['a', 'b', 'c']])
    expect(coalescer.stats).toEqual({ requests: 1, records: 3 })
  })

  it('gathers writes that arrive while a batch is in flight into the next one, and never exceeds maxBatch', async () => {
    const endpoint = arrayEndpoint({ delayMs: 30 })
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 3 })
    const first = coalescer.write('first')
    await new Promise((resolve) => setTimeout(resolve, 5))
    const later = ['b', 'c', 'd', 'e'].map((input) => coalescer.write(input))
    await Promise.all([first, ...later])
    expect(endpoint.batches).toEqual([['first'], ['b', 'c', 'd'], ['e']])
  })

  it('keeps each request under maxBytes, weighing records with sizeOf; a record over it alone leaves on its own', async () => {
    const endpoint = arrayEndpoint()
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 10, maxBytes: 10, sizeOf: (input: string) => input.length })
    await Promise.all(['aaaa', 'bbbb', 'cc', 'dddd', 'eeeeeeeeeeeeeeee', 'f'].map((input) => coalescer.write(input)))
    expect(endpoint.batches).toEqual([['aaaa', 'bbbb', 'cc'], ['dddd'], ['eeeeeeeeeeeeeeee'], ['f']])
  })

  it('splits a batch refused before sending, so one bad record fails alone', async () => {
    const bad = new ValidationError('Invalid comment: note: empty. Nothing was sent.', {
      status: 0,
      vendor: 'test',
      issues: [{ field: 'note', message: 'empty' }],
    })
    const endpoint = arrayEndpoint({ refuse: (batch) => (batch.includes('bad') ? bad : undefined) })
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 100 })
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((input) => coalescer.write(input)))
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(endpoint.batches).toEqual([['a'], ['c']])
    expect(coalescer.stats).toEqual({ requests: 3, records: 3 })
  })

  it('splits a batch the vendor refused as invalid without saying which record, so the others go through', async () => {
    const refused = new ValidationError('Halo answered 400: Invalid site', { status: 400, vendor: 'test' })
    const endpoint = arrayEndpoint({ refuse: (batch) => (batch.includes('bad') ? refused : undefined) })
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 100 })
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((input) => coalescer.write(input)))
    expect(results).toEqual([
      { status: 'fulfilled', value: { saved: 'a' } },
      { status: 'rejected', reason: refused },
      { status: 'fulfilled', value: { saved: 'c' } },
    ])
    expect(endpoint.batches).toEqual([['a'], ['c']])
  })

  it('fails every record of a batch that failed at the vendor: some may have been stored', async () => {
    const failure = new ServerError('Halo answered 500', { status: 500, vendor: 'test' })
    const endpoint = arrayEndpoint({ refuse: () => failure })
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 100 })
    const results = await Promise.allSettled(['a', 'b'].map((input) => coalescer.write(input)))
    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ])
  })

  it('releases an aborted caller at once, and leaves an aborted write out of a batch not yet sent', async () => {
    const endpoint = arrayEndpoint({ delayMs: 30 })
    const coalescer = createWriteCoalescer(endpoint.send, { maxBatch: 100 })
    const first = coalescer.write('first')
    await new Promise((resolve) => setTimeout(resolve, 5))
    const controller = new AbortController()
    const aborted = coalescer.write('aborted', { signal: controller.signal })
    const kept = coalescer.write('kept')
    controller.abort()
    await expect(aborted).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error))
    await Promise.all([first, kept])
    expect(endpoint.batches).toEqual([['first'], ['kept']])
  })
})
