/**
 * The catalogs the port keeps (queues, custom fields): read once, read again on `refresh`, and a
 * refresh asked for while a read is under way joins it, so lookups asked together cost one read.
 */
import { describe, expect, it } from 'vitest'
import { createRtSimulator } from '../../simulator/index'
import { createRtAdapter } from '../rt-adapter'
import { createRtCatalog } from './rt-catalog'

/** A loader that answers 1, 2, 3… and fails where told, counting its reads. */
function countingLoader(failing: ReadonlySet<number> = new Set()) {
  let reads = 0
  const load = async () => {
    reads += 1
    const read = reads
    await new Promise((resolve) => setTimeout(resolve, 5))
    if (failing.has(read)) throw new Error(`read ${read} failed`)
    return read
  }
  return { load, reads: () => reads }
}

describe('createRtCatalog', () => {
  it('reads once and keeps what it read', async () => {
    const loader = countingLoader()
    const catalog = createRtCatalog(loader.load)
    expect(await Promise.all([catalog({}), catalog({})])).toEqual([1, 1])
    expect(await catalog({})).toBe(1)
    expect(loader.reads()).toBe(1)
  })

  it('joins refreshes asked for while a read is under way, and reads again once it is done', async () => {
    const loader = countingLoader()
    const catalog = createRtCatalog(loader.load)
    expect(await Promise.all([catalog({}, true), catalog({}, true), catalog({}, true)])).toEqual([1, 1, 1])
    expect(loader.reads()).toBe(1)
    expect(await catalog({}, true)).toBe(2)
    expect(await catalog({})).toBe(2)
  })

  it('keeps the last good copy when a refresh fails, and reads again after a failed first read', async () => {
    const loader = countingLoader(new Set([1, 3]))
    const catalog = createRtCatalog(loader.load)
    await expect(catalog({})).rejects.toThrow('read 1 failed')
    expect(await catalog({})).toBe(2)
    await expect(catalog({}, true)).rejects.toThrow('read 3 failed')
    expect(await catalog({})).toBe(2)
  })
})

describe.each(['rest2', 'rest1'] as const)('the queue list of lookups asked together (%s, the simulator)', (api) => {
  it('is read once', async () => {
    const simulator = createRtSimulator()
    const served = await simulator.serve()
    const adapter = createRtAdapter({ api, baseUrl: served.url, auth: { token: simulator.credentials.token }, retry: { maxRetries: 0 } })
    try {
      // As a migration's preflight asks: statuses, queues and ticket types each come from the queue list.
      await Promise.all([adapter.lookups.statuses(), adapter.lookups.queues(), adapter.lookups.ticketTypes(), adapter.lookups.customFields()])
      const queueReads = served.requests.filter((request) => /\/queues\/all|\/search\/queue/.test(new URL(request.url).pathname))
      expect(queueReads).toHaveLength(1)
    } finally {
      await adapter.close()
      await served.close()
    }
  })
})
