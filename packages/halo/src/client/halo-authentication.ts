import { AuthenticationError, registerSecret } from '@ticketbridge/core'
import { createHttpTransport, createTokenManager, type FetchedToken, type HttpTransport, type TokenManager } from '@ticketbridge/http'
import { classifyHaloTokenError } from './halo-classify-error'
import type { ResolvedHaloClientSettings } from './halo-client-settings'
export type { HaloTokenEndpoint } from './halo-token-endpoint'
import { discoverHaloTokenEndpoint, type HaloTokenEndpoint, readHaloTokenAnswer } from './halo-token-endpoint'

/** What {@link createHaloAuthentication} needs besides the settings. */
export interface HaloAuthenticationOptions {
  settings: ResolvedHaloClientSettings
  /** Sends the unauthenticated discovery request (`GET {resource}/AuthInfo`). */
  resourceTransport: () => HttpTransport
}

/** The client's token source: a single-flight token cache plus the endpoint it talks to. */
export interface HaloAuthentication extends TokenManager {
  /** The token endpoint, resolved from the settings or discovered once. */
  endpoint(signal?: AbortSignal): Promise<HaloTokenEndpoint>
}

/**
 * Builds the token source of one client: tokens are cached per client instance, refreshed
 * single-flight before they expire (at most a fifth of their lifetime early) and fetched anew
 * once after a 401. The token endpoint is the configured `authUrl`, else what the instance's
 * `/AuthInfo` names, else `{host}/auth` (halo.md §2.1: never append `/auth` blindly).
 *
 * Grants: client credentials; password (refresh_token first when Halo issued one, falling back
 * to the password); an existing access token, used as given until it expires or is refused,
 * then renewed with its refresh token.
 */
export function createHaloAuthentication(options: HaloAuthenticationOptions): HaloAuthentication {
  const { settings } = options
  const { grant } = settings
  let endpointPromise: Promise<HaloTokenEndpoint> | undefined
  let tokenTransport: HttpTransport | undefined
  let givenTokenUsed = false

  for (const secret of [
    grant.clientSecret,
    grant.kind === 'password' ? grant.password : undefined,
    grant.kind === 'token' ? grant.accessToken : undefined,
    grant.kind === 'token' ? grant.refreshToken : undefined,
  ]) {
    registerSecret(secret)
  }

  function endpoint(signal?: AbortSignal): Promise<HaloTokenEndpoint> {
    if (!endpointPromise) {
      endpointPromise = discoverHaloTokenEndpoint(options, signal)
      // A failed or abandoned discovery is not cached: the next call tries again.
      endpointPromise.catch(() => {
        endpointPromise = undefined
      })
    }
    return endpointPromise
  }

  function transportFor(tokenUrl: string): HttpTransport {
    if (tokenTransport && tokenTransport.baseUrl === new URL(tokenUrl).origin) return tokenTransport
    tokenTransport = createHttpTransport({
      vendor: 'halo',
      baseUrl: new URL(tokenUrl).origin,
      timeoutMs: settings.timeoutMs,
      retry: {
        ...(settings.retry.maxRetries !== undefined ? { maxRetries: settings.retry.maxRetries } : {}),
        ...(settings.retry.baseDelayMs !== undefined ? { baseDelayMs: settings.retry.baseDelayMs } : {}),
        ...(settings.retry.maxDelayMs !== undefined ? { maxDelayMs: settings.retry.maxDelayMs } : {}),
      },
      ...(settings.axiosInstance ? { axiosInstance: settings.axiosInstance } : {}),
      ...(settings.logger ? { logger: settings.logger } : {}),
      ...(settings.logLevel ? { logLevel: settings.logLevel } : {}),
      classifyError: classifyHaloTokenError,
    })
    return tokenTransport
  }

  async function requestToken(form: Record<string, string | undefined>, signal: AbortSignal): Promise<FetchedToken> {
    const target = await endpoint(signal)
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(form)) if (value !== undefined) body.set(name, value)
    const url = new URL(target.tokenUrl)
    // The tenant travels in the query string, never in the body (halo.md §2.2).
    if (target.tenant !== undefined) url.searchParams.set('tenant', target.tenant)
    const { data } = await transportFor(target.tokenUrl).request<unknown>({
      method: 'POST',
      url: url.toString(),
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      // Asking for a token twice is harmless: retry it like a read.
      idempotent: true,
      signal,
    })
    return readHaloTokenAnswer(data)
  }

  const scope = settings.scope

  async function fetchToken(signal: AbortSignal, context: { previousRefreshToken?: string }): Promise<FetchedToken> {
    switch (grant.kind) {
      case 'client_credentials':
        return requestToken({ grant_type: 'client_credentials', client_id: grant.clientId, client_secret: grant.clientSecret, scope }, signal)
      case 'password': {
        if (context.previousRefreshToken !== undefined) {
          try {
            return await requestToken(
              {
                grant_type: 'refresh_token',
                client_id: grant.clientId,
                client_secret: grant.clientSecret,
                refresh_token: context.previousRefreshToken,
              },
              signal,
            )
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
          const now = settings.now?.() ?? Date.now()
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
        return requestToken(
          { grant_type: 'refresh_token', client_id: grant.clientId, client_secret: grant.clientSecret, refresh_token: refreshToken },
          signal,
        )
      }
    }
  }

  const manager = createTokenManager({ fetchToken, vendor: 'halo', ...(settings.now ? { now: settings.now } : {}) })
  return { ...manager, endpoint }
}
