import { redactText, registerSecret } from '@ticketbridge/core'
import { createHttpTransport, createTokenManager, type FetchedToken, type HttpTransport, type TokenManager } from '@ticketbridge/http'
import { classifyHaloTokenError } from './halo-classify-error'
import type { ResolvedHaloClientSettings } from './halo-client-settings'
export type { HaloTokenEndpoint } from './halo-token-endpoint'
import { discoverHaloTokenEndpoint, type HaloTokenEndpoint, readHaloTokenAnswer } from './halo-token-endpoint'
import { createHaloTokenGrants, type HaloAuthorizationCode } from './halo-token-grants'

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
  /**
   * Redeems a browser sign-in's code (the authorization_code grant) and keeps the token; the
   * refresh token Halo issued with it, if any.
   */
  redeemAuthorizationCode(code: HaloAuthorizationCode, signal?: AbortSignal): Promise<string | undefined>
}

/**
 * Builds the token source of one client: tokens are cached per client instance, refreshed
 * single-flight before they expire (at most a fifth of their lifetime early) and fetched anew
 * once after a 401. The token endpoint is the configured `authUrl`, else what the instance's
 * `/AuthInfo` names, else `{host}/auth` (halo.md §2.1: never append `/auth` blindly).
 *
 * Grants (see halo-token-grants.ts): client credentials; password; an existing access token;
 * a browser sign-in's authorization code; a stored refresh token. Every refresh token Halo
 * issues goes to `onRefreshTokenIssued`, so a caller can store the newest one.
 */
export function createHaloAuthentication(options: HaloAuthenticationOptions): HaloAuthentication {
  const { settings } = options
  const { grant } = settings
  let endpointPromise: Promise<HaloTokenEndpoint> | undefined
  let tokenTransport: HttpTransport | undefined
  let lastIssuedRefreshToken: string | undefined

  for (const secret of [
    grant.clientSecret,
    grant.kind === 'password' ? grant.password : undefined,
    grant.kind === 'token' ? grant.accessToken : undefined,
    grant.kind === 'token' || grant.kind === 'refresh_token' ? grant.refreshToken : undefined,
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
    const token = readHaloTokenAnswer(data)
    if (token.refreshToken !== undefined) await announceRefreshToken(token.refreshToken)
    return token
  }

  async function announceRefreshToken(refreshToken: string): Promise<void> {
    lastIssuedRefreshToken = refreshToken
    if (!settings.onRefreshTokenIssued) return
    try {
      await settings.onRefreshTokenIssued(refreshToken)
    } catch (error) {
      // The new token works in this process either way; only keeping it for later failed.
      settings.logger?.warn('halo onRefreshTokenIssued failed: the new refresh token was not kept', {
        vendor: 'halo',
        error: redactText(error instanceof Error ? error.message : String(error)),
      })
    }
  }

  const grants = createHaloTokenGrants({ grant, scope: settings.scope, requestToken, now: () => settings.now?.() ?? Date.now() })
  const manager = createTokenManager({ fetchToken: grants.fetchToken, vendor: 'halo', ...(settings.now ? { now: settings.now } : {}) })

  async function redeemAuthorizationCode(code: HaloAuthorizationCode, signal?: AbortSignal): Promise<string | undefined> {
    lastIssuedRefreshToken = undefined
    grants.queueAuthorizationCode(code)
    await manager.getToken({ forceRefresh: true, ...(signal ? { signal } : {}) })
    return lastIssuedRefreshToken
  }

  return { ...manager, endpoint, redeemAuthorizationCode }
}
