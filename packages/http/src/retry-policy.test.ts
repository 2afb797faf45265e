import {
  AbortError,
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@ticketbridge/core'
import { describe, expect, it, vi } from 'vitest'
import {
  backoffDelay,
  executeWithRetry,
  isIdempotentMethod,
  isRetryableError,
  resolveRetryPolicy,
  withRetryAfter,
  type RetryEvent,
  type RetryPolicyOptions,
} from './retry-policy'

const serverError = () => new ServerError('boom', { status: 503 })
const rateLimitError = (retryAfterMs?: number) =>
  new RateLimitError('slow down', { status: 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) })

/** A policy that records its waits instead of sleeping. */
function recordingPolicy(overrides: RetryPolicyOptions = {}) {
  const waits: number[] = []
  const policy: RetryPolicyOptions = {
    random: () => 0.5,
    sleep: async (delayMs) => {
      waits.push(delayMs)
    },
    ...overrides,
  }
  return { policy, waits }
}

/** An operation failing with the given errors in turn, then answering `done`. */
function failingThen(...errors: unknown[]) {
  return vi.fn(async (attempt: number) => {
    const error = errors[attempt - 1]
    if (error !== undefined) throw error
    return 'done'
  })
}

describe('executeWithRetry', () => {
  it('retries idempotent calls on network errors, timeouts and retryable server errors, then succeeds', async () => {
    const { policy, waits } = recordingPolicy()
    const operation = failingThen(new NetworkError('reset', { code: 'ECONNRESET' }), new TimeoutError('slow'), serverError())
    const events: RetryEvent[] = []
    await expect(executeWithRetry(operation, policy, { idempotent: true, onRetry: (event) => events.push(event) })).resolves.toBe('done')
    expect(operation).toHaveBeenCalledTimes(4)
    expect(operation.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3, 4])
    // Full jitter with random 0.5: half of 500, 1000, 2000.
    expect(waits).toEqual([250, 500, 1000])
    expect(events.map(({ attempt, delayMs, delaySource }) => ({ attempt, delayMs, delaySource }))).toEqual([
      { attempt: 1, delayMs: 250, delaySource: 'backoff' },
      { attempt: 2, delayMs: 500, delaySource: 'backoff' },
      { attempt: 3, delayMs: 1000, delaySource: 'backoff' },
    ])
  })

  it('treats 408 (a ServerError from createApiError) as retryable', async () => {
    const { policy } = recordingPolicy()
    const operation = failingThen(new ServerError('request timeout', { status: 408 }))
    await expect(executeWithRetry(operation, policy, { idempotent: true })).resolves.toBe('done')
    expect(operation).toHaveBeenCalledTimes(2)
  })

  it('does not retry a call that is not idempotent on a server error or a network error', async () => {
    for (const error of [serverError(), new NetworkError('reset'), new TimeoutError('slow')]) {
      const { policy, waits } = recordingPolicy()
      const operation = failingThen(error)
      await expect(executeWithRetry(operation, policy, { idempotent: false })).rejects.toBe(error)
      expect(operation).toHaveBeenCalledTimes(1)
      expect(waits).toEqual([])
    }
  })

  it('retries a RateLimitError for any call, unless retryNonIdempotentOnRateLimit is off', async () => {
    const { policy } = recordingPolicy()
    const operation = failingThen(rateLimitError())
    await expect(executeWithRetry(operation, policy)).resolves.toBe('done')
    expect(operation).toHaveBeenCalledTimes(2)

    const strict = recordingPolicy({ retryNonIdempotentOnRateLimit: false })
    const refused = rateLimitError()
    const strictOperation = failingThen(refused)
    await expect(executeWithRetry(strictOperation, strict.policy)).rejects.toBe(refused)
    expect(strictOperation).toHaveBeenCalledTimes(1)
  })

  it('never retries errors that a repeat would not fix', async () => {
    const errors = [
      new ValidationError('bad', { status: 400 }),
      new NotFoundError('gone', { status: 404 }),
      new ConflictError('changed', { status: 409 }),
      new AuthenticationError('refused', { status: 401 }),
      new ServerError('not retryable', { status: 501, retryable: false }),
      new TypeError('a bug'),
      new AbortError('stopped'),
    ]
    for (const error of errors) {
      const { policy } = recordingPolicy()
      const operation = failingThen(error)
      await expect(executeWithRetry(operation, policy, { idempotent: true })).rejects.toBe(error)
      expect(operation).toHaveBeenCalledTimes(1)
    }
  })

  it('gives up after maxRetries and rethrows the last error unchanged', async () => {
    const { policy, waits } = recordingPolicy({ maxRetries: 2 })
    const last = serverError()
    const operation = failingThen(serverError(), serverError(), last, serverError())
    await expect(executeWithRetry(operation, policy, { idempotent: true })).rejects.toBe(last)
    expect(operation).toHaveBeenCalledTimes(3)
    expect(waits).toHaveLength(2)
  })

  it('defaults to four retries', async () => {
    const { policy } = recordingPolicy()
    const operation = vi.fn(async () => {
      throw serverError()
    })
    await expect(executeWithRetry(operation, policy, { idempotent: true })).rejects.toBeInstanceOf(ServerError)
    expect(operation).toHaveBeenCalledTimes(5)
  })

  it('waits the RateLimitError delay, capped at maximumRetryAfterMs', async () => {
    const { policy, waits } = recordingPolicy({ maximumRetryAfterMs: 60_000 })
    const events: RetryEvent[] = []
    await executeWithRetry(failingThen(rateLimitError(7_000), rateLimitError(600_000)), policy, { onRetry: (event) => events.push(event) })
    expect(waits).toEqual([7_000, 60_000])
    expect(events.map((event) => event.delaySource)).toEqual(['retry-after', 'retry-after'])
  })

  it('honours a server delay recorded on another error with withRetryAfter', async () => {
    const { policy, waits } = recordingPolicy()
    const unavailable = withRetryAfter(serverError(), 3_000)
    await executeWithRetry(failingThen(unavailable), policy, { idempotent: true })
    expect(waits).toEqual([3_000])
    expect(JSON.parse(JSON.stringify(unavailable))).toMatchObject({ retryAfterMs: 3_000 })
  })

  it('stops with AbortError when the signal fires, and never retries after it', async () => {
    const controller = new AbortController()
    const operation = vi.fn(async () => {
      controller.abort()
      throw new NetworkError('socket closed by the abort')
    })
    const { policy } = recordingPolicy()
    const failure = executeWithRetry(operation, policy, { idempotent: true, signal: controller.signal })
    await expect(failure).rejects.toSatisfy(AbortError.isInstance)
    expect(operation).toHaveBeenCalledTimes(1)
  })

  it('does not start when the signal has already fired', async () => {
    const operation = vi.fn(async () => 'never')
    await expect(executeWithRetry(operation, {}, { signal: AbortSignal.abort() })).rejects.toSatisfy(AbortError.isInstance)
    expect(operation).not.toHaveBeenCalled()
  })

  it('interrupts the wait between attempts when the signal fires', async () => {
    vi.useFakeTimers()
    try {
      const controller = new AbortController()
      const operation = vi.fn(async () => {
        throw rateLimitError(60_000)
      })
      const failure = executeWithRetry(operation, { random: () => 0.5 }, { signal: controller.signal })
      const settled = expect(failure).rejects.toSatisfy(AbortError.isInstance)
      await vi.advanceTimersByTimeAsync(1_000)
      controller.abort()
      await settled
      expect(operation).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('backoffDelay', () => {
  const base = resolveRetryPolicy({ baseDelayMs: 500, factor: 2, maxDelayMs: 30_000 })

  it('grows exponentially and stops at maxDelayMs', () => {
    const none = { ...base, jitter: 'none' as const }
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffDelay(attempt, none))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
  })

  it('draws full jitter between 0 and the delay, half jitter between half and all of it', () => {
    expect(backoffDelay(3, { ...base, jitter: 'full', random: () => 0 })).toBe(0)
    expect(backoffDelay(3, { ...base, jitter: 'full', random: () => 0.999 })).toBe(1_998)
    expect(backoffDelay(3, { ...base, jitter: 'half', random: () => 0 })).toBe(1_000)
    expect(backoffDelay(3, { ...base, jitter: 'half', random: () => 0.5 })).toBe(1_500)
  })
})

describe('classification helpers', () => {
  it('knows the idempotent methods', () => {
    expect(['GET', 'put', 'DELETE', 'HEAD', 'OPTIONS'].every(isIdempotentMethod)).toBe(true)
    expect(['POST', 'PATCH'].some(isIdempotentMethod)).toBe(false)
  })

  it('calls network errors, 429 and 5xx retryable, and nothing else', () => {
    expect(isRetryableError(new NetworkError('reset'))).toBe(true)
    expect(isRetryableError(rateLimitError())).toBe(true)
    expect(isRetryableError(serverError())).toBe(true)
    expect(isRetryableError(new AuthenticationError('refused', { status: 401 }))).toBe(false)
    expect(isRetryableError(new AbortError('stop'))).toBe(false)
    expect(isRetryableError(new Error('plain'))).toBe(false)
  })
})
