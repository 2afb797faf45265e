import { AuthenticationError, InvalidResponseError, redactText, registerSecret, TicketbridgeError } from '@ticketbridge/core'
import { toAbortError } from './abortable-sleep'
import type { AuthenticationHook, AuthorizationContext } from './authentication-hook'

/** What a token endpoint returned, in the shape {@link createTokenManager} needs. */
export interface FetchedToken {
  accessToken: string
  /** Lifetime from now; without it the token is used until the server refuses it. */
  expiresInSeconds?: number
  /** Kept and handed to the next `fetchToken` call, for a refresh_token grant. */
  refreshToken?: string
}

/** Settings of {@link createTokenManager}. */
export interface TokenManagerOptions {
  /**
   * Fetches a new token (client_credentials, password or refresh_token grant). Its signal fires
   * only when every caller waiting for this token has given up. `previousRefreshToken` is the
   * refresh token of the last token fetched, if any.
   */
  fetchToken: (signal: AbortSignal, context: { previousRefreshToken?: string }) => Promise<FetchedToken>
  /** Refresh this long before expiry (at most a fifth of the token's lifetime). Defaults to 60 000 ms. */
  refreshMarginMs?: number
  /** Epoch milliseconds; tests inject a clock. */
  now?: () => number
  /** The header that carries the token. Defaults to `Authorization`. */
  headerName?: string
  /** Written before the token in the header; defaults to `Bearer`. An empty string sends the bare token. */
  scheme?: string
  /** The vendor, named in errors. */
  vendor?: string
}

/** An OAuth-style token cache; also an {@link AuthenticationHook} for the transport. */
export interface TokenManager extends AuthenticationHook {
  /** A valid access token, fetched if none is cached or the cached one is about to expire. */
  getToken(context?: Partial<AuthorizationContext>): Promise<string>
  /** Drops the cached token (after a credentials change, on logout). */
  invalidate(): void
}

interface CachedToken {
  accessToken: string
  /** Epoch ms after which the token is refreshed; Infinity when the server gave no lifetime. */
  refreshAt: number
}

interface PendingFetch {
  promise: Promise<CachedToken>
  controller: AbortController
  waiters: number
}

/**
 * Caches an access token and refreshes it before it expires. Refresh is single-flight: however
 * many calls need a token at the moment it expires, `fetchToken` runs once and all of them
 * share its result. A failed fetch rejects every waiter and is not cached, so the next call
 * tries again. Every token fetched is registered as a secret, so no log line or error shows it.
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now
  const refreshMarginMs = options.refreshMarginMs ?? 60_000
  const headerName = options.headerName ?? 'Authorization'
  const scheme = options.scheme ?? 'Bearer'
  let cached: CachedToken | undefined
  let previousRefreshToken: string | undefined
  let pending: PendingFetch | undefined

  const headerValue = (accessToken: string): string => (scheme ? `${scheme} ${accessToken}` : accessToken)

  function startFetch(): PendingFetch {
    const controller = new AbortController()
    const fetchContext = previousRefreshToken === undefined ? {} : { previousRefreshToken }
    const promise = (async (): Promise<CachedToken> => {
      let token: FetchedToken
      try {
        token = await options.fetchToken(controller.signal, fetchContext)
      } catch (error) {
        throw toTokenError(error, options.vendor)
      }
      if (typeof token?.accessToken !== 'string' || token.accessToken.trim() === '') {
        throw new InvalidResponseError(`${options.vendor ?? 'The vendor'} returned no access token.`, vendorOption(options.vendor))
      }
      registerSecret(token.accessToken)
      if (token.refreshToken !== undefined) {
        registerSecret(token.refreshToken)
        previousRefreshToken = token.refreshToken
      }
      const issuedAt = now()
      let refreshAt = Number.POSITIVE_INFINITY
      if (token.expiresInSeconds !== undefined && Number.isFinite(token.expiresInSeconds)) {
        const lifetimeMs = Math.max(0, token.expiresInSeconds * 1000)
        // A fixed margin longer than a short token's life would refresh on every call.
        refreshAt = issuedAt + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 5)
      }
      return { accessToken: token.accessToken, refreshAt }
    })()
    const entry: PendingFetch = { promise, controller, waiters: 0 }
    promise
      .then(
        (token) => {
          cached = token
        },
        () => undefined, // each waiter sees the rejection; this branch only keeps it from going unhandled
      )
      .finally(() => {
        if (pending === entry) pending = undefined
      })
    return entry
  }

  function waitFor(entry: PendingFetch, signal: AbortSignal | undefined): Promise<CachedToken> {
    if (signal?.aborted) return Promise.reject(toAbortError(signal, options.vendor))
    entry.waiters++
    return new Promise<CachedToken>((resolve, reject) => {
      const onAbort = (): void => {
        entry.waiters--
        // Nobody wants this token any more: stop the request instead of finishing it unseen.
        if (entry.waiters === 0) entry.controller.abort()
        reject(toAbortError(signal, options.vendor))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      entry.promise.then(
        (token) => {
          signal?.removeEventListener('abort', onAbort)
          entry.waiters--
          resolve(token)
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort)
          entry.waiters--
          reject(error)
        },
      )
    })
  }

  async function getToken(context: Partial<AuthorizationContext> = {}): Promise<string> {
    const current = cached
    const isFresh = current !== undefined && now() < current.refreshAt
    if (isFresh && !context.forceRefresh) return current.accessToken
    if (isFresh && context.forceRefresh && context.rejectedAuthorization !== undefined) {
      // Another call already replaced the refused token: use the new one, do not fetch again.
      const refused = findHeader(context.rejectedAuthorization, headerName)
      if (refused !== undefined && refused !== headerValue(current.accessToken)) return current.accessToken
    }
    if (context.forceRefresh && cached === current) cached = undefined
    // A fetch abandoned by all its waiters may still be winding down; never join it.
    if (pending === undefined || pending.controller.signal.aborted) pending = startFetch()
    const token = await waitFor(pending, context.signal)
    return token.accessToken
  }

  return {
    getToken,
    async getAuthorization(context: AuthorizationContext): Promise<Record<string, string>> {
      return { [headerName]: headerValue(await getToken(context)) }
    },
    invalidate() {
      cached = undefined
    },
  }
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const lowerName = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lowerName) return value
  return undefined
}

function vendorOption(vendor: string | undefined): { vendor?: string } {
  return vendor === undefined ? {} : { vendor }
}

/** Our errors pass through; anything else becomes an AuthenticationError without the raw object. */
function toTokenError(error: unknown, vendor: string | undefined): TicketbridgeError {
  if (TicketbridgeError.isInstance(error)) return error
  const message = redactText(error instanceof Error ? error.message : String(error))
  return new AuthenticationError(`Fetching an access token from ${vendor ?? 'the vendor'} failed: ${message}`, {
    status: 0,
    ...vendorOption(vendor),
    cause: { name: error instanceof Error ? error.name : typeof error, message },
  })
}
