import {
  type ApiErrorOptions,
  AuthenticationError,
  NotFoundError,
  notFoundAdvice,
  PermissionError,
  RateLimitError,
  redactText,
  ServerError,
  type TicketbridgeError,
  ValidationError,
  type ValidationIssue,
} from '@ticketbridge/core'
import { type ClassifiableResponse, type ClassifyError, parseRetryAfter } from '@ticketbridge/http'

/** Wait after a thread-limit refusal when Autotask says nothing: a slot frees within a request's time. */
const threadLimitDelayMs = 1_000

/** Wait after an hourly-threshold refusal: the rolling hour has to drop below the limit. */
const hourlyThresholdDelayMs = 60_000

/**
 * The messages of an Autotask error body. Autotask answers `{"errors": ["…", …]}` (strings, or
 * objects with a `message`), sometimes with an `errorId`; framework errors answer
 * `{"Message": "…"}`.
 */
export function readAutotaskErrors(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return []
  const record = body as Record<string, unknown>
  const errors = record.errors ?? record.Errors
  const list = Array.isArray(errors) ? errors : errors === undefined || errors === null ? [] : [errors]
  const messages = list
    .map((item) => {
      if (typeof item === 'string') return item
      if (typeof item === 'object' && item !== null) {
        const nested = item as Record<string, unknown>
        const text = nested.message ?? nested.Message ?? nested.errorMessage
        if (typeof text !== 'string') return undefined
        return typeof nested.field === 'string' && !text.includes(nested.field) ? `${text} (field:${nested.field})` : text
      }
      return undefined
    })
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .map((text) => text.trim())
  if (messages.length === 0 && typeof record.Message === 'string') messages.push(record.Message)
  return messages
}

/** The kinds of refusal Autotask hides in an error body, whatever its HTTP status. */
export type AutotaskErrorKind =
  | 'thread-limit'
  | 'hourly-threshold'
  | 'unknown-user'
  | 'invalid-integration-code'
  | 'permission'
  | 'not-found'
  | 'unexpected'
  | 'validation'

const threadLimit = /thread\s*(threshold|limit)|concurrent\s+(threads|requests)|Itgenatr005/i
const hourlyThreshold =
  /(request|api)\s+threshold|requests?\s+(limit|threshold)\s+(has been\s+)?(exceeded|reached)|exceeded\s+the\s+(hourly|request)/i
const unknownUser =
  /zone information could not be determined|user(name)?\s+(is\s+)?(invalid|not\s+found|does not exist|unknown)|invalid\s+user(name)?/i
const invalidIntegrationCode = /integration\s*code\s+(is\s+)?(invalid|not valid|missing)|invalid\s+(api\s+)?integration\s*code|tracking identifier/i
const permission =
  /adequate permissions|not\s+(have\s+)?(the\s+)?permission|not authorized|access\s+(is\s+)?denied|insufficient (rights|permissions|security)/i
const notFound = /^(the\s+)?(requested\s+)?(resource|record|entity|item)\s+(was\s+)?not\s+found|^not found\.?$|does not exist\.?$/i
// A message that itself reports an HTTP 5xx, or asks to try again later, describes a failure, not the data.
const unexpected = /unexpected error|internal server error|an error has occurred\.?$|\bHTTP 5\d\d\b|try again later|service unavailable/i

/** Which kind of refusal the messages describe, or undefined when none of them says. */
export function classifyAutotaskMessages(messages: readonly string[]): AutotaskErrorKind | undefined {
  const text = messages.join('\n')
  if (text === '') return undefined
  if (threadLimit.test(text)) return 'thread-limit'
  if (hourlyThreshold.test(text)) return 'hourly-threshold'
  if (unknownUser.test(text)) return 'unknown-user'
  if (invalidIntegrationCode.test(text)) return 'invalid-integration-code'
  if (permission.test(text)) return 'permission'
  if (messages.every((message) => notFound.test(message))) return 'not-found'
  if (unexpected.test(text)) return 'unexpected'
  return 'validation'
}

/**
 * The field a validation message names, where it does: `(field:description)`, `for taskType`,
 * `Unable to find foo in the Tickets Entity`, `Missing Required Field: title`, `… assignedResourceID and …`.
 */
export function fieldOfAutotaskMessage(message: string): string | undefined {
  const patterns: RegExp[] = [
    /\(field:\s*([\w.]+)\)/i,
    /unable to find\s+([\w.]+)\s+in the/i,
    /required field[s]?:?\s+([\w.]+)/i,
    /\bfield\s+['"]?([\w.]+)['"]?/i,
    /existing entity for\s+([\w.]+)/i,
    /^([a-z][\w]*(?:ID|Id|Type|Date|DateTime|Name)?)\s+(is required|is invalid|cannot|must|is not valid)/,
  ]
  for (const pattern of patterns) {
    const field = pattern.exec(message)?.[1]
    if (field) return field
  }
  return undefined
}

/** Options of {@link createAutotaskErrorClassifier}. */
export interface AutotaskErrorClassifierOptions {
  /** Longest server-requested delay honoured. */
  maximumRetryAfterMs?: number
}

/**
 * The `classifyError` hook of the Autotask transport. Autotask reports most refusals as HTTP 500
 * with `{"errors": [...]}`: a validation failure, an unknown user, a bad integration code and a
 * thread limit all look alike by status. This reads the messages first, so that retries see the
 * real class: validation is never retried, a thread limit is retried after a delay, a credential
 * problem surfaces as AuthenticationError at once. Responses it does not recognise (a 503, a 401
 * without a body, an HTML page) fall through to the transport's status mapping.
 */
export function createAutotaskErrorClassifier(options: AutotaskErrorClassifierOptions = {}): ClassifyError {
  return (response: ClassifiableResponse): TicketbridgeError | undefined => {
    if (response.status < 400) return undefined
    const body = response.json()
    const messages = readAutotaskErrors(body)
    const kind = classifyAutotaskMessages(messages)
    if (kind === undefined) return undefined
    // Gateways (502–504) and 429s are what their status says, unless the body names a limit:
    // their text is the proxy's, not Autotask's verdict on the data.
    const limit = kind === 'thread-limit' || kind === 'hourly-threshold'
    if (!limit && (response.status === 429 || (response.status > 500 && response.status !== 501))) return undefined
    const vendorMessage = messages.join('; ')
    const where = `${response.method} ${pathOf(response.url)}`
    const serverDelayMs = parseRetryAfter(
      response.headers,
      Date.now(),
      options.maximumRetryAfterMs === undefined ? {} : { maximumDelayMs: options.maximumRetryAfterMs },
    )
    const base: ApiErrorOptions = {
      status: response.status,
      vendor: 'autotask',
      method: response.method,
      url: response.url,
      requestId: response.requestId,
      body: body ?? response.text(),
    }
    const said = `(HTTP ${response.status} on ${where}): ${vendorMessage.replace(/[.\s]+$/, '')}`
    switch (kind) {
      case 'thread-limit':
        return new RateLimitError(
          `Autotask refused the request: too many concurrent requests on this endpoint ${said}. It is retried after a pause.`,
          {
            ...base,
            retryAfterMs: serverDelayMs ?? threadLimitDelayMs,
          },
        )
      case 'hourly-threshold':
        return new RateLimitError(
          `Autotask's hourly request threshold for this database is used up ${said}. Wait until the rolling hour frees requests.`,
          {
            ...base,
            retryAfterMs: serverDelayMs ?? hourlyThresholdDelayMs,
          },
        )
      case 'unknown-user':
        return new AuthenticationError(`Autotask does not know this API user ${said}. Check the username (the API user's login).`, {
          ...base,
          retryable: false,
        })
      case 'invalid-integration-code':
        return new AuthenticationError(`Autotask refused the integration code ${said}. Check the API tracking identifier.`, {
          ...base,
          retryable: false,
        })
      case 'permission':
        return new PermissionError(
          `Autotask denied access ${said}. Grant the API user's security level (or the impersonated resource's) this right.`,
          base,
        )
      case 'not-found': {
        const notFound = notFoundAdvice(response.url)
        return new NotFoundError(`${notFound.summary} ${said}. ${notFound.advice}`, base)
      }
      case 'unexpected':
        return response.status >= 500 ? new ServerError(`Autotask failed ${said}. It is retried for idempotent calls.`, base) : undefined
      case 'validation':
        // Autotask's answer to data it refuses: HTTP 500 (sometimes 400) with the reasons.
        if (response.status === 500 || response.status === 400 || response.status === 422) {
          return new ValidationError(`Autotask refused the data ${said}. Correct the fields named in issues.`, {
            ...base,
            issues: toIssues(messages),
          })
        }
        return undefined
    }
  }
}

function toIssues(messages: readonly string[]): ValidationIssue[] {
  return messages.map((raw) => {
    // Issues are shown as they are by util.inspect; core redacts messages and bodies, not issues.
    const message = redactText(raw)
    const field = fieldOfAutotaskMessage(message)
    return field === undefined ? { message } : { field, message }
  })
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url.split('?')[0] ?? url
  }
}
