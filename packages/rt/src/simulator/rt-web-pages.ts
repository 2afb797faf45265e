/**
 * The two web pages of RT a client reads: the login form (`/NoAuth/Login.html`: `user` and
 * `pass` give a web session cookie) and the preferences page (`/Prefs/AboutMe.html`), cut down to
 * what is read of it, its time zone select: the server's `$Timezone` as the empty option's label
 * (`System Default (UTC)`) and the user's own zone `selected`. As on RT 5.0.3: an auth token
 * opens the page, a session begun on REST 1.0 does not (a 200 error text), and anyone else is
 * sent to the login page (302).
 */
import { randomBytes } from 'node:crypto'
import { tzOffset } from '@date-fns/tz'
import type { RtUser } from './rt-records'
import {
  authorizationToken,
  firstParameter,
  passwordMatches,
  type RequestContext,
  readCookies,
  readParameters,
  type SimulatorRequest,
  sessionCookieName,
  userForToken,
} from './rt-request'

/** Zones the select offers besides the server's and the user's (RT lists every zone DateTime knows). */
const offeredZones = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland']

const restSessionRefusal =
  'Error: This login session belongs to a REST client, and cannot be used to\naccess non-REST interfaces of RT for security reasons.\n'

function page(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { server: 'Plack::Handler::Starlet', 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY', ...headers },
  })
}

function newWebSession(context: RequestContext, request: SimulatorRequest, userId: number | null): string {
  const id = randomBytes(16).toString('hex')
  context.database.sessions.set(id, { id, userId })
  return `${sessionCookieName(context.database, request)}=${id}; path=/; HttpOnly`
}

/** The label RT gives a zone: its name and its offset now (`America/New_York -0500`). */
function zoneLabel(zone: string): string {
  const minutes = tzOffset(zone, new Date())
  const size = Math.abs(minutes)
  return `${zone} ${minutes < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}${String(size % 60).padStart(2, '0')}`
}

function aboutMePage(context: RequestContext, user: RtUser): string {
  const system = context.database.timeZone
  const zones = [...new Set([...offeredZones, system, ...(user.timezone ? [user.timezone] : [])])].sort()
  const options = zones.map((zone) => `<option value="${zone}" ${zone === user.timezone ? 'selected="selected"' : ''} >${zoneLabel(zone)}</option>`)
  return (
    `<!DOCTYPE html>\n<html><head><title>Preferences</title></head><body>\n<form method="post" action="/Prefs/AboutMe.html">\n` +
    `<input type="text" name="Name" value="${user.name}" />\n` +
    `<select class="form-control selectpicker" name="Timezone">\n<option value="">System Default (${system})</option>\n${options.join('\n')}\n</select>\n` +
    '</form></body></html>\n'
  )
}

function loginPage(message: string): string {
  return `<!DOCTYPE html>\n<html><head><title>Login</title></head><body>\n${message ? `<div class="error">${message}</div>\n` : ''}<form method="post" action="/NoAuth/Login.html"><input name="user" /><input type="password" name="pass" /></form>\n</body></html>\n`
}

/** `/NoAuth/Login.html`: a web session for the right user name and password. */
export function answerLoginPage(request: SimulatorRequest, context: RequestContext): Response {
  const parameters = readParameters(request)
  const name = firstParameter(parameters, 'user')
  const password = firstParameter(parameters, 'pass')
  if (name === undefined || password === undefined) return page(200, loginPage(''), { 'set-cookie': newWebSession(context, request, null) })
  const user = context.database.findUser(name)
  if (!user || !passwordMatches(user, password)) {
    return page(200, loginPage('Your username or password is incorrect'), { 'set-cookie': newWebSession(context, request, null) })
  }
  return page(200, loginPage(''), { 'set-cookie': newWebSession(context, request, user.id) })
}

/** `/Prefs/AboutMe.html` for the session's user, the token's, or the `user`/`pass` given. */
export function answerAboutMePage(request: SimulatorRequest, context: RequestContext): Response {
  const { database } = context
  const cookie = readCookies(request).get(sessionCookieName(database, request))
  const session = cookie ? database.sessions.get(cookie) : undefined
  if (session?.rest) return page(200, restSessionRefusal)
  let user = session?.userId ? database.users.get(session.userId) : undefined
  const token = authorizationToken(request)
  if (!user && token) user = userForToken(database, token)
  if (!user) {
    const parameters = readParameters(request)
    const candidate = database.findUser(firstParameter(parameters, 'user') ?? '')
    if (candidate && passwordMatches(candidate, firstParameter(parameters, 'pass') ?? '')) user = candidate
  }
  if (!user || user.disabled) {
    return page(302, '', { location: `${context.baseUrl}/NoAuth/Login.html?next=${randomBytes(16).toString('hex')}` })
  }
  return page(200, aboutMePage(context, user))
}
