import type { TicketbridgeError } from '@ticketbridge/core'
import type { AxiosInstance } from 'axios'
import type { AuthenticationHook } from './authentication-hook'
import type { QueryParameters } from './build-request-url'
import type { RateLimitEvent, RateLimiter, RateLimiterOptions } from './rate-limiter'
import type { RetryEvent, RetryPolicyOptions } from './retry-policy'
import type { LogLevel, TransportLogger } from './transport-logger'

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
