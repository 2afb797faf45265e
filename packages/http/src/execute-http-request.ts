import { AuthenticationError, RateLimitError, redactUrl } from '@ticketbridge/core'
import { toAbortError } from './abortable-sleep'
import { buildRequestUrl } from './build-request-url'
import type { HttpRequest, HttpResponse } from './http-transport-types'
import { createRequestId } from './request-id'
import { registerHeaderSecrets, type ResolvedTransport } from './resolve-transport-options'
import { executeWithRetry, isIdempotentMethod, readRetryAfterMs } from './retry-policy'
import { sendHttpAttempt } from './send-http-attempt'
import { describeError, failureLogLevel } from './transport-log-fields'

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * One call through a transport: every attempt passes the limiter, retries follow the policy, a
 * 401 refreshes the credentials once, and the hooks and logs see each retry and the outcome.
 */
export async function executeHttpRequest<T>(transport: ResolvedTransport, call: HttpRequest): Promise<HttpResponse<T>> {
  const { vendor, policy, rateLimiter, logger, options } = transport
  const method = call.method.toUpperCase()
  const url = buildRequestUrl(transport.baseUrl, call, vendor)
  const safeUrl = redactUrl(url)
  const lane = call.lane ?? (readMethods.has(method) ? 'read' : 'write')
  const idempotent = call.idempotent ?? isIdempotentMethod(method)
  const timeoutMs = call.timeoutMs ?? transport.defaultTimeoutMs
  const { signal } = call
  let firstRequestId: string | undefined
  let lastRequestId = ''
  let attempts = 0
  let refreshedAfterUnauthorized = false

  /** One attempt: credentials, then the limiter, then the wire. */
  async function attempt(authorizationRequest: { forceRefresh: boolean; rejectedAuthorization?: Record<string, string> }): Promise<HttpResponse<T>> {
    attempts++
    const requestId = createRequestId()
    firstRequestId ??= requestId
    lastRequestId = requestId
    const retryOf = requestId === firstRequestId ? undefined : firstRequestId
    // Credentials are fetched before the limiter so a slow token request never holds a slot.
    const authorization = options.authenticate
      ? await options.authenticate.getAuthorization({ ...authorizationRequest, ...(signal ? { signal } : {}) })
      : undefined
    if (authorization) registerHeaderSecrets(authorization)
    const send = (): Promise<HttpResponse<T>> =>
      sendHttpAttempt<T>(transport, { call, method, url, safeUrl, lane, timeoutMs, requestId, retryOf, attempt: attempts, authorization })
    try {
      if (!rateLimiter) return await send()
      return await rateLimiter.schedule(lane, send, {
        ...(signal ? { signal } : {}),
        ...(call.weight !== undefined ? { weight: call.weight } : {}),
        onRateLimit: (event) => options.onRateLimit?.({ ...event, vendor, method, url: safeUrl, source: 'limiter' }),
      })
    } catch (error) {
      // A 429 slows every lane of the tenant, not only this call.
      const serverDelayMs = RateLimitError.isInstance(error) ? readRetryAfterMs(error) : undefined
      if (serverDelayMs !== undefined) rateLimiter?.penalize(Math.min(serverDelayMs, policy.maximumRetryAfterMs))
      if (options.authenticate && !refreshedAfterUnauthorized && AuthenticationError.isInstance(error) && error.status === 401 && !signal?.aborted) {
        // The server refused before processing, so even a POST is repeated, exactly once.
        refreshedAfterUnauthorized = true
        logger.log('info', 'http credentials refused; refreshing them once', { vendor, method, url: safeUrl, requestId, retryOf: firstRequestId })
        return attempt({ forceRefresh: true, ...(authorization ? { rejectedAuthorization: authorization } : {}) })
      }
      throw error
    }
  }

  try {
    const response = await executeWithRetry(() => attempt({ forceRefresh: false }), policy, {
      ...(signal ? { signal } : {}),
      idempotent,
      onRetry: (event) => {
        const retryOf = firstRequestId ?? lastRequestId
        if (RateLimitError.isInstance(event.error)) {
          rateLimiter?.penalize(event.delayMs)
          options.onRateLimit?.({
            budget: 'server',
            waitMs: event.delayMs,
            lane,
            reason: 'server-throttle',
            vendor,
            method,
            url: safeUrl,
            source: 'response',
          })
        }
        logger.log('warn', 'http retry scheduled', {
          vendor,
          method,
          url: safeUrl,
          requestId: lastRequestId,
          retryOf,
          attempt: event.attempt,
          delayMs: event.delayMs,
          delaySource: event.delaySource,
          error: describeError(event.error),
        })
        options.onRetry?.({ ...event, vendor, method, url: safeUrl, requestId: lastRequestId, retryOf })
      },
    })
    return { ...response, attempts }
  } catch (caught) {
    const error = signal?.aborted ? toAbortError(signal, vendor) : caught
    logger.log(failureLogLevel(error), 'http call failed', {
      vendor,
      method,
      url: safeUrl,
      requestId: lastRequestId,
      retryOf: firstRequestId,
      attempts,
      error: describeError(error),
    })
    throw error
  }
}
