import {
  AbortError,
  ApiError,
  AuthenticationError,
  createApiError,
  InvalidResponseError,
  RateLimitError,
  redactHeaders,
  redactUrl,
  redactValue,
  registerSecret,
  secretHeaderNames,
  type TicketbridgeError,
} from '@ticketbridge/core'
import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import { toAbortError } from './abortable-sleep'
import type { AuthenticationHook } from './authentication-hook'
import { buildRequestUrl, parseBaseUrl, type QueryParameters } from './build-request-url'
import { mapTransportError } from './map-transport-error'
import { parseRetryAfter } from './parse-retry-after'
import { createRateLimiter, type RateLimitEvent, type RateLimiter, type RateLimiterOptions } from './rate-limiter'
import { readVendorMessage } from './read-vendor-message'
import { createRequestId } from './request-id'
import { createResponseBody, toBodyBytes, type ResponseBody } from './response-body'
import { executeWithRetry, isIdempotentMethod, readRetryAfterMs, resolveRetryPolicy, withRetryAfter, type RetryEvent, type RetryPolicyOptions } from './retry-policy'
import { createLevelledLogger, type LogLevel, type TransportLogger } from './transport-logger'

/** HTTP methods the transport sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/** How the body of a successful response is returned. */
export type HttpResponseType = 'json' | 'text' | 'bytes'

/** The response as `classifyError` sees it, before any status mapping or retry decision. */
export interface ClassifiableResponse {
  vendor: string
  method: string
  /** The request URL, redacted. */
  url: string
  status: number
  /** Response headers, names lower-cased. */
  headers: Record<string, string>
  /** The id of this attempt (`req_…`), or the vendor's when it sent one. */
  requestId: string
  /** The body decoded as text. */
  text(): string
  /** The body parsed as JSON, `undefined` when it is empty or not JSON. */
  json(): unknown
}

/** A vendor's own error classification, run on every response before status mapping and retries. */
export type ClassifyError = (response: ClassifiableResponse) => TicketbridgeError | undefined

/** What the transport's `onRateLimit` hook receives. */
export interface TransportRateLimitEvent extends RateLimitEvent {
  vendor: string
  method: string
  /** Redacted. */
  url: string
  /** `limiter`: our own budget made the call wait; `response`: the vendor answered 429. */
  source: 'limiter' | 'response'
}

/** What the transport's `onRetry` hook receives. */
export interface TransportRetryEvent extends RetryEvent {
  vendor: string
  method: string
  /** Redacted. */
  url: string
  /** The id of the attempt that failed. */
  requestId: string
  /** The id of the call's first attempt. */
  retryOf: string
}

/** Settings of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Names the vendor in errors and logs: `halo`, `autotask`, `rt`. */
  vendor: string
  /** Every `path` is appended to it; absolute `url`s must share its origin. */
  baseUrl: string
  /** The axios instance to send with (tests inject one with a custom adapter). A fresh one by default. */
  axiosInstance?: AxiosInstance
  /** Longest wait without progress in one attempt (nothing sent or received; a slow but moving transfer never times out). Defaults to 30 000 ms. */
  timeoutMs?: number
  /** Retry settings; see {@link RetryPolicyOptions}. */
  retry?: RetryPolicyOptions
  /** A limiter (shared per tenant with `getSharedRateLimiter`) or settings for a private one. None by default. */
  rateLimiter?: RateLimiter | RateLimiterOptions
  /** Called when a call waits for our budget or the vendor answered 429. */
  onRateLimit?: (event: TransportRateLimitEvent) => void
  /** Called before each retry wait. */
  onRetry?: (event: TransportRetryEvent) => void
  /** Sent with every request; values of credential-named headers are registered as secrets. */
  defaultHeaders?: Record<string, string>
  /** Supplies credential headers per attempt; on a 401 it is asked once to refresh. */
  authenticate?: AuthenticationHook
  logger?: TransportLogger
  /** Defaults to `info` when a logger is given. */
  logLevel?: LogLevel
  /** Credential values to register with core's redaction (passwords, client secrets, API keys). */
  secrets?: readonly (string | undefined)[]
  /** Vendor classification of responses whose status lies (RT's HTTP 200 errors, Autotask's HTTP 500 validation errors). */
  classifyError?: ClassifyError
  /** Response headers holding the vendor's request id, first match wins. */
  requestIdHeaders?: readonly string[]
}

/** One request. Give `path` (relative to the base URL) or `url` (absolute, same origin). */
export interface HttpRequest {
  method: HttpMethod
  path?: string
  url?: string
  query?: QueryParameters
  /** Plain objects and arrays are sent as JSON; strings, bytes, URLSearchParams and FormData as they are. */
  body?: unknown
  headers?: Record<string, string>
  /** Whether repeating the call is harmless. Defaults by method: GET, PUT, DELETE, HEAD, OPTIONS are. */
  idempotent?: boolean
  /** Rate-limit lane; defaults to `read` for GET, HEAD and OPTIONS, else `write`. */
  lane?: string
  /** Budget units this call consumes; defaults to 1. */
  weight?: number
  /** How a 2xx body is returned: parsed JSON (default), text, or bytes. */
  responseType?: HttpResponseType
  /**
   * With `responseType: 'json'`: `json` (default) fails with InvalidResponseError on a 2xx body
   * that is not JSON; `any` returns such a body as text.
   */
  expect?: 'json' | 'any'
  signal?: AbortSignal
  /** Longest wait without progress (nothing sent or received) in each attempt; defaults to the transport's. */
  timeoutMs?: number
}

/** Options of the method helpers: a request without method, path and body. */
export type HttpRequestOptions = Omit<HttpRequest, 'method' | 'path' | 'body'>

/** A successful response. */
export interface HttpResponse<T> {
  data: T
  status: number
  /** Names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>
  /** Our id of the attempt that succeeded (`req_…`). */
  requestId: string
  /** The vendor's request id, when it sent one. */
  vendorRequestId?: string
  /** Attempts made, including the one that succeeded. */
  attempts: number
}

/** The transport adapters send their requests through. */
export interface HttpTransport {
  readonly vendor: string
  readonly baseUrl: string
  /** The limiter every attempt passes, if any; adapters resync it from vendor usage reports. */
  readonly rateLimiter: RateLimiter | undefined
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>
  get<T = unknown>(path: string, options?: HttpRequestOptions): Promise<HttpResponse<T>>
  post<T = unknown>(path: string, body?: unknown, options?: HttpRequestOptions): Promise<HttpResponse<T>>
  put<T = unknown>(path: string, body?: unknown, options?: HttpRequestOptions): Promise<HttpResponse<T>>
  patch<T = unknown>(path: string, body?: unknown, options?: HttpRequestOptions): Promise<HttpResponse<T>>
  delete<T = unknown>(path: string, options?: HttpRequestOptions): Promise<HttpResponse<T>>
}

/** Vendor request-id headers read by default. */
export const defaultRequestIdHeaders: readonly string[] = ['x-request-id', 'request-id', 'x-correlation-id', 'x-ms-request-id', 'traceparent']

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Creates the HTTP transport of one vendor client: axios underneath, every attempt through the
 * rate limiter, retries by policy, per-attempt timeouts combined with the caller's signal, one
 * re-authentication on 401, responses mapped to core errors, and redacted logs.
 *
 * @example
 * const transport = createHttpTransport({
 *   vendor: 'halo',
 *   baseUrl: 'https://acme.halopsa.com/api',
 *   authenticate: createTokenManager({ fetchToken }),
 *   rateLimiter: getSharedRateLimiter('halo:acme', { budgets: [{ name: 'rolling-5-minutes', limit: 300, windowMs: 300_000 }] }),
 * })
 * const { data } = await transport.get<{ tickets: unknown[] }>('/Tickets', { query: { page_size: 100 } })
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { vendor } = options
  const baseUrl = parseBaseUrl(options.baseUrl, vendor)
  const axiosInstance = options.axiosInstance ?? axios.create()
  const defaultTimeoutMs = options.timeoutMs ?? 30_000
  const policy = resolveRetryPolicy(options.retry)
  const rateLimiter = toRateLimiter(options.rateLimiter)
  const logger = createLevelledLogger(options.logger, options.logLevel ?? 'info')
  const requestIdHeaders = (options.requestIdHeaders ?? defaultRequestIdHeaders).map((name) => name.toLowerCase())
  const defaultHeaders = { ...options.defaultHeaders }

  for (const secret of options.secrets ?? []) registerSecret(secret)
  registerHeaderSecrets(defaultHeaders)

  async function request<T>(call: HttpRequest): Promise<HttpResponse<T>> {
    const method = call.method.toUpperCase()
    const url = buildRequestUrl(baseUrl, call, vendor)
    const safeUrl = redactUrl(url)
    const lane = call.lane ?? (readMethods.has(method) ? 'read' : 'write')
    const idempotent = call.idempotent ?? isIdempotentMethod(method)
    const timeoutMs = call.timeoutMs ?? defaultTimeoutMs
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
      const send = (): Promise<HttpResponse<T>> => sendOnce<T>({ call, method, url, safeUrl, lane, timeoutMs, requestId, retryOf, attempt: attempts, authorization })
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
        if (
          options.authenticate &&
          !refreshedAfterUnauthorized &&
          AuthenticationError.isInstance(error) &&
          error.status === 401 &&
          !signal?.aborted
        ) {
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
            options.onRateLimit?.({ budget: 'server', waitMs: event.delayMs, lane, reason: 'server-throttle', vendor, method, url: safeUrl, source: 'response' })
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
      logger.log(failureLogLevel(error), 'http call failed', { vendor, method, url: safeUrl, requestId: lastRequestId, retryOf: firstRequestId, attempts, error: describeError(error) })
      throw error
    }
  }

  interface SendContext {
    call: HttpRequest
    method: string
    url: string
    safeUrl: string
    lane: string
    timeoutMs: number
    requestId: string
    retryOf: string | undefined
    attempt: number
    authorization: Record<string, string> | undefined
  }

  /** Sends one attempt and turns its outcome into a response or a core error. */
  async function sendOnce<T>(context: SendContext): Promise<HttpResponse<T>> {
    const { call, method, safeUrl, requestId, retryOf, timeoutMs } = context
    const { signal } = call
    if (signal?.aborted) throw toAbortError(signal, vendor)
    const headers = { ...defaultHeaders, ...context.authorization, ...call.headers }
    const attemptFields = { vendor, method, url: safeUrl, lane: context.lane, requestId, ...(retryOf ? { retryOf } : {}), attempt: context.attempt }
    if (logger.enabled('debug')) {
      logger.log('debug', 'http request', { ...attemptFields, headers: redactHeaders(headers), ...(call.body !== undefined ? { body: redactValue(call.body) } : {}) })
    }

    // One controller per attempt: fired by our timeout or by the caller's signal, whichever first.
    // The timeout is the longest wait without progress: each chunk sent or received re-arms it,
    // so a 25 MB file on a slow link moves while a stalled connection still fails in timeoutMs.
    const controller = new AbortController()
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    const arm = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
    }
    arm()
    const onCallerAbort = (): void => controller.abort()
    signal?.addEventListener('abort', onCallerAbort, { once: true })
    const startedAt = performance.now()
    let response: AxiosResponse<unknown>
    try {
      response = await axiosInstance.request({
        method,
        url: context.url,
        headers,
        data: call.body,
        responseType: 'arraybuffer',
        onUploadProgress: arm,
        onDownloadProgress: arm,
        // Every status is an answer we classify ourselves; axios must not throw on 4xx/5xx.
        validateStatus: () => true,
        signal: controller.signal,
      })
    } catch (error) {
      const mapped = mapTransportError(error, { vendor, method, url: safeUrl, timeoutMs, timedOut, aborted: signal?.aborted === true })
      logger.log('warn', 'http attempt failed', { ...attemptFields, durationMs: elapsedSince(startedAt), error: describeError(mapped) })
      throw mapped
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onCallerAbort)
    }

    const durationMs = elapsedSince(startedAt)
    const responseHeaders = normaliseHeaders(response.headers)
    const vendorRequestId = requestIdHeaders.map((name) => responseHeaders[name]).find((value) => value !== undefined && value !== '')
    logger.log('info', 'http response', { ...attemptFields, status: response.status, durationMs, ...(vendorRequestId ? { vendorRequestId } : {}) })

    const body = createResponseBody(toBodyBytes(response.data))
    const errorRequestId = vendorRequestId ?? requestId
    const classified = options.classifyError?.({
      vendor,
      method,
      url: safeUrl,
      status: response.status,
      headers: responseHeaders,
      requestId: errorRequestId,
      text: body.text,
      json: () => {
        const parsed = body.json()
        return parsed.ok ? parsed.value : undefined
      },
    })
    if (classified) throw classified

    if (response.status < 200 || response.status >= 300) {
      throw errorFromResponse({ status: response.status, headers: responseHeaders, body, method, url: context.url, requestId: errorRequestId })
    }
    return {
      data: readSuccessBody(call, body, { status: response.status, contentType: responseHeaders['content-type'], method, safeUrl }) as T,
      status: response.status,
      headers: responseHeaders,
      requestId,
      ...(vendorRequestId ? { vendorRequestId } : {}),
      attempts: context.attempt,
    }
  }

  function errorFromResponse(context: { status: number; headers: Record<string, string>; body: ResponseBody; method: string; url: string; requestId: string }): TicketbridgeError {
    const parsed = context.body.json()
    const text = context.body.text()
    const body = parsed.ok && parsed.value !== undefined ? parsed.value : text
    const retryAfterMs = parseRetryAfter(context.headers, Date.now(), { maximumDelayMs: policy.maximumRetryAfterMs })
    const vendorMessage = readVendorMessage(body)
    const error = createApiError({
      status: context.status,
      vendor,
      method: context.method,
      url: context.url,
      requestId: context.requestId,
      body,
      ...(vendorMessage !== undefined ? { vendorMessage } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    })
    // Current core keeps retryAfterMs on every ApiError (a 503 with Retry-After too); this also
    // covers a core whose only RateLimitError has the field.
    return withRetryAfter(error, retryAfterMs)
  }

  function readSuccessBody(call: HttpRequest, body: ResponseBody, context: { status: number; contentType: string | undefined; method: string; safeUrl: string }): unknown {
    const responseType = call.responseType ?? 'json'
    if (responseType === 'bytes') return new Uint8Array(body.bytes) // a copy: axios buffers may be pooled
    if (responseType === 'text') return body.text()
    const parsed = body.json()
    if (parsed.ok) return parsed.value
    if (call.expect === 'any') return body.text()
    const mediaType = context.contentType?.split(';')[0]?.trim().toLowerCase()
    if (mediaType !== undefined && /^application\/([\w.+-]+\+)?json$/.test(mediaType)) {
      // JSON announced but not JSON: cut short in transit (a reset mid-body) or garbled; a
      // retry of an idempotent call usually gets the whole answer.
      throw new InvalidResponseError(
        `${vendor} answered ${context.method} ${context.safeUrl} with HTTP ${context.status} and a ${mediaType} body that is not valid JSON (${body.bytes.byteLength} bytes): the answer was cut short or garbled. Idempotent calls are retried.`,
        { vendor, status: context.status, url: context.safeUrl, body: body.text(), retryable: true },
      )
    }
    const what = mediaType ?? 'a body without a content type'
    throw new InvalidResponseError(
      `${vendor} answered ${context.method} ${context.safeUrl} with HTTP ${context.status} and ${what} where JSON was expected. Check the base URL: a wrong path often returns the web application's HTML page instead of the API.`,
      { vendor, status: context.status, url: context.safeUrl, body: body.text() },
    )
  }

  return {
    vendor,
    baseUrl: `${baseUrl.origin}${baseUrl.path}`,
    rateLimiter,
    request,
    get: (path, requestOptions) => request({ ...requestOptions, method: 'GET', path }),
    post: (path, body, requestOptions) => request({ ...requestOptions, method: 'POST', path, body }),
    put: (path, body, requestOptions) => request({ ...requestOptions, method: 'PUT', path, body }),
    patch: (path, body, requestOptions) => request({ ...requestOptions, method: 'PATCH', path, body }),
    delete: (path, requestOptions) => request({ ...requestOptions, method: 'DELETE', path }),
  }
}

function toRateLimiter(option: RateLimiter | RateLimiterOptions | undefined): RateLimiter | undefined {
  if (option === undefined) return undefined
  if (typeof (option as RateLimiter).schedule === 'function') return option as RateLimiter
  return createRateLimiter(option as RateLimiterOptions)
}

/** Registers the values of credential headers, and the token after a scheme such as `Bearer`. */
function registerHeaderSecrets(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!secretHeaderNames.has(name.toLowerCase()) || typeof value !== 'string') continue
    registerSecret(value)
    const credential = /^\S+\s+(\S.*)$/.exec(value)?.[1]
    if (credential) registerSecret(credential)
  }
}

function normaliseHeaders(headers: unknown): Record<string, string> {
  const source =
    typeof headers === 'object' && headers !== null && typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? ((headers as { toJSON(): unknown }).toJSON() as Record<string, unknown>)
      : ((headers ?? {}) as Record<string, unknown>)
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return result
}

/**
 * Failures the caller is expected to handle (a lookup's 404, a validation refusal, a
 * cancellation) are logged at `info`; the rest (unreachable vendor, 5xx, refused
 * credentials, rate limits, unusable answers) at `error`.
 */
function failureLogLevel(error: unknown): 'info' | 'error' {
  if (AbortError.isInstance(error)) return 'info'
  if (ApiError.isInstance(error) && error.status >= 400 && error.status < 500 && ![401, 403, 429].includes(error.status)) return 'info'
  return 'error'
}

function elapsedSince(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000
}

/** The loggable part of an error: its name, message and typed fields, never its cause. */
function describeError(error: unknown): Record<string, unknown> {
  if (typeof error === 'object' && error !== null && typeof (error as { toJSON?: unknown }).toJSON === 'function') {
    return (error as { toJSON(): Record<string, unknown> }).toJSON()
  }
  if (error instanceof Error) return { name: error.name, message: error.message }
  return { message: String(error) }
}
