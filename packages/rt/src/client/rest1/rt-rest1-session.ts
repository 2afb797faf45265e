import { AuthenticationError, registerSecret } from '@ticketbridge/core'
import type { AuthenticationHook, AuthorizationContext, HttpTransport } from '@ticketbridge/http'

/** A REST 1.0 session: the hook that supplies its cookie, and the calls that start and end it. */
export interface Rest1Session extends AuthenticationHook {
  /** Logs in now (otherwise the first request does). */
  login(signal?: AbortSignal): Promise<void>
  /** Forgets the cookie; the next request logs in again. */
  forget(): void
  /** The current `Cookie` header value, if logged in. */
  readonly cookie: string | undefined
}

/**
 * REST 1.0 password authentication: `POST /REST/1.0/` with `user` and `pass` sets the session
 * cookie `RT_SID_<rtname>.<port>`, which every later request sends. REST 1.0 does not accept
 * HTTP basic authentication (rt.md §4). On a 401 (an expired or logged-out session) the
 * transport asks this hook to refresh, and it logs in again, once for all concurrent callers.
 *
 * @param loginTransport a transport on `<web root>/REST/1.0` without authentication, with the
 * REST 1.0 error classifier (a wrong password is `RT/… 401` in an HTTP 200 body).
 */
export function createRest1Session(loginTransport: HttpTransport, credentials: { username: string; password: string }): Rest1Session {
  registerSecret(credentials.password)
  let cookie: string | undefined
  let pending: Promise<string> | undefined

  async function login(signal?: AbortSignal): Promise<string> {
    pending ??= (async () => {
      try {
        const response = await loginTransport.post<string>('/', new URLSearchParams({ user: credentials.username, pass: credentials.password }), {
          responseType: 'text',
          idempotent: true,
          ...(signal ? { signal } : {}),
        })
        const found = /(RT_SID_[^=;,\s]+=[^;,\s]+)/.exec(response.headers['set-cookie'] ?? '')
        if (!found) {
          throw new AuthenticationError(
            'RT accepted the REST 1.0 login but set no session cookie. Check that baseUrl points at RT itself and not at a proxy that drops cookies.',
            {
              status: 401,
              vendor: 'rt',
              method: 'POST',
              url: `${loginTransport.baseUrl}/`,
            },
          )
        }
        cookie = found[1]!
        registerSecret(cookie.slice(cookie.indexOf('=') + 1))
        return cookie
      } finally {
        pending = undefined
      }
    })()
    return pending
  }

  return {
    get cookie() {
      return cookie
    },
    async getAuthorization(context: AuthorizationContext): Promise<Record<string, string>> {
      if (cookie !== undefined && !context.forceRefresh) return { Cookie: cookie }
      // Another call may have logged in again since this one was refused.
      if (context.forceRefresh && cookie !== undefined && context.rejectedAuthorization?.Cookie !== cookie) return { Cookie: cookie }
      if (context.forceRefresh) cookie = undefined
      return { Cookie: await login(context.signal) }
    },
    async login(signal) {
      cookie = undefined
      await login(signal)
    },
    forget() {
      cookie = undefined
    },
  }
}
