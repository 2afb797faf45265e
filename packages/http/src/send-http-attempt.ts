import { createApiError, InvalidResponseError, redactHeaders, redactValue, type TicketbridgeError } from '@ticketbridge/core'
import type { AxiosResponse } from 'axios'
import { toAbortError } from './abortable-sleep'
import type { HttpRequest, HttpResponse } from './http-transport-types'
import { mapTransportError } from './map-transport-error'
import { parseRetryAfter } from './parse-retry-after'
import { readVendorMessage } from './read-vendor-message'
import type { ResolvedTransport } from './resolve-transport-options'
import { createResponseBody, toBodyBytes, type ResponseBody } from './response-body'
import { withRetryAfter } from './retry-policy'
import { describeError } from './transport-log-fields'

/** One attempt of a call: the request, where it goes, and its ids. */
export interface SendContext {
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

/** How an attempt is timed and cancelled: the options axios is given, and what fired. */
interface AttemptWatch {
  options: { timeout?: number; signal?: AbortSignal; onUploadProgress?: () => void; onDownloadProgress?: () => void }
  timedOut(): boolean
  stop(): void
}

/**
 * The timeout of an attempt is the longest wait without progress. A call that sends no body and
 * reads JSON (most of a migration's calls) leaves it to axios's own `timeout`, which runs until
 * the answer starts and then as the socket's idle timeout, with the caller's signal passed
 * through: no controller, timer or progress stream of ours (they cost about as much as the rest
 * of the transport). A call that sends a body or reads bytes or text, where a transfer can be
 * large, gets one controller fired by our timer or the caller's signal, the timer re-armed by
 * each chunk sent or received (axios's `timeout` would cut a 25 MB upload off at 30 s).
 */
function watchAttempt(call: HttpRequest, timeoutMs: number): AttemptWatch {
  const { signal } = call
  if (call.body === undefined && (call.responseType ?? 'json') === 'json') {
    return { options: { timeout: timeoutMs, ...(signal ? { signal } : {}) }, timedOut: () => false, stop: () => {} }
  }
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
  return {
    options: { signal: controller.signal, onUploadProgress: arm, onDownloadProgress: arm },
    timedOut: () => timedOut,
    stop() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onCallerAbort)
    },
  }
}

/** Axios's own `timeout` fired (`ECONNABORTED` "timeout of … exceeded", or `ETIMEDOUT` where timeouts are clarified). */
function isAxiosTimeout(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  return code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && typeof message === 'string' && /timeout/i.test(message))
}

/** Sends one attempt and turns its outcome into a response or a core error. */
export async function sendHttpAttempt<T>(transport: ResolvedTransport, context: SendContext): Promise<HttpResponse<T>> {
  const { vendor, logger } = transport
  const { call, method, safeUrl, requestId, retryOf, timeoutMs } = context
  const { signal } = call
  if (signal?.aborted) throw toAbortError(signal, vendor)
  const headers = { ...transport.defaultHeaders, ...context.authorization, ...call.headers }
  const attemptFields = { vendor, method, url: safeUrl, lane: context.lane, requestId, ...(retryOf ? { retryOf } : {}), attempt: context.attempt }
  if (logger.enabled('debug')) {
    logger.log('debug', 'http request', {
      ...attemptFields,
      headers: redactHeaders(headers),
      ...(call.body !== undefined ? { body: redactValue(call.body) } : {}),
    })
  }

  const startedAt = performance.now()
  let response: AxiosResponse<unknown>
  const watch = watchAttempt(call, timeoutMs)
  try {
    response = await transport.axiosInstance.request({
      method,
      url: context.url,
      headers,
      data: call.body,
      responseType: 'arraybuffer',
      // Every status is an answer we classify ourselves; axios must not throw on 4xx/5xx.
      validateStatus: () => true,
      ...watch.options,
    })
  } catch (error) {
    const mapped = mapTransportError(error, {
      vendor,
      method,
      url: safeUrl,
      timeoutMs,
      timedOut: watch.timedOut() || isAxiosTimeout(error),
      aborted: signal?.aborted === true,
    })
    logger.log('warn', 'http attempt failed', { ...attemptFields, durationMs: elapsedSince(startedAt), error: describeError(mapped) })
    throw mapped
  } finally {
    watch.stop()
  }

  const durationMs = elapsedSince(startedAt)
  const responseHeaders = normaliseHeaders(response.headers)
  let vendorRequestId: string | undefined
  for (const name of transport.requestIdHeaders) {
    const value = responseHeaders[name]
    if (value !== undefined && value !== '') {
      vendorRequestId = value
      break
    }
  }
  // Built only when written: this line is on every request's path.
  if (logger.enabled('info')) {
    logger.log('info', 'http response', { ...attemptFields, status: response.status, durationMs, ...(vendorRequestId ? { vendorRequestId } : {}) })
  }

  const body = createResponseBody(toBodyBytes(response.data))
  const errorRequestId = vendorRequestId ?? requestId
  const classified = transport.options.classifyError?.({
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
    throw errorFromResponse(transport, {
      status: response.status,
      headers: responseHeaders,
      body,
      method,
      url: context.url,
      requestId: errorRequestId,
    })
  }
  return {
    data: readSuccessBody(vendor, call, body, { status: response.status, contentType: responseHeaders['content-type'], method, safeUrl }) as T,
    status: response.status,
    headers: responseHeaders,
    requestId,
    ...(vendorRequestId ? { vendorRequestId } : {}),
    attempts: context.attempt,
  }
}

/** The core error of a non-2xx answer: the vendor's message and body, and any Retry-After. */
function errorFromResponse(
  transport: ResolvedTransport,
  context: { status: number; headers: Record<string, string>; body: ResponseBody; method: string; url: string; requestId: string },
): TicketbridgeError {
  const parsed = context.body.json()
  const text = context.body.text()
  const body = parsed.ok && parsed.value !== undefined ? parsed.value : text
  const retryAfterMs = parseRetryAfter(context.headers, Date.now(), { maximumDelayMs: transport.policy.maximumRetryAfterMs })
  const vendorMessage = readVendorMessage(body)
  const error = createApiError({
    status: context.status,
    vendor: transport.vendor,
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

/** A 2xx body as the call asked for it: JSON (or text when `expect: 'any'`), text or bytes. */
function readSuccessBody(
  vendor: string,
  call: HttpRequest,
  body: ResponseBody,
  context: { status: number; contentType: string | undefined; method: string; safeUrl: string },
): unknown {
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

/** Response headers with lower-cased names, repeated ones joined with `, `. */
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

function elapsedSince(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000
}
