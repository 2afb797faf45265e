import { AuthenticationError } from '@ticketbridge/core'
import type { FetchedToken } from '@ticketbridge/http'
import type { HaloGrant } from './halo-client-settings'

/** Posts one form to the token endpoint and reads the token it answers. */
export type HaloTokenRequest = (form: Record<string, string | undefined>, signal: AbortSignal) => Promise<FetchedToken>

/** An authorization code from a browser sign-in, with the PKCE verifier of that sign-in. */
export interface HaloAuthorizationCode {
  code: string
  codeVerifier: string
}

/** What {@link createHaloTokenGrants} needs. */
export interface HaloTokenGrantsOptions {
  grant: HaloGrant
  scope: string
  requestToken: HaloTokenRequest
  now: () => number
}

/** The token fetch of each grant, for the token manager, and the code a browser sign-in brought back. */
export interface HaloTokenGrants {
  fetchToken(signal: AbortSignal, context: { previousRefreshToken?: string }): Promise<FetchedToken>
  /** Hands the next fetch an authorization code to redeem (the authorization_code grant). */
  queueAuthorizationCode(code: HaloAuthorizationCode): void
}

/** Halo's `error_description` of an `invalid_grant` answer; undefined for any other refusal. */
function invalidGrantReason(error: AuthenticationError): string | undefined {
  try {
    const body = JSON.parse(error.bodyExcerpt ?? '') as { error?: unknown; error_description?: unknown }
    if (body.error !== 'invalid_grant') return undefined
    return typeof body.error_description === 'string' ? body.error_description : ''
  } catch {
    return undefined
  }
}

/**
 * A refused refresh token or code (`invalid_grant`) said in words a person can act on: the
 * token endpoint's general advice (check the username and password) does not fit a sign-in.
 */
function refusedSignIn(error: unknown, what: string, advice: string): unknown {
  if (!AuthenticationError.isInstance(error)) return error
  const reason = invalidGrantReason(error)
  if (reason === undefined) return error
  return new AuthenticationError(
    `Halo refused ${what} (HTTP ${error.status}, invalid_grant${reason ? `: ${reason.replace(/\.+$/, '')}` : ''}). ${advice}`,
    {
      status: error.status,
      vendor: 'halo',
      retryable: error.retryable,
      ...(error.method !== undefined ? { method: error.method } : {}),
      ...(error.url !== undefined ? { url: error.url } : {}),
      ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
      ...(error.bodyExcerpt !== undefined ? { body: error.bodyExcerpt } : {}),
    },
  )
}

/**
 * What each grant sends to the token endpoint (halo.md §2.2):
 * - client credentials: the secret, every time;
 * - password: the refresh token Halo issued when there is one, the password when it is refused;
 * - an existing access token: used as given once, then renewed with its refresh token;
 * - authorization code: the code a browser sign-in brought back with its PKCE verifier, then the
 *   refresh token Halo issued with it;
 * - refresh token: a person's stored sign-in; each refresh uses the newest refresh token Halo issued.
 */
export function createHaloTokenGrants(options: HaloTokenGrantsOptions): HaloTokenGrants {
  const { grant, scope, requestToken } = options
  let givenTokenUsed = false
  let pendingCode: HaloAuthorizationCode | undefined

  function refresh(clientId: string, clientSecret: string | undefined, refreshToken: string, signal: AbortSignal): Promise<FetchedToken> {
    return requestToken({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken }, signal)
  }

  async function fetchToken(signal: AbortSignal, context: { previousRefreshToken?: string }): Promise<FetchedToken> {
    switch (grant.kind) {
      case 'client_credentials':
        return requestToken({ grant_type: 'client_credentials', client_id: grant.clientId, client_secret: grant.clientSecret, scope }, signal)
      case 'password': {
        if (context.previousRefreshToken !== undefined) {
          try {
            return await refresh(grant.clientId, grant.clientSecret, context.previousRefreshToken, signal)
          } catch (error) {
            // An expired or revoked refresh token: sign in again with the password.
            if (!AuthenticationError.isInstance(error)) throw error
          }
        }
        return requestToken(
          {
            grant_type: 'password',
            client_id: grant.clientId,
            client_secret: grant.clientSecret,
            username: grant.username,
            password: grant.password,
            scope,
          },
          signal,
        )
      }
      case 'token': {
        if (!givenTokenUsed) {
          givenTokenUsed = true
          const now = options.now()
          return {
            accessToken: grant.accessToken,
            ...(grant.expiresAt !== undefined ? { expiresInSeconds: Math.max(0, (grant.expiresAt - now) / 1000) } : {}),
            ...(grant.refreshToken !== undefined ? { refreshToken: grant.refreshToken } : {}),
          }
        }
        const refreshToken = context.previousRefreshToken ?? grant.refreshToken
        if (refreshToken === undefined || grant.clientId === undefined) {
          throw new AuthenticationError(
            'Halo refused the access token (or it expired) and no refresh token is configured. Pass a new accessToken, or refreshToken and clientId so the client can renew it.',
            { status: 401, vendor: 'halo' },
          )
        }
        return refresh(grant.clientId, grant.clientSecret, refreshToken, signal)
      }
      case 'authorization_code': {
        const code = pendingCode
        pendingCode = undefined
        if (code !== undefined) {
          return requestToken(
            {
              grant_type: 'authorization_code',
              client_id: grant.clientId,
              client_secret: grant.clientSecret,
              code: code.code,
              redirect_uri: grant.redirectUri,
              code_verifier: code.codeVerifier,
            },
            signal,
          ).catch((error: unknown) => {
            throw refusedSignIn(
              error,
              'the authorization code',
              'A code works once, for a few minutes, with the verifier of its own sign-in: sign in again.',
            )
          })
        }
        if (context.previousRefreshToken !== undefined) return refresh(grant.clientId, grant.clientSecret, context.previousRefreshToken, signal)
        throw new AuthenticationError('Nobody has signed in on this Halo client yet: call startAuthorization(), then completeAuthorization().', {
          status: 401,
          vendor: 'halo',
        })
      }
      case 'refresh_token':
        return refresh(grant.clientId, grant.clientSecret, context.previousRefreshToken ?? grant.refreshToken, signal).catch((error: unknown) => {
          throw refusedSignIn(
            error,
            'the stored refresh token',
            'The sign-in has expired, was revoked or its token was used up elsewhere: the person has to sign in again.',
          )
        })
    }
  }

  return {
    fetchToken,
    queueAuthorizationCode(code) {
      pendingCode = code
    },
  }
}
