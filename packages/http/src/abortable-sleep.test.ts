import { AbortError } from '@ticketbridge/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { abortableSleep, toAbortError } from './abortable-sleep'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('abortableSleep', () => {
  it('resolves after the delay', async () => {
    let done = false
    void abortableSleep(1_000).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
  })

  it('rejects with AbortError as soon as the signal fires, and clears its timer', async () => {
    const controller = new AbortController()
    const sleeping = abortableSleep(60_000, controller.signal)
    controller.abort()
    await expect(sleeping).rejects.toSatisfy(AbortError.isInstance)
    expect(vi.getTimerCount()).toBe(0)
    await expect(abortableSleep(10, AbortSignal.abort())).rejects.toSatisfy(AbortError.isInstance)
  })

  it('keeps an AbortError reason, and never keeps another reason as cause', () => {
    const reason = new AbortError('inner')
    expect(toAbortError(AbortSignal.abort(reason))).toBe(reason)
    const error = toAbortError(AbortSignal.abort({ token: 'raw-reason-object' }), 'rt')
    expect(error.cause).toBeUndefined()
    expect(error.vendor).toBe('rt')
  })
})
