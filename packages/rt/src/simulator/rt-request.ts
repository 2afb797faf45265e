/**
 * What both REST front ends read from a request: the body bytes, form and query parameters
 * (CGI-style, repeated names kept), uploaded files, cookies, and the `Authorization` header.
 */
import { type FormDataPart, multipartBoundary, parseFormData } from './rt-mime'
import type { RtDatabase } from './rt-database'
import type { RtUser } from './rt-records'
import type { ScripEnvironment } from './rt-scrips'

/** A request as the simulator handles it. */
export interface SimulatorRequest {
  method: string
  url: URL
  headers: Headers
  body: Buffer
}

/** Reads a fetch Request once into a {@link SimulatorRequest}. */
export async function readSimulatorRequest(request: Request): Promise<SimulatorRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await request.arrayBuffer())
  return { method: request.method.toUpperCase(), url: new URL(request.url), headers: request.headers, body }
}

/** Parameters as Perl's CGI sees them: query string first, then the body; names may repeat. */
export interface RequestParameters {
  values: Map<string, string[]>
  /** Files of a multipart body, by part name. */
  uploads: Map<string, FormDataPart>
  /** Every multipart part, in order (REST2 reads several `Attachments` parts). */
  parts: FormDataPart[]
}

function addParameter(values: Map<string, string[]>, name: string, value: string): void {
  const list = values.get(name) ?? []
  list.push(value)
  values.set(name, list)
}

/** Decodes `application/x-www-form-urlencoded` text (`+` is a space; bad escapes are kept). */
export function decodeFormComponent(text: string): string {
  const bytes: number[] = []
  const source = text.replace(/\+/g, ' ')
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index] as string
    if (character === '%' && /^[0-9a-fA-F]{2}$/.test(source.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(source.slice(index + 1, index + 3), 16))
      index += 2
    } else {
      bytes.push(...Buffer.from(character, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function addUrlEncoded(values: Map<string, string[]>, text: string): void {
  for (const pair of text.split(/[&;]/)) {
    if (!pair) continue
    const equals = pair.indexOf('=')
    const name = decodeFormComponent(equals === -1 ? pair : pair.slice(0, equals))
    const value = equals === -1 ? '' : decodeFormComponent(pair.slice(equals + 1))
    addParameter(values, name, value)
  }
}

/** Query and body parameters of a request, with uploads. */
export function readParameters(request: SimulatorRequest, includeBody = true): RequestParameters {
  const values = new Map<string, string[]>()
  const uploads = new Map<string, FormDataPart>()
  let parts: FormDataPart[] = []
  addUrlEncoded(values, request.url.search.replace(/^\?/, ''))
  if (includeBody && request.body.length > 0) {
    const contentType = request.headers.get('content-type')
    const boundary = multipartBoundary(contentType)
    if (boundary) {
      parts = parseFormData(request.body, boundary)
      for (const part of parts) {
        if (part.filename !== undefined) uploads.set(part.name, part)
        addParameter(values, part.name, part.filename ?? part.body.toString('utf8'))
      }
    } else if (!contentType || /^application\/x-www-form-urlencoded/i.test(contentType)) {
      addUrlEncoded(values, request.body.toString('latin1'))
    }
  }
  return { values, uploads, parts }
}

/** The first value of a parameter, as Mason's scalar `%ARGS` take it. */
export function firstParameter(parameters: RequestParameters, name: string): string | undefined {
  return parameters.values.get(name)?.[0]
}

/** Cookies sent with a request, by name. */
export function readCookies(request: SimulatorRequest): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const piece of (request.headers.get('cookie') ?? '').split(';')) {
    const equals = piece.indexOf('=')
    if (equals > 0) cookies.set(piece.slice(0, equals).trim(), piece.slice(equals + 1).trim())
  }
  return cookies
}

/** The `token <string>` of an Authorization header, if that is the scheme. */
export function authorizationToken(request: SimulatorRequest): string | undefined {
  return /^token (.*)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
}

/** Checks a password the way RT's IsPassword does (disabled users and users without one fail). */
export function passwordMatches(user: RtUser | undefined, password: string): boolean {
  return !!user && !user.disabled && user.password !== null && user.password === password
}

/** The user an auth token belongs to (`1-<user id>-<secret>`), if it is a valid token. */
export function userForToken(database: RtDatabase, token: string): RtUser | undefined {
  const userId = database.tokens.get(token)
  const user = userId === undefined ? undefined : database.users.get(userId)
  return user && !user.disabled ? user : undefined
}

/** The session cookie's name: `RT_SID_<rtname>.<port>`. */
export function sessionCookieName(database: RtDatabase, request: SimulatorRequest): string {
  const port = request.url.port || (request.url.protocol === 'https:' ? '443' : '80')
  return `RT_SID_${database.identity.rtname}.${port}`
}

/** Everything a front end needs to answer one request. */
export interface RequestContext extends ScripEnvironment {
  /** The origin `_url` values are built from (RT's $WebBaseURL), without a trailing slash. */
  baseUrl: string
}
