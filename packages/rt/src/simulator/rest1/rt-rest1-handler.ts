/**
 * The REST 1.0 entry point: RT's login sequence for `/REST/x.y/` URLs (session cookie, then an
 * `Authorization: token` header, then `user`/`pass` parameters; HTTP Basic is ignored), the
 * `RT/<version> 401 Credentials required` answer, logout, and routing to search or the dispatcher.
 * Every answer is HTTP 200 and sets the session cookie, as RT does.
 */
import { randomBytes } from 'node:crypto'
import type { RtDatabase } from '../rt-database'
import type { RtSession, RtUser } from '../rt-records'
import {
  type RequestContext,
  type SimulatorRequest,
  authorizationToken,
  firstParameter,
  passwordMatches,
  readCookies,
  readParameters,
  sessionCookieName,
  userForToken,
} from '../rt-request'
import { dispatchRest1 } from './rt-rest1-dispatcher'
import { Rest1Crash } from './rt-rest1-other-forms'
import { searchRest1 } from './rt-rest1-search'

function newSession(database: RtDatabase, userId: number | null, replacing?: RtSession): RtSession {
  if (replacing) database.sessions.delete(replacing.id)
  // A session begun on REST 1.0 is a REST session: RT refuses it on its web pages.
  const session = { id: randomBytes(16).toString('hex'), userId, rest: true }
  database.sessions.set(session.id, session)
  return session
}

function answer(
  database: RtDatabase,
  request: SimulatorRequest,
  session: RtSession,
  body: Buffer | string,
  contentType = 'text/plain; charset=utf-8',
): Response {
  return new Response(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, {
    status: 200,
    headers: {
      server: 'Plack::Handler::Starlet',
      'set-cookie': `${sessionCookieName(database, request)}=${session.id}; path=/; HttpOnly`,
      'content-type': contentType,
      'x-frame-options': 'DENY',
    },
  })
}

/** Answers a request under `/REST/1.0/`. */
export function handleRest1(request: SimulatorRequest, context: RequestContext, path: string): Response {
  const { database } = context
  const parameters = readParameters(request)
  const cookieValue = readCookies(request).get(sessionCookieName(database, request))
  let session = cookieValue ? database.sessions.get(cookieValue) : undefined
  session ??= newSession(database, null)
  let user: RtUser | undefined = session.userId === null ? undefined : database.users.get(session.userId)
  if (!user) {
    const token = authorizationToken(request)
    const tokenUser = token ? userForToken(database, token) : undefined
    if (tokenUser) {
      session = newSession(database, tokenUser.id, session)
      user = tokenUser
    }
  }
  if (!user) {
    const name = firstParameter(parameters, 'user')
    const password = firstParameter(parameters, 'pass')
    let message = ''
    if (name !== undefined && password !== undefined) {
      const candidate = database.findUser(name)
      if (candidate && passwordMatches(candidate, password)) {
        session = newSession(database, candidate.id, session)
        user = candidate
      } else {
        message = 'Your username or password is incorrect'
      }
    }
    if (!user) {
      const version = database.identity.version
      return answer(database, request, session, `RT/${version} 401 Credentials required\n${message ? `\n${message}\n` : ''}`)
    }
  }
  const object = path.replace(/^\/+/, '')
  if (object === 'logout') {
    session = newSession(database, null, session)
    return answer(database, request, session, `RT/${database.identity.version} 200 Ok\n`)
  }
  const restContext = { ...context, user, parameters }
  const search = /^search\/(.*)$/.exec(object)
  if (search) return answer(database, request, session, searchRest1(restContext, search[1] ?? ''))
  try {
    const result = dispatchRest1(restContext, object)
    return answer(database, request, session, result.body, result.contentType)
  } catch (error) {
    if (error instanceof Rest1Crash) return answer(database, request, session, error.body)
    throw error
  }
}
