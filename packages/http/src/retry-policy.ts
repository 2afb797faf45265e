/*
 * Why the retry loop is written here instead of taken from a library such as p-retry
 * ---------------------------------------------------------------------------------
 * We prefer well-kept libraries (axios sends, zod checks), but a retry loop is about forty
 * lines and every one of them encodes a decision that is specific to ticketbridge:
 *
 * - It classifies failures with our own error classes (NetworkError, TimeoutError, ServerError,
 *   RateLimitError, AbortError, read with `isInstance` so two copies of core agree) and with the
 *   call's idempotency: a POST is retried on 429 only, because the vendor rejected it before
 *   processing it, never on 5xx or a timeout, where a retry could create a duplicate ticket.
 * - The delay of each attempt comes from the failure itself: Retry-After, retry-after-ms or an
 *   HTTP date, or a delay a vendor hid in its body (the adapter's `classifyError` puts it on
 *   the error), capped; only without one does it fall back to jittered exponential backoff.
 *   p-retry computes its delay from fixed options (`minTimeout`, `factor`, `randomize`); a
 *   server delay could only be slept inside `onFailedAttempt`, and its own backoff then adds on
 *   top of it.
 * - It sits above the rate limiter: each attempt goes back through `limiter.schedule`, so a
 *   retry consumes budget like any request and a 429 pauses every lane of the tenant.
 * - Each attempt gets its own request id and is logged with `retryOf` (the first attempt's id),
 *   which needs the attempt number and the delay in a hook we control.
 * - The current major of p-retry (9, as 8 before it) requires Node 22; ticketbridge supports
 *   Node 20. The last major for Node 20 (7) would pin us to an old line from day one.
 *
 * The loop is transport-agnostic (an operation returning a promise), so the in-memory adapter
 * and the simulators' clients use exactly the same policy as the axios transport.
 */
import { isTransientError, RateLimitError } from '@ticketbridge/core'
import { abortableSleep, toAbortError } from './abortable-sleep'
import { defaultMaximumRetryAfterMs } from './parse-retry-after'

/**
 * How the random part of a backoff delay is drawn: `full` waits anywhere from 0 to the
 * exponential delay, `half` from half of it to all of it, `none` waits the delay itself.
 */
export type JitterMode = 'full' | 'half' | 'none'

/** Every setting of the retry loop; see {@link defaultRetryPolicy} for the values used by default. */
export interface RetryPolicy {
  /** Retries after the first attempt; 4 means at most 5 attempts. */
  maxRetries: number
  /** Backoff before the first retry, before jitter. */
  baseDelayMs: number
  /** Growth of the backoff per retry. */
  factor: number
  /** Longest backoff delay (not applied to server-requested delays, see `maximumRetryAfterMs`). */
  maxDelayMs: number
  /** Longest server-requested delay (Retry-After) honoured; larger values are cut to it. */
  maximumRetryAfterMs: number
  jitter: JitterMode
  /** Source of randomness for jitter, a number in [0, 1); injectable for tests. */
  random: () => number
  /**
   * Whether a call that is not idempotent (a plain POST) is retried after a RateLimitError.
   * True by default: a 429 means the vendor refused the request before processing it.
   */
  retryNonIdempotentOnRateLimit: boolean
  /** Waits between attempts; must reject with core's AbortError when the signal fires. */
  sleep: (delayMs: number, signal?: AbortSignal) => Promise<void>
}

/** Any subset of {@link RetryPolicy}; the rest comes from {@link defaultRetryPolicy}. */
export type RetryPolicyOptions = Partial<RetryPolicy>

/** The policy used when a caller sets nothing. */
export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 4,
  baseDelayMs: 500,
  factor: 2,
  maxDelayMs: 30_000,
  maximumRetryAfterMs: defaultMaximumRetryAfterMs,
  jitter: 'full',
  random: Math.random,
  retryNonIdempotentOnRateLimit: true,
  sleep: abortableSleep,
})

// Policies this module built; passing one back skips the copy (the transport does, per call).
const resolvedPolicies = new WeakSet<RetryPolicy>()

/** The full policy for a set of options, with defaults filled in and `undefined` ignored. */
export function resolveRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  if (resolvedPolicies.has(options as RetryPolicy)) return options as RetryPolicy
  const policy: RetryPolicy = { ...defaultRetryPolicy }
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (policy as unknown as Record<string, unknown>)[key] = value
  }
  resolvedPolicies.add(Object.freeze(policy))
  return policy
}

/** What {@link executeWithRetry} reports before it waits for the next attempt. */
export interface RetryEvent {
  /** The number of the attempt that just failed, counting from 1. */
  attempt: number
  /** How long the loop waits before the next attempt. */
  delayMs: number
  /** Where the delay came from: the server (`retry-after`) or our own backoff. */
  delaySource: 'retry-after' | 'backoff'
  /** The failure of that attempt. */
  error: unknown
}

/** Per-call options of {@link executeWithRetry}. */
export interface ExecuteWithRetryOptions {
  /** Cancels the call: the loop stops at once, also mid-wait, with core's AbortError. */
  signal?: AbortSignal
  /**
   * Whether repeating the call is harmless (GET, PUT, DELETE, HEAD, OPTIONS, or a POST that only
   * reads, such as an Autotask query). Defaults to false, the safe choice: only a RateLimitError
   * is then retried.
   */
  idempotent?: boolean
  /** Called before each wait; use it to log, count or penalise a shared rate limiter. */
  onRetry?: (event: RetryEvent) => void
}

/**
 * Runs `operation` and retries it while the policy allows: network errors, timeouts, 408, 429
 * and retryable 5xx for idempotent calls, and RateLimitError for any call. AbortError is never
 * retried, nor is anything after the signal fired. When it gives up it rethrows the last error
 * unchanged, so callers still see the typed failure.
 *
 * @param operation Makes one attempt; receives the attempt number, counting from 1.
 */
export async function executeWithRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policyOptions: RetryPolicyOptions | RetryPolicy = {},
  options: ExecuteWithRetryOptions = {},
): Promise<T> {
  const policy = resolveRetryPolicy(policyOptions)
  const { signal } = options
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw toAbortError(signal)
    try {
      return await operation(attempt)
    } catch (error) {
      // Whatever the operation threw after an abort (often a generic cancellation), the caller
      // asked to stop: report that, and never retry it.
      if (signal?.aborted) throw toAbortError(signal)
      if (!shouldRetry(error, { attempt, idempotent: options.idempotent ?? false, policy })) throw error
      const { delayMs, source } = retryDelayFor(error, attempt, policy)
      options.onRetry?.({ attempt, delayMs, delaySource: source, error })
      await policy.sleep(delayMs, signal)
    }
  }
}

/**
 * Whether a failure may succeed when the same request is sent again, regardless of
 * idempotency: network errors and timeouts, ApiErrors marked `retryable` (429, 408, 5xx), and
 * answers cut short in transit (InvalidResponseError marked `retryable`).
 * AuthenticationError is excluded: the transport re-authenticates once itself, and repeating
 * refused credentials only risks locking the account.
 */
export function isRetryableError(error: unknown): boolean {
  return isTransientError(error)
}

/** Whether the loop makes another attempt after `error` on attempt number `attempt`. */
export function shouldRetry(error: unknown, context: { attempt: number; idempotent: boolean; policy: RetryPolicy }): boolean {
  if (context.attempt > context.policy.maxRetries) return false
  if (!isRetryableError(error)) return false
  if (context.idempotent) return true
  return context.policy.retryNonIdempotentOnRateLimit && RateLimitError.isInstance(error)
}

/**
 * The delay before the retry that follows failed attempt number `attempt`: the server's own
 * delay when the error carries one (capped at `maximumRetryAfterMs`), else jittered backoff.
 */
export function retryDelayFor(error: unknown, attempt: number, policy: RetryPolicy): { delayMs: number; source: 'retry-after' | 'backoff' } {
  const serverDelayMs = readRetryAfterMs(error)
  if (serverDelayMs !== undefined) return { delayMs: Math.min(serverDelayMs, policy.maximumRetryAfterMs), source: 'retry-after' }
  return { delayMs: backoffDelay(attempt, policy), source: 'backoff' }
}

/** Exponential backoff for the retry after failed attempt number `attempt`, with jitter. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'factor' | 'maxDelayMs' | 'jitter' | 'random'>): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** Math.max(0, attempt - 1))
  const random = Math.min(Math.max(policy.random(), 0), 1)
  switch (policy.jitter) {
    case 'none':
      return Math.round(exponential)
    case 'half':
      return Math.round(exponential / 2 + (random * exponential) / 2)
    case 'full':
      return Math.round(random * exponential)
  }
}

/**
 * The server-requested delay an error carries: the `retryAfterMs` of an ApiError (a 429 or 503
 * with Retry-After, a delay `classifyError` read from a vendor body), or a `retryAfterMs`
 * number set on any other error with {@link withRetryAfter}.
 */
export function readRetryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

/**
 * Records a server-requested delay on an error that does not carry one yet (an error of the
 * in-memory adapter, or an ApiError built without the option), as an enumerable `retryAfterMs`
 * that logs and `toJSON` show. Returns the same error. Errors that already carry a delay keep theirs.
 */
export function withRetryAfter<E extends object>(error: E, retryAfterMs: number | undefined): E {
  if (retryAfterMs === undefined || readRetryAfterMs(error) !== undefined) return error
  Object.defineProperty(error, 'retryAfterMs', { value: retryAfterMs, enumerable: true, configurable: true, writable: false })
  return error
}

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'])

/** Whether an HTTP method is idempotent by definition (RFC 9110 §9.2.2); POST and PATCH are not. */
export function isIdempotentMethod(method: string): boolean {
  return idempotentMethods.has(method.toUpperCase())
}
