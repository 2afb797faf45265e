import { AbortError, ConfigurationError } from '@ticketbridge/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRateLimiter, type RateLimitEvent } from './rate-limiter'
import { getSharedRateLimiter, releaseSharedRateLimiter } from './shared-rate-limiter'
import { createSeededRandom } from './test-support/seeded-random'

// Every test drives time by hand: nothing here depends on how fast the machine is.
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** A task that takes `durationMs` of (fake) time and records its start. */
function timedTask(durationMs: number, starts: number[], tracker?: { current: number; max: number }, ends?: number[]) {
  return async () => {
    starts.push(Date.now())
    if (tracker) {
      tracker.current++
      tracker.max = Math.max(tracker.max, tracker.current)
    }
    await new Promise((resolve) => setTimeout(resolve, durationMs))
    ends?.push(Date.now())
    if (tracker) tracker.current--
    return durationMs
  }
}

/** Resolves when the given promises settle, advancing fake time as needed. */
async function drain<T>(promises: Promise<T>[]): Promise<PromiseSettledResult<T>[]> {
  const all = Promise.allSettled(promises)
  let done = false
  void all.then(() => {
    done = true
  })
  for (let step = 0; step < 100_000 && !done; step++) await vi.advanceTimersByTimeAsync(50)
  return all
}

/** The largest number of starts found in any half-open window [t, t + windowMs). */
function busiestWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((left, right) => left - right)
  let busiest = 0
  for (let index = 0; index < sorted.length; index++) {
    const windowStart = sorted[index] as number
    let count = 0
    for (let other = index; other < sorted.length && (sorted[other] as number) < windowStart + windowMs; other++) count++
    busiest = Math.max(busiest, count)
  }
  return busiest
}

describe('createRateLimiter', () => {
  it('never runs more than a lane allows, nor more than the overall cap', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 4 }, write: { concurrency: 2 } }, maxConcurrency: 5 })
    const random = createSeededRandom(42)
    const starts: number[] = []
    const read = { current: 0, max: 0 }
    const write = { current: 0, max: 0 }
    const overall = { current: 0, max: 0 }
    const both = (lane: typeof read) => ({
      get current() {
        return lane.current
      },
      set current(value: number) {
        overall.current += value - lane.current
        overall.max = Math.max(overall.max, overall.current)
        lane.current = value
      },
      get max() {
        return lane.max
      },
      set max(value: number) {
        lane.max = value
      },
    })
    const tasks = Array.from({ length: 50 }, (_, index) => {
      const lane = index % 3 === 0 ? 'write' : 'read'
      const duration = 10 + Math.floor(random() * 490)
      return limiter.schedule(lane, timedTask(duration, starts, both(lane === 'read' ? read : write)))
    })
    expect(limiter.queued + limiter.inFlight).toBe(50)
    const results = await drain(tasks)
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true)
    expect(starts).toHaveLength(50)
    expect(read.max).toBe(4)
    expect(write.max).toBe(2)
    expect(overall.max).toBe(5)
    expect(limiter.inFlight).toBe(0)
    expect(limiter.queued).toBe(0)
  })

  it('never lets more than limit tasks into any window, and waits exactly until the oldest answer leaves', async () => {
    const events: RateLimitEvent[] = []
    const limiter = createRateLimiter({
      lanes: { read: { concurrency: 3 }, write: { concurrency: 3 } },
      budgets: [
        { name: 'rolling', limit: 5, windowMs: 1_000 },
        { name: 'long', limit: 12, windowMs: 10_000 },
      ],
      onRateLimit: (event) => events.push(event),
    })
    const random = createSeededRandom(7)
    const starts: number[] = []
    const ends: number[] = []
    const origin = Date.now()
    const tasks = Array.from({ length: 30 }, (_, index) =>
      limiter.schedule(index % 2 === 0 ? 'read' : 'write', timedTask(1 + Math.floor(random() * 30), starts, undefined, ends)),
    )
    await drain(tasks)
    expect(starts).toHaveLength(30)
    // A vendor counts a request when it arrives, anywhere from its start to its answer: both ends keep to the budget.
    expect(busiestWindow(starts, 1_000)).toBeLessThanOrEqual(5)
    expect(busiestWindow(ends, 1_000)).toBeLessThanOrEqual(5)
    expect(busiestWindow(starts, 10_000)).toBeLessThanOrEqual(12)
    // The first five start at once; the sixth exactly a window after the first answer came back.
    expect(starts.slice(0, 5).every((start) => start === origin)).toBe(true)
    expect(starts[5]).toBe(Math.min(...ends.slice(0, 5)) + 1_000)
    expect(events[0]).toEqual({ budget: 'rolling', waitMs: 1_000, lane: expect.any(String), reason: 'budget' })
    expect(events.some((event) => event.budget === 'long')).toBe(true)
    const now = Date.now()
    expect(limiter.used('long')).toBe(ends.filter((end) => end > now - 10_000).length)
  })

  it('keeps lanes independent: a saturated read lane does not hold up writes', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 2 }, write: { concurrency: 1 } } })
    const never = () => new Promise<never>(() => undefined)
    void limiter.schedule('read', never)
    void limiter.schedule('read', never)
    void limiter.schedule('read', never)
    await vi.advanceTimersByTimeAsync(0)
    expect(limiter.inFlight).toBe(2)
    expect(limiter.queued).toBe(1)
    await expect(limiter.schedule('write', async () => 'written')).resolves.toBe('written')
  })

  it('removes a task aborted while it waits for its lane, and rejects it with AbortError', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 1 } } })
    let release: () => void = () => undefined
    const first = limiter.schedule('read', () => new Promise<string>((resolve) => (release = () => resolve('first'))))
    const controller = new AbortController()
    const ran = vi.fn(async () => 'aborted task ran')
    const aborted = limiter.schedule('read', ran, { signal: controller.signal })
    const third = limiter.schedule('read', async () => 'third')
    await vi.advanceTimersByTimeAsync(0)
    expect(limiter.queued).toBe(2)
    controller.abort()
    await expect(aborted).rejects.toSatisfy(AbortError.isInstance)
    expect(limiter.queued).toBe(1)
    release()
    await expect(first).resolves.toBe('first')
    await expect(third).resolves.toBe('third')
    expect(ran).not.toHaveBeenCalled()
  })

  it('removes a task aborted while it waits for budget, and lets the next one have its turn', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 5 } }, budgets: [{ name: 'tight', limit: 1, windowMs: 60_000 }] })
    await limiter.schedule('read', async () => 'spent')
    const controller = new AbortController()
    const ran = vi.fn(async () => 'should not run')
    const waiting = limiter.schedule('read', ran, { signal: controller.signal })
    const next = limiter.schedule('read', async () => 'next')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(limiter.queued).toBe(2)
    controller.abort()
    await expect(waiting).rejects.toSatisfy(AbortError.isInstance)
    expect(limiter.queued).toBe(1)
    await vi.advanceTimersByTimeAsync(50_000)
    await expect(next).resolves.toBe('next')
    expect(ran).not.toHaveBeenCalled()
    expect(limiter.used('tight')).toBe(1)
  })

  it('rejects at once a task whose signal already fired', async () => {
    const limiter = createRateLimiter()
    const ran = vi.fn(async () => 'ran')
    await expect(limiter.schedule('read', ran, { signal: AbortSignal.abort() })).rejects.toSatisfy(AbortError.isInstance)
    expect(ran).not.toHaveBeenCalled()
  })

  it('does not free a running task slot when its signal fires: the task settles itself', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 1 } } })
    const controller = new AbortController()
    let finish: () => void = () => undefined
    const running = limiter.schedule('read', () => new Promise<string>((resolve) => (finish = () => resolve('finished'))), {
      signal: controller.signal,
    })
    const second = vi.fn(async () => 'second')
    const queued = limiter.schedule('read', second)
    await vi.advanceTimersByTimeAsync(0)
    controller.abort()
    await vi.advanceTimersByTimeAsync(0)
    expect(second).not.toHaveBeenCalled()
    expect(limiter.inFlight).toBe(1)
    finish()
    await expect(running).resolves.toBe('finished')
    await expect(queued).resolves.toBe('second')
  })

  it('holds every lane after pauseUntil and penalize, and reports the server throttle', async () => {
    const events: RateLimitEvent[] = []
    const limiter = createRateLimiter({ onRateLimit: (event) => events.push(event) })
    const pauseStart = Date.now()
    limiter.pauseUntil(pauseStart + 5_000)
    const starts: number[] = []
    const read = limiter.schedule('read', timedTask(1, starts))
    const write = limiter.schedule('write', timedTask(1, starts))
    await vi.advanceTimersByTimeAsync(4_999)
    expect(starts).toEqual([])
    await drain([read, write])
    expect(starts).toEqual([pauseStart + 5_000, pauseStart + 5_000])
    expect(events).toContainEqual({ budget: 'server', waitMs: 5_000, lane: 'read', reason: 'server-throttle' })

    // A shorter pause never shortens a longer one.
    const penaltyStart = Date.now()
    limiter.penalize(3_000)
    limiter.pauseUntil(Date.now() + 1_000)
    expect(limiter.pausedUntil).toBe(Date.now() + 3_000)
    const later: number[] = []
    const after = limiter.schedule('read', timedTask(1, later))
    await drain([after])
    expect(later).toEqual([penaltyStart + 3_000])
  })

  it('resyncs a budget from the vendor count with setUsage', async () => {
    const limiter = createRateLimiter({ budgets: [{ name: 'hourly', limit: 10, windowMs: 3_600_000 }] })
    await limiter.schedule('read', async () => undefined)
    limiter.setUsage('hourly', 10)
    expect(limiter.used('hourly')).toBe(10)
    const ran = vi.fn(async () => 'ran')
    const waiting = limiter.schedule('read', ran)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(ran).not.toHaveBeenCalled()
    // The vendor says the window emptied out (other integrations' requests expired).
    limiter.setUsage('hourly', 2)
    await vi.advanceTimersByTimeAsync(0)
    await expect(waiting).resolves.toBe('ran')
    expect(limiter.used('hourly')).toBe(3)
    limiter.setUsage('hourly', 3, { limit: 500 })
    await expect(limiter.schedule('read', async () => 'more')).resolves.toBe('more')
  })

  it('charges a task its weight', async () => {
    const limiter = createRateLimiter({ budgets: [{ name: 'budget', limit: 10, windowMs: 1_000 }] })
    await limiter.schedule('write', async () => undefined, { weight: 4 })
    expect(limiter.used('budget')).toBe(4)
    await expect(limiter.schedule('write', async () => undefined, { weight: 11 })).rejects.toThrow(ConfigurationError)
  })

  it('rejects an unknown lane or budget with a ConfigurationError', async () => {
    const limiter = createRateLimiter()
    await expect(limiter.schedule('bulk', async () => undefined)).rejects.toThrow(/Unknown rate-limit lane bulk/)
    expect(() => limiter.used('missing')).toThrow(ConfigurationError)
    expect(() => createRateLimiter({ lanes: { read: { concurrency: 0 } } })).toThrow(/lanes.read.concurrency/)
  })

  it('passes a task failure through and frees its slot', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 1 } } })
    const failure = new Error('task failed')
    await expect(
      limiter.schedule('read', async () => {
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(limiter.inFlight).toBe(0)
    await expect(limiter.schedule('read', async () => 'next')).resolves.toBe('next')
    // A task that throws before it returns a promise frees its slot too.
    const thrown = limiter.schedule('read', () => {
      throw failure
    })
    await expect(thrown).rejects.toBe(failure)
    expect(limiter.inFlight).toBe(0)
  })

  it('lets a waiting task of a lane with room go before an older one whose lane is full', async () => {
    const limiter = createRateLimiter({ lanes: { read: { concurrency: 1 }, write: { concurrency: 1 } } })
    let release: () => void = () => undefined
    const order: string[] = []
    const first = limiter.schedule('read', () => new Promise<void>((resolve) => (release = resolve)))
    const secondRead = limiter.schedule('read', async () => void order.push('second read'))
    const write = limiter.schedule('write', async () => void order.push('write'))
    await vi.advanceTimersByTimeAsync(0)
    expect(order).toEqual(['write'])
    expect(limiter.queued).toBe(1)
    release()
    await Promise.all([first, secondRead, write])
    expect(order).toEqual(['write', 'second read'])
  })
})

describe('getSharedRateLimiter', () => {
  it('returns the same limiter for the same key, so one tenant shares one budget', async () => {
    const key = `test-tenant-${Math.random()}`
    const source = getSharedRateLimiter(key, { budgets: [{ name: 'hourly', limit: 100, windowMs: 3_600_000 }] })
    const target = getSharedRateLimiter(key, { budgets: [{ name: 'other', limit: 1, windowMs: 1 }] })
    expect(target).toBe(source)
    await source.schedule('read', async () => undefined)
    await target.schedule('write', async () => undefined)
    expect(source.used('hourly')).toBe(2)
    expect(getSharedRateLimiter(`${key}-else`)).not.toBe(source)
    expect(releaseSharedRateLimiter(key)).toBe(true)
    expect(getSharedRateLimiter(key)).not.toBe(source)
    releaseSharedRateLimiter(key)
    releaseSharedRateLimiter(`${key}-else`)
  })
})
