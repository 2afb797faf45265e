import { AbortError } from '@ticketbridge/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { RateLimitEvent } from './rate-limiter'
import type { RollingWindowBudgetOptions } from './rolling-window-budget'
import { coordinateSharedBudgets, type SharedBudgetCoordinator } from './shared-budget-coordinator'
import { getSharedRateLimiter, releaseSharedRateLimiter } from './shared-rate-limiter'

interface PendingAcquire {
  key: string
  weight: number
  admit: () => void
}

/**
 * An in-memory coordinator that admits nothing by itself while `holding`: the test decides when
 * each acquire resolves, and sees every call and release.
 */
class FakeCoordinator implements SharedBudgetCoordinator {
  readonly acquires: { key: string; budget: RollingWindowBudgetOptions; weight: number }[] = []
  readonly releases: string[] = []
  readonly pending: PendingAcquire[] = []
  closed = false

  constructor(
    private holding: boolean,
    /** What `onWait` is told when an acquire has to wait. */
    private readonly waitMs = 500,
  ) {}

  acquire(
    key: string,
    budget: RollingWindowBudgetOptions,
    weight: number,
    options: { signal?: AbortSignal; onWait?: (waitMs: number) => void } = {},
  ): Promise<() => void> {
    this.acquires.push({ key, budget, weight })
    const release = (): void => {
      this.releases.push(key)
    }
    if (!this.holding) return Promise.resolve(release)
    return new Promise((resolve, reject) => {
      const { signal } = options
      const pending: PendingAcquire = {
        key,
        weight,
        admit: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve(release)
        },
      }
      const onAbort = (): void => {
        this.pending.splice(this.pending.indexOf(pending), 1)
        reject(new AbortError('cancelled while waiting for the shared budget'))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.pending.push(pending)
      options.onWait?.(this.waitMs)
    })
  }

  /** Admits every waiting acquire, and those to come. */
  open(): void {
    this.holding = false
    for (const pending of this.pending.splice(0)) pending.admit()
  }

  async close(): Promise<void> {
    this.closed = true
  }
}

const budget: RollingWindowBudgetOptions = { name: 'rolling-window', limit: 100, windowMs: 60_000 }
const keys: string[] = []

/** A limiter under a fresh key, created while `coordinator` is set (or none). */
function sharedLimiter(coordinator: SharedBudgetCoordinator | undefined, budgets = [budget], onRateLimit?: (event: RateLimitEvent) => void) {
  const key = `test:coordinated:${Math.random()}`
  keys.push(key)
  coordinateSharedBudgets(coordinator)
  return { key, limiter: getSharedRateLimiter(key, { budgets, ...(onRateLimit ? { onRateLimit } : {}) }) }
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setTimeout(resolve, 0))
}

afterEach(() => {
  coordinateSharedBudgets(undefined)
  for (const key of keys.splice(0)) releaseSharedRateLimiter(key)
})

describe('getSharedRateLimiter with a shared budget coordinator', () => {
  it('runs a task only once the coordinator admits it, under the limiter key and the budget name', async () => {
    const coordinator = new FakeCoordinator(true)
    const { key, limiter } = sharedLimiter(coordinator)
    const started: number[] = []
    const tasks = [1, 2, 3].map((value) => limiter.schedule('read', async () => started.push(value), { weight: 2 }))
    await settle()
    expect(started).toEqual([])
    expect(coordinator.acquires).toEqual(Array.from({ length: 3 }, () => ({ key: `${key}#rolling-window`, budget, weight: 2 })))
    // Waiting on the coordinator happens inside the local slot: the local limiter counts them running.
    expect(limiter.inFlight).toBe(3)
    coordinator.open()
    await Promise.all(tasks)
    expect(started.sort()).toEqual([1, 2, 3])
    expect(coordinator.releases).toHaveLength(3)
    expect(limiter.inFlight).toBe(0)
  })

  it('releases after a task succeeds and after it throws, never before it ends', async () => {
    const coordinator = new FakeCoordinator(false)
    const { limiter } = sharedLimiter(coordinator)
    let finish: (value: string) => void = () => undefined
    const running = limiter.schedule('write', () => new Promise<string>((resolve) => (finish = resolve)))
    await settle()
    expect(coordinator.releases).toHaveLength(0)
    finish('done')
    await expect(running).resolves.toBe('done')
    expect(coordinator.releases).toHaveLength(1)
    const failing = limiter.schedule('write', async () => {
      throw new Error('vendor said no')
    })
    await expect(failing).rejects.toThrow('vendor said no')
    expect(coordinator.releases).toHaveLength(2)
  })

  it('releases a task that throws before returning a promise', async () => {
    const coordinator = new FakeCoordinator(false)
    const { limiter } = sharedLimiter(coordinator)
    const task = (): Promise<never> => {
      throw new Error('thrown at once')
    }
    await expect(limiter.schedule('read', task)).rejects.toThrow('thrown at once')
    expect(coordinator.releases).toHaveLength(1)
    expect(limiter.inFlight).toBe(0)
  })

  it('rejects with AbortError when the signal fires while waiting, and never runs the task', async () => {
    const coordinator = new FakeCoordinator(true)
    const { limiter } = sharedLimiter(coordinator)
    const controller = new AbortController()
    let ran = false
    const waiting = limiter.schedule(
      'read',
      async () => {
        ran = true
      },
      { signal: controller.signal },
    )
    await settle()
    expect(coordinator.pending).toHaveLength(1)
    controller.abort()
    await expect(waiting).rejects.toSatisfy((error) => AbortError.isInstance(error))
    coordinator.open()
    await settle()
    expect(ran).toBe(false)
    expect(coordinator.pending).toHaveLength(0)
    expect(coordinator.releases).toHaveLength(0)
    // Its local slot is free again.
    expect(limiter.inFlight).toBe(0)
  })

  it('does not ask the coordinator for a task whose signal already fired', async () => {
    const coordinator = new FakeCoordinator(false)
    const { limiter } = sharedLimiter(coordinator)
    const controller = new AbortController()
    controller.abort()
    await expect(limiter.schedule('read', async () => 1, { signal: controller.signal })).rejects.toSatisfy((error) => AbortError.isInstance(error))
    expect(coordinator.acquires).toHaveLength(0)
  })

  it("tells the task's and the limiter's onRateLimit that it waits for the budget, once per wait", async () => {
    const coordinator = new FakeCoordinator(true, 750)
    const limiterEvents: RateLimitEvent[] = []
    const taskEvents: RateLimitEvent[] = []
    const { limiter } = sharedLimiter(coordinator, [budget], (event) => limiterEvents.push(event))
    const waiting = limiter.schedule('write', async () => 'sent', { onRateLimit: (event) => taskEvents.push(event) })
    await settle()
    const expected: RateLimitEvent = { budget: 'rolling-window', waitMs: 750, lane: 'write', reason: 'budget' }
    expect(limiterEvents).toEqual([expected])
    expect(taskEvents).toEqual([expected])
    coordinator.open()
    await expect(waiting).resolves.toBe('sent')
  })

  it('takes every budget in name order and gives back the first when waiting for the second is aborted', async () => {
    const coordinator = new FakeCoordinator(false)
    const budgets = [
      { name: 'rolling-hour', limit: 1_000, windowMs: 3_600_000 },
      { name: 'rolling-5-minutes', limit: 300, windowMs: 300_000 },
    ]
    const { key, limiter } = sharedLimiter(coordinator, budgets)
    await limiter.schedule('read', async () => undefined)
    expect(coordinator.acquires.map((acquire) => acquire.key)).toEqual([`${key}#rolling-5-minutes`, `${key}#rolling-hour`])
    expect(coordinator.releases).toEqual([`${key}#rolling-5-minutes`, `${key}#rolling-hour`])

    // Hold the second budget only: the first is admitted, then the wait for the second is aborted.
    const holdSecond: SharedBudgetCoordinator = {
      acquire: (acquireKey, acquireBudget, weight, options) =>
        acquireKey.endsWith('#rolling-hour')
          ? new FakeCoordinator(true).acquire(acquireKey, acquireBudget, weight, options)
          : coordinator.acquire(acquireKey, acquireBudget, weight, options),
      close: async () => undefined,
    }
    const second = sharedLimiter(holdSecond, budgets)
    const controller = new AbortController()
    const waiting = second.limiter.schedule('read', async () => undefined, { signal: controller.signal })
    await settle()
    controller.abort()
    await expect(waiting).rejects.toSatisfy((error) => AbortError.isInstance(error))
    expect(coordinator.releases.at(-1)).toBe(`${second.key}#rolling-5-minutes`)
  })

  it('keeps local budgets, setUsage and used working under a coordinator', async () => {
    const coordinator = new FakeCoordinator(false)
    const { limiter } = sharedLimiter(coordinator)
    await limiter.schedule('read', async () => undefined)
    expect(limiter.used('rolling-window')).toBe(1)
    limiter.setUsage('rolling-window', 5)
    expect(limiter.used('rolling-window')).toBe(5)
    expect(limiter.lanes).toEqual(['read', 'write'])
  })

  it('asks no coordinator when none is set, nor for a limiter without budgets', async () => {
    const coordinator = new FakeCoordinator(false)
    coordinateSharedBudgets(coordinator)
    coordinateSharedBudgets(undefined)
    const { limiter } = sharedLimiter(undefined)
    await limiter.schedule('read', async () => undefined)
    const unbudgeted = sharedLimiter(coordinator, [])
    await unbudgeted.limiter.schedule('read', async () => undefined)
    expect(coordinator.acquires).toHaveLength(0)
    expect(coordinator.releases).toHaveLength(0)
  })

  it('keeps releaseSharedRateLimiter working for a coordinated limiter', () => {
    const coordinator = new FakeCoordinator(false)
    const { key, limiter } = sharedLimiter(coordinator)
    expect(getSharedRateLimiter(key)).toBe(limiter)
    expect(releaseSharedRateLimiter(key)).toBe(true)
    expect(getSharedRateLimiter(key, { budgets: [budget] })).not.toBe(limiter)
  })
})
