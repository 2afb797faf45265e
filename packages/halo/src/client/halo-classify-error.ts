import {
  AuthenticationError,
  ConfigurationError,
  createApiError,
  PermissionError,
  redactText,
  type TicketbridgeError,
  type ValidationIssue,
  ValidationError,
} from '@ticketbridge/core'
import { type ClassifiableResponse, type ClassifyError, parseRetryAfter, readVendorMessage } from '@ticketbridge/http'

/** How long to wait after a 429 that carries no Retry-After (Halo never documents one). */
export interface RateLimitDelay {
  min: number
  max: number
}

/** Halo's default: 30 to 60 s, jittered, because its 300-request window rolls over 5 minutes. */
export const defaultRateLimitDelayMs: RateLimitDelay = { min: 30_000, max: 60_000 }

/** The body of an error answer: parsed JSON when it is JSON, else its text. */
function readBody(response: ClassifiableResponse): unknown {
  const json = response.json()
  return json !== undefined ? json : response.text()
}

function isHtml(response: ClassifiableResponse): boolean {
  const contentType = response.headers['content-type'] ?? ''
  return contentType.includes('text/html') || /^\s*<(!doctype|html|head|body)\b/i.test(response.text().slice(0, 200))
}

/**
 * Halo's validation answers are free text, a JSON string or `{ ClassName, Message }`, often
 * several sentences. Each sentence becomes an issue, naming the field when the sentence does:
 * "Details is a mandatory field", "An Outcome must be entered for this Action",
 * "The field 'Category' is required".
 */
export function parseHaloValidationIssues(message: string | undefined): ValidationIssue[] {
  if (message === undefined || message.trim() === '') return []
  const sentences = message
    .split(/\r?\n|;\s+|(?<=\.)\s+(?=[A-Z])/)
    .map((sentence) => sentence.trim().replace(/\.$/, ''))
    .filter(Boolean)
  return sentences.map((sentence) => {
    const field = fieldOf(sentence)
    // Issues are not redacted by ValidationError itself; an echoed credential must not survive here.
    const safe = redactText(sentence)
    return field === undefined ? { message: safe } : { field, message: safe }
  })
}

const fieldPatterns: RegExp[] = [
  /^(?:the\s+)?(?:field\s+)?['"]?([\w ./-]{1,60}?)['"]?\s+(?:is|are)\s+(?:a\s+)?(?:mandatory|required)/i,
  /^(?:an?|the)\s+([\w ./-]{1,60}?)\s+must\s+be\s+(?:entered|set|selected|provided|given)/i,
  /^(?:please\s+)?(?:enter|select|provide)\s+(?:an?|the)\s+([\w ./-]{1,60}?)$/i,
]

function fieldOf(sentence: string): string | undefined {
  for (const pattern of fieldPatterns) {
    const name = pattern.exec(sentence)?.[1]?.trim()
    if (name) return name.toLowerCase().replace(/\s+/g, '_')
  }
  return undefined
}

const validationWords = /\b(mandatory|required|must be (entered|set|selected|provided))\b/i

/** Settings of {@link createHaloErrorClassifier}. */
export interface HaloErrorClassifierOptions {
  rateLimitDelayMs: RateLimitDelay
  maximumRetryAfterMs: number
  /** Source of jitter for the default 429 delay, a number in [0, 1). */
  random?: () => number
}

/**
 * Classifies the resource server's error answers before status mapping and retries:
 * - 429 becomes RateLimitError with the delay to wait: Retry-After when Halo sends one, else a
 *   jittered 30 to 60 s (configurable), which the retry loop then honours.
 * - 400 and 422 become ValidationError with each sentence of Halo's message as an issue.
 * - A 500 whose message is a validation message ("Details is a mandatory field", thrown as a
 *   .NET exception) is a ValidationError too: retrying it cannot help.
 * Everything else keeps the transport's status mapping (which reads `errorMessage`, `Message`,
 * `error_description`, `error` or short plain text). 2xx answers are left alone.
 */
export function createHaloErrorClassifier(options: HaloErrorClassifierOptions): ClassifyError {
  const random = options.random ?? Math.random
  return (response) => {
    const { status } = response
    if (status < 400) return undefined
    const base = { status, vendor: response.vendor, method: response.method, url: response.url, requestId: response.requestId }
    if (status === 429) {
      const body = readBody(response)
      const vendorMessage = readVendorMessage(body)
      const retryAfterMs =
        parseRetryAfter(response.headers, Date.now(), { maximumDelayMs: options.maximumRetryAfterMs }) ??
        Math.round(options.rateLimitDelayMs.min + random() * (options.rateLimitDelayMs.max - options.rateLimitDelayMs.min))
      return createApiError({ ...base, body, retryAfterMs, ...(vendorMessage !== undefined ? { vendorMessage } : {}) })
    }
    if (status === 400 || status === 422 || status === 500) {
      if (isHtml(response)) return undefined
      const body = readBody(response)
      const vendorMessage = readVendorMessage(body)
      if (status === 500 && !(vendorMessage !== undefined && validationWords.test(vendorMessage))) return undefined
      const issues = parseHaloValidationIssues(vendorMessage)
      if (status === 500) {
        return new ValidationError(
          `halo refused the data (HTTP 500 on ${response.method} ${pathOf(response.url)}): ${vendorMessage}. Correct the fields named in issues.`,
          {
            ...base,
            body,
            issues,
          },
        )
      }
      return createApiError({ ...base, body, ...(vendorMessage !== undefined ? { vendorMessage } : {}), ...(issues.length > 0 ? { issues } : {}) })
    }
    return undefined
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

/**
 * Classifies the authorisation server's answers. OAuth errors (`invalid_client`,
 * `invalid_grant`, `unauthorized_client`, …) are AuthenticationError whatever their status;
 * `invalid_scope` is PermissionError. A token endpoint that answers with a web page or 404 is
 * misconfigured: ConfigurationError naming `authUrl`.
 */
export function classifyHaloTokenError(response: ClassifiableResponse): TicketbridgeError | undefined {
  const base = { status: response.status, vendor: response.vendor, method: response.method, url: response.url, requestId: response.requestId }
  const tokenEndpoint = pathOf(response.url)
  if (response.status >= 200 && response.status < 300) {
    if (response.json() === undefined || isHtml(response)) {
      return new ConfigurationError(
        `The Halo token endpoint ${tokenEndpoint} answered HTTP ${response.status} with ${isHtml(response) ? 'a web page' : 'something that is not JSON'}. Set authUrl to the Authorisation Server shown under Configuration > Integrations > Halo API > API Details.`,
        { vendor: 'halo', option: 'authUrl' },
      )
    }
    return undefined
  }
  if (response.status === 404 || response.status === 405) {
    return new ConfigurationError(
      `The Halo token endpoint ${tokenEndpoint} does not exist (HTTP ${response.status}). Set authUrl to the Authorisation Server shown under Configuration > Integrations > Halo API > API Details (hosted instances may use another host, and a tenant).`,
      { vendor: 'halo', option: 'authUrl' },
    )
  }
  const body = readBody(response)
  const code = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined
  const vendorMessage = readVendorMessage(body)
  const said = vendorMessage !== undefined && vendorMessage !== code ? `: ${vendorMessage}` : ''
  if (code === 'invalid_scope') {
    return new PermissionError(
      `Halo refused the requested scopes (${code})${said}. Ask only for scopes granted to the API application (see scopes).`,
      { ...base, body },
    )
  }
  if (typeof code === 'string' || response.status === 401 || response.status === 400 || response.status === 403) {
    const advice =
      code === 'invalid_grant'
        ? 'Check the username and password, or that the refresh token is still valid.'
        : code === 'unsupported_grant_type' || code === 'unauthorized_client'
          ? 'The API application does not allow this authentication method; check its settings in Halo.'
          : 'Check clientId, clientSecret and tenant.'
    return new AuthenticationError(
      `Halo refused the credentials at the token endpoint (HTTP ${response.status}${typeof code === 'string' ? `, ${code}` : ''})${said}. ${advice}`,
      { ...base, body },
    )
  }
  return undefined
}
