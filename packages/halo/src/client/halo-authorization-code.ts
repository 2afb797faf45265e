import { createHash, randomBytes } from 'node:crypto'
import { AuthenticationError, registerSecret } from '@ticketbridge/core'

/**
 * A browser sign-in under way (the authorization code grant with PKCE). Keep it in memory until
 * the browser comes back: `codeVerifier` proves to Halo that the code is redeemed by the client
 * that asked for it, and `state` that the redirect belongs to this sign-in.
 */
export interface HaloAuthorizationStart {
  /** The address to open in a browser: Halo's sign-in page, which sends the person back to `redirectUri`. */
  url: string
  /** Sent in `url` and expected back unchanged in the redirect. */
  state: string
  /** The PKCE secret; only its SHA-256 (the `code_challenge`) is in `url`. Never shown or logged. */
  codeVerifier: string
  /** Where Halo sends the browser back with `code` and `state`. */
  redirectUri: string
}

/** What {@link createHaloAuthorizationStart} builds the sign-in address from. */
export interface HaloAuthorizationRequest {
  /** The authorisation server's endpoint, such as `https://acme.halopsa.com/auth/authorize`. */
  authorizeUrl: string
  tenant?: string
  clientId: string
  redirectUri: string
  /** Space-separated scopes. */
  scope: string
}

/** The authorisation server's sign-in endpoint beside its token endpoint: `…/token` becomes `…/authorize`. */
export function haloAuthorizeUrlOf(tokenUrl: string): string {
  const url = new URL(tokenUrl)
  url.pathname = /\/token$/i.test(url.pathname) ? url.pathname.replace(/\/token$/i, '/authorize') : `${url.pathname.replace(/\/+$/, '')}/authorize`
  url.search = ''
  return url.toString()
}

/**
 * A new sign-in: a random state, a random code verifier (32 bytes: the 43 characters RFC 7636
 * asks at least), and the address carrying the verifier's S256 challenge. The tenant goes in the
 * query string, as on the token endpoint (halo.md §2.2; for the sign-in page inferred).
 */
export function createHaloAuthorizationStart(request: HaloAuthorizationRequest): HaloAuthorizationStart {
  const state = randomBytes(24).toString('base64url')
  const codeVerifier = randomBytes(32).toString('base64url')
  registerSecret(codeVerifier)
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url')
  const url = new URL(request.authorizeUrl)
  if (request.tenant !== undefined) url.searchParams.set('tenant', request.tenant)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', request.clientId)
  url.searchParams.set('redirect_uri', request.redirectUri)
  url.searchParams.set('scope', request.scope)
  url.searchParams.set('state', state)
  url.searchParams.set('code_challenge', codeChallenge)
  url.searchParams.set('code_challenge_method', 'S256')
  return { url: url.toString(), state, codeVerifier, redirectUri: request.redirectUri }
}

/**
 * The authorization code in the address the browser came back to. Refuses (AuthenticationError) a
 * redirect whose state is not this sign-in's (another sign-in's, or forged), one that carries
 * Halo's refusal (`error`), and one without a code.
 */
export function readHaloAuthorizationRedirect(start: HaloAuthorizationStart, redirect: URL | string): string {
  const parameters = new URL(redirect).searchParams
  const refusal = parameters.get('error')
  if (refusal !== null) {
    const description = parameters.get('error_description')
    throw new AuthenticationError(`Halo did not sign the person in (${refusal}${description ? `: ${description}` : ''}).`, {
      status: 400,
      vendor: 'halo',
    })
  }
  if (parameters.get('state') !== start.state) {
    throw new AuthenticationError('The sign-in came back with another state than the one sent: it belongs to another sign-in. Start again.', {
      status: 400,
      vendor: 'halo',
    })
  }
  const code = parameters.get('code')
  if (!code) throw new AuthenticationError('Halo sent the browser back without an authorization code.', { status: 400, vendor: 'halo' })
  registerSecret(code)
  return code
}
