import { createHash, randomBytes } from 'node:crypto'
import { HttpResponse } from 'msw'
import type { HaloSimulatorClock } from './halo-simulator-options'

/** How long a code may wait to be redeemed: OpenIddict's default is five minutes. */
const codeLifetimeMs = 5 * 60_000

/** Whom a code signs in, and what it was issued for. */
export interface HaloAuthorizationCodeGrant {
  clientId: string
  redirectUri: string
  /** The S256 `code_challenge` the token request's `code_verifier` must hash to. */
  codeChallenge: string
  scopes: string[]
  agentId: number
  expiresAt: number
}

/** The sign-in a `/auth/authorize` request asks for, once its client is known. */
export interface HaloAuthorizeContext {
  clientId: string
  /** The agent the simulated sign-in page signs in (it approves every request at once). */
  agentId: number
  parseScopes(requested: string | null): string[] | undefined
}

/** The one-time codes of the simulated sign-in page. */
export interface HaloAuthorizationCodes {
  /** Answers `GET {authUrl}/authorize` for a known client: a 302 to `redirect_uri` with `code` and `state`, or with `error`. */
  authorize(url: URL, context: HaloAuthorizeContext): Response
  /** The grant of a token request's `code`, used up; or the OAuth error to answer. */
  redeem(form: URLSearchParams, clientId: string): HaloAuthorizationCodeGrant | Response
  reset(): void
}

function oauthError(error: string, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status: 400, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } })
}

/**
 * A native application's redirect: a loopback address on any port (RFC 8252 §7.3, which
 * OpenIddict follows for loopback redirects), so a CLI can listen on a random port.
 */
function isLoopbackRedirect(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname) && url.hash === ''
  } catch {
    return false
  }
}

function redirectTo(redirectUri: string, parameters: Record<string, string | null>): Response {
  const target = new URL(redirectUri)
  for (const [name, value] of Object.entries(parameters)) if (value !== null) target.searchParams.set(name, value)
  return new HttpResponse(null, { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } })
}

/**
 * Halo's sign-in page played without a page: every request of a known client is approved at
 * once for the test agent. PKCE is required (S256 only). A bad client or redirect address is
 * answered on the page (400), never redirected, as OAuth asks; other problems go back to the
 * redirect address as `error`. Each code works once, for its client and redirect address, with
 * the verifier whose SHA-256 was sent, within five minutes.
 */
export function createHaloAuthorizationCodes(clock: HaloSimulatorClock): HaloAuthorizationCodes {
  const codes = new Map<string, HaloAuthorizationCodeGrant>()
  return {
    authorize(url, context) {
      const redirectUri = url.searchParams.get('redirect_uri')
      if (!redirectUri || !isLoopbackRedirect(redirectUri)) {
        return oauthError('invalid_request', "The specified 'redirect_uri' is not valid for this client application.")
      }
      const state = url.searchParams.get('state')
      const refuse = (error: string, description: string) => redirectTo(redirectUri, { error, error_description: description, state })
      if (url.searchParams.get('response_type') !== 'code')
        return refuse('unsupported_response_type', 'The specified response_type is not supported.')
      const codeChallenge = url.searchParams.get('code_challenge')
      if (!codeChallenge) return refuse('invalid_request', "The mandatory 'code_challenge' parameter is missing.")
      if (url.searchParams.get('code_challenge_method') !== 'S256')
        return refuse('invalid_request', "The specified 'code_challenge_method' is not supported: use S256.")
      const scopes = context.parseScopes(url.searchParams.get('scope'))
      if (!scopes) return refuse('invalid_scope', "The specified 'scope' parameter is not valid.")
      const code = randomBytes(32).toString('base64url')
      codes.set(code, {
        clientId: context.clientId,
        redirectUri,
        codeChallenge,
        scopes,
        agentId: context.agentId,
        expiresAt: clock.now() + codeLifetimeMs,
      })
      return redirectTo(redirectUri, { code, state })
    },
    redeem(form, clientId) {
      const code = form.get('code')
      if (!code) return oauthError('invalid_request', "The mandatory 'code' parameter is missing.")
      const grant = codes.get(code)
      if (!grant || grant.expiresAt <= clock.now()) return oauthError('invalid_grant', 'The specified authorization code is invalid.')
      if (grant.clientId !== clientId)
        return oauthError('invalid_grant', 'The specified authorization code cannot be used by this client application.')
      if (form.get('redirect_uri') !== grant.redirectUri) return oauthError('invalid_grant', "The specified 'redirect_uri' parameter doesn't match.")
      const verifier = form.get('code_verifier')
      if (!verifier) return oauthError('invalid_request', "The mandatory 'code_verifier' parameter is missing.")
      if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
        return oauthError('invalid_grant', "The specified 'code_verifier' is invalid.")
      }
      // Used up only when redeemed: a wrong verifier cannot spend someone else's code.
      codes.delete(code)
      return grant
    },
    reset() {
      codes.clear()
    },
  }
}
