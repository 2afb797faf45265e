import {
  AuthenticationError,
  InvalidResponseError,
  NotFoundError,
  PermissionError,
  ServerError,
  type TicketbridgeError,
  ValidationError,
  type ValidationIssue,
} from '@ticketbridge/core'
import type { ClassifiableResponse } from '@ticketbridge/http'
import { parseRest1Forms, parseRest1StatusLine } from './rt-rest1-form-parser'

const vendor = 'rt'

/** What the classifier needs of a response; the transport's `ClassifiableResponse` has it all. */
export type Rest1ClassifiableResponse = Pick<ClassifiableResponse, 'method' | 'url' | 'status' | 'headers' | 'requestId' | 'text'>

/**
 * Classifies a REST 1.0 answer. RT answers HTTP 200 in practically every case and puts the real
 * outcome in the body, so this runs before the transport's status mapping and retry decision
 * (rt.md §2.5). Checked in order:
 *
 * 1. An HTTP status other than 200: left to the transport (a proxy's 503, a 429).
 * 2. An empty body: success with nothing to say (an edit that changed nothing).
 * 3. HTML without a status line: not RT's REST interface (a wrong base URL or a login page):
 *    InvalidResponseError. (Attachment content keeps its own Content-Type, after a status line.)
 * 4. No `RT/` status line: RT crashed inside Mason (a Perl message and a stack): ServerError,
 *    not retried, as the same request crashes the same way (RT 5.0.3 does this when a user
 *    without rights shows a queue).
 * 5. RT code 401: AuthenticationError (bad password, no credentials, expired session).
 * 6. The first `#` comment decides, whatever the RT code says: `does not exist` / `No user
 *    named` / `Invalid attachment id` → NotFoundError; `You are not allowed` / `No permission` → PermissionError; `Could
 *    not create ticket` → PermissionError or ValidationError by its reason; `No attachment for`,
 *    `Empty comment`, `Invalid action` → ValidationError.
 * 7. RT code 409 (`Syntax Error`): ValidationError with one issue per `# field: message` line.
 *    RT applied the fields it understood anyway; the message says so.
 * 8. RT code 400 (`Invalid query: …` from a search, and other refusals): ValidationError.
 *
 * @returns the error to throw, or `undefined` when the answer is a success.
 */
export function classifyRest1Response(response: Rest1ClassifiableResponse): TicketbridgeError | undefined {
  if (response.status !== 200) return undefined
  const common = { vendor, method: response.method, url: response.url, requestId: response.requestId }
  const contentType = response.headers['content-type'] ?? ''
  const body = response.text()
  if (body === '') return undefined
  // Checked first: attachment content keeps its own Content-Type (even text/html) after the status line.
  const statusLine = parseRest1StatusLine(body)
  if (!statusLine && (/^text\/html/i.test(contentType) || /^\s*</.test(body))) {
    return new InvalidResponseError(
      `RT answered ${response.method} ${response.url} with an HTML page where REST 1.0 text was due. Check baseUrl: it must be RT's web root (the address of RT's login page, without /REST/1.0).`,
      { vendor, status: response.status, url: response.url, body },
    )
  }
  if (!statusLine) {
    const firstLine = body.split('\n', 1)[0]!.trim()
    return new ServerError(
      `RT failed while answering ${response.method} ${path(response.url)}: "${firstLine}" (HTTP 200 without an RT status line). RT 5 answers like this when its REST 1.0 code crashes, for example when the user lacks a right it expects; check the user's rights and RT's log.`,
      { ...common, status: 500, body, retryable: false },
    )
  }
  const { code, text, payload } = statusLine
  const where = `${response.method} ${path(response.url)}`
  if (code === 401) {
    return new AuthenticationError(
      `RT refused the credentials (RT ${code} ${text} on ${where}). Check the user name and password or the auth token; RT REST 1.0 does not accept HTTP basic authentication.`,
      { ...common, status: 401, body, retryable: true },
    )
  }

  const forms = parseRest1Forms(payload)
  const comments = forms[0]?.comments ?? []
  const firstComment = comments[0] ?? ''
  const said = comments.join(' ')
  const bodyOption = { ...common, body }

  if (
    /^Ticket \S+ does not exist\.?$/.test(firstComment) ||
    /^Invalid attachment id: /.test(firstComment) ||
    /^No (user|queue) named .* exists\.?$/.test(firstComment) ||
    /^(Queue|User|Ticket) .* does not exist\.?$/.test(firstComment)
  ) {
    return new NotFoundError(`Not found (RT ${code} on ${where}): ${said} Check the id or name, and that this user can see it.`, {
      ...bodyOption,
      status: 404,
    })
  }
  if (/^You are not allowed to/.test(firstComment) || /^Permission denied/i.test(firstComment)) {
    return new PermissionError(`RT denied access (RT ${code} on ${where}): ${said} Grant the user the right this call needs.`, {
      ...bodyOption,
      status: 403,
    })
  }
  if (/^Could not create ticket\.?$/.test(firstComment)) {
    const reasons = comments.slice(1).map((comment) => comment.replace(/^Could not create ticket\.\s*/, ''))
    const reason = reasons.join(' ') || 'no reason given'
    if (reasons.some((line) => /permission/i.test(line))) {
      return new PermissionError(`RT refused to create the ticket (RT ${code} on ${where}): ${reason}. Grant the user CreateTicket on the queue.`, {
        ...bodyOption,
        status: 403,
      })
    }
    const field = reasons.some((line) => /queue/i.test(line)) ? 'Queue' : undefined
    return new ValidationError(
      `RT refused to create the ticket (RT ${code} on ${where}): ${reason}. ${field ? 'Name an existing queue.' : 'Correct the fields named in issues.'}`,
      {
        ...bodyOption,
        status: 400,
        issues: [{ ...(field ? { field } : {}), message: reason }],
      },
    )
  }
  if (/^No attachment for /.test(firstComment) || /^Empty comment/.test(firstComment) || /^Invalid action/.test(firstComment)) {
    const field = /^No attachment/.test(firstComment) ? 'Attachment' : /^Invalid action/.test(firstComment) ? 'Action' : 'Text'
    return new ValidationError(`RT refused the data (RT ${code} on ${where}): ${said}`, {
      ...bodyOption,
      status: 400,
      issues: [{ field, message: firstComment }],
    })
  }
  if (code === 409) {
    const issues = syntaxErrorIssues(comments)
    const applied = comments.some((comment) => /^Ticket \d+ updated\.?$/.test(comment))
    return new ValidationError(
      `RT refused some fields (RT 409 Syntax Error on ${where}): ${issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')}.${applied ? ' RT applied the other fields of the same form.' : ''} Correct the fields named in issues.`,
      { ...bodyOption, status: 409, issues },
    )
  }
  if (code === 400) {
    const invalidQuery = /^Invalid query:\s*'?([\s\S]*?)(?: at \/\S+ line \d+[\s\S]*)?$/m.exec(payload.trim())
    if (invalidQuery) {
      const message = invalidQuery[1]!.split('\n', 1)[0]!.trim()
      return new ValidationError(`RT refused the query (RT 400 on ${where}): ${message}. Correct the TicketSQL.`, {
        ...bodyOption,
        status: 400,
        issues: [{ field: 'query', message }],
      })
    }
    const message = said || text
    return new ValidationError(`RT refused the request (RT 400 ${text} on ${where}): ${message}`, {
      ...bodyOption,
      status: 400,
      issues: [{ message }],
    })
  }
  if (code === 403) return new PermissionError(`RT denied access (RT 403 on ${where}): ${said || text}`, { ...bodyOption, status: 403 })
  if (code === 404) return new NotFoundError(`Not found (RT 404 on ${where}): ${said || text}`, { ...bodyOption, status: 404 })
  if (code >= 500) return new ServerError(`RT failed (RT ${code} ${text} on ${where}): ${said}`, { ...bodyOption, status: code })
  return undefined
}

/** `# field: message` lines of a 409 answer as issues; RT's own result lines are left out. */
function syntaxErrorIssues(comments: string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  for (const comment of comments) {
    if (/^Ticket \d+ (updated|created)\.?$/.test(comment)) continue
    // The field comes first, lower-cased by RT, or as a custom field `CF.{Name}`.
    const match = /^(CF\.\{[^}]*\}|[\w.-]+):\s*(.*)$/.exec(comment)
    issues.push(match ? { field: match[1]!, message: match[2]! } : { message: comment })
  }
  return issues.length > 0 ? issues : [{ message: 'RT answered 409 Syntax Error' }]
}

function path(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url.split('?')[0] ?? url
  }
}
