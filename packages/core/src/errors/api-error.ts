import { defineErrorClass, TicketbridgeError, type TicketbridgeErrorOptions } from './ticketbridge-error'
import { redactText, redactUrl } from '../redaction/redact-text'

/** Longest part of a response body kept on an error. */
export const bodyExcerptLength = 2000

/** What an {@link ApiError} records of the failed exchange. */
export interface ApiErrorOptions extends TicketbridgeErrorOptions {
  status: number
  method?: string
  url?: string
  requestId?: string
  /** The response body (text or parsed); stored redacted and cut to {@link bodyExcerptLength}. */
  body?: unknown
  /** Whether trying the same call again may succeed. Defaults by class. */
  retryable?: boolean
  /** How long the vendor asked us to wait (Retry-After on a 429 or 503, or a delay in its body). */
  retryAfterMs?: number
}

/** The vendor answered, and the answer was a failure. */
export class ApiError extends TicketbridgeError {
  declare static isInstance: (error: unknown) => error is ApiError
  readonly status: number
  readonly method?: string
  /** The request URL with credentials removed. */
  readonly url?: string
  readonly requestId?: string
  /** The start of the response body, redacted. */
  readonly bodyExcerpt?: string
  readonly retryable: boolean
  /** How long the vendor asked us to wait before trying again; unset when it did not say. */
  readonly retryAfterMs?: number

  constructor(message: string, options: ApiErrorOptions) {
    super(message, options)
    this.status = options.status
    if (options.method !== undefined) this.method = options.method.toUpperCase()
    if (options.url !== undefined) this.url = redactUrl(options.url)
    if (options.requestId !== undefined) this.requestId = options.requestId
    const excerpt = toBodyExcerpt(options.body)
    if (excerpt !== undefined) this.bodyExcerpt = excerpt
    this.retryable = options.retryable ?? false
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }
}
defineErrorClass(ApiError, 'ApiError')

function toBodyExcerpt(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined
  let text: string
  if (typeof body === 'string') text = body
  else if (body instanceof Uint8Array) text = new TextDecoder().decode(body.subarray(0, bodyExcerptLength))
  else {
    try {
      text = JSON.stringify(body)
    } catch {
      text = String(body)
    }
  }
  const redacted = redactText(text)
  return redacted.length > bodyExcerptLength ? `${redacted.slice(0, bodyExcerptLength)}…` : redacted
}
