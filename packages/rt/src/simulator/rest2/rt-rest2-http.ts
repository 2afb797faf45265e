/**
 * HTTP plumbing of REST2 as RT 5.0.3 serves it: authentication (session cookie, auth token in
 * the header or `?token=`, HTTP Basic), the 401 without WWW-Authenticate, JSON bodies in RT's two
 * styles (pretty records, compact errors with `{"message": ...}`), and the Web::Machine decisions
 * RT inherits: 405, 403, 404, `If-Match` (412) and `If-None-Match` (304), 415.
 */
import type { RtDatabase } from '../rt-database'
import type { RtUser } from '../rt-records'
import { type PerlJsonValue, toCompactPerlJson, toPrettyPerlJson } from '../rt-perl-json'
import {
  type RequestParameters,
  type SimulatorRequest,
  authorizationToken,
  passwordMatches,
  readCookies,
  sessionCookieName,
  userForToken,
} from '../rt-request'

const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  501: 'Not Implemented',
}

/** The reason phrase RT (HTTP::Status) gives a status code. */
function statusReason(status: number): string {
  return reasons[status] ?? 'Unknown'
}

function baseHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { server: 'Plack::Handler::Starlet', ...extra }
}

/** A record or collection answer: pretty JSON with `charset="utf-8"` (quoted, as RT sends it). */
export function jsonAnswer(status: number, value: PerlJsonValue, headers: Record<string, string> = {}, pretty = true): Response {
  const body = pretty ? toPrettyPerlJson(value) : toCompactPerlJson(value)
  return new Response(Buffer.from(body, 'utf8'), {
    status,
    statusText: statusReason(status),
    headers: baseHeaders({ 'content-type': 'application/json; charset="utf-8"', ...headers }),
  })
}

/** RT's error_as_json: `{"message":"..."}`, compact, `charset=utf-8` unquoted. */
export function errorAnswer(status: number, message?: string, headers: Record<string, string> = {}): Response {
  return new Response(Buffer.from(toCompactPerlJson({ message: message ?? statusReason(status) }), 'utf8'), {
    status,
    statusText: statusReason(status),
    headers: baseHeaders({ 'content-type': 'application/json; charset=utf-8', ...headers }),
  })
}

/** An answer with no body (304, 204, and the 500 RT sends for `fields=Parent`). */
export function emptyAnswer(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, statusText: statusReason(status), headers: baseHeaders(headers) })
}

/** A plain-text answer (RT's few non-JSON errors). */
export function textAnswer(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, statusText: statusReason(status), headers: baseHeaders({ 'content-type': 'text/plain', ...headers }) })
}

/**
 * RT::REST2::Middleware::Auth: the REST 1.0 session cookie first, then an auth token
 * (`Authorization: token ...` or `?token=`), then HTTP Basic.
 */
export function authenticateRest2(database: RtDatabase, request: SimulatorRequest, parameters: RequestParameters): RtUser | undefined {
  const sessionId = readCookies(request).get(sessionCookieName(database, request))
  const session = sessionId ? database.sessions.get(sessionId) : undefined
  if (session?.userId) {
    const user = database.users.get(session.userId)
    if (user) return user
  }
  const token = authorizationToken(request) ?? parameters.values.get('token')?.[0]
  if (token) return userForToken(database, token)
  const basic = /^basic (.*)$/i.exec(request.headers.get('authorization') ?? '')
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8') || ':'
    const colon = decoded.indexOf(':')
    const name = colon === -1 ? decoded : decoded.slice(0, colon)
    const password = colon === -1 ? '' : decoded.slice(colon + 1)
    const user = database.findUser(name)
    return passwordMatches(user, password) ? user : undefined
  }
  return undefined
}

/** RT's answer to an unauthenticated request: a redirect to the login page for browsers, else 401. */
export function unauthorizedAnswer(request: SimulatorRequest): Response {
  if (request.headers.get('cookie') || /Mozilla/.test(request.headers.get('user-agent') ?? '')) {
    return new Response('Login required', { status: 302, statusText: 'Found', headers: baseHeaders({ location: '/' }) })
  }
  return errorAnswer(401)
}

/** The media type of a request's Content-Type, lower-cased, without parameters. */
export function mediaType(request: SimulatorRequest): string | undefined {
  const header = request.headers.get('content-type')
  return header ? header.split(';')[0]?.trim().toLowerCase() : undefined
}

/**
 * Web::Machine's `If-Match` / `If-None-Match` checks against a resource's ETag. Returns the
 * answer to give instead of processing the request, or undefined to go on.
 */
export function preconditionAnswer(request: SimulatorRequest, exists: boolean, etag: string | undefined): Response | undefined {
  const ifMatch = request.headers.get('if-match')
  if (!exists) return ifMatch?.trim() === '*' ? errorAnswer(412) : undefined
  const quoted = etag === undefined ? undefined : `"${etag}"`
  const matches = (header: string): boolean =>
    header
      .split(',')
      .map((item) => item.trim())
      .some((item) => item === '*' || (quoted !== undefined && (item === quoted || `"${item}"` === quoted)))
  if (ifMatch && ifMatch.trim() !== '*' && !matches(ifMatch)) return errorAnswer(412)
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch && matches(ifNoneMatch)) {
    if (request.method === 'GET' || request.method === 'HEAD') {
      return emptyAnswer(304, { ...(quoted ? { etag: quoted } : {}) })
    }
    return errorAnswer(412)
  }
  return undefined
}
