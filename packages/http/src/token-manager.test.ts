import { AbortError, AuthenticationError, InvalidResponseError, redactText } from '@ticketbridge/core'
import { describe, expect, it, vi } from 'vitest'
import { createTokenManager, type FetchedToken } from './token-manager'

/** A token endpoint whose answers the test releases by hand. */
function controlledEndpoint() {
  const calls: {
    signal: AbortSignal
    previousRefreshToken: string | undefined
    resolve: (token: FetchedToken) => void
    reject: (error: unknown) => void
  }[] = []
  const fetchToken = vi.fn(
    (signal: AbortSignal, context: { previousRefreshToken?: string }) =>
      new Promise<FetchedToken>((resolve, reject) => calls.push({ signal, previousRefreshToken: context.previousRefreshToken, resolve, reject })),
  )
  return { fetchToken, calls }
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('createTokenManager', () => {
  it('caches the token and returns it as an Authorization header', async () => {
    let serial = 0
    const fetchToken = vi.fn(async () => ({ accessToken: `cached-token-${++serial}`, expiresInSeconds: 3_600 }))
    const manager = createTokenManager({ fetchToken })
    await expect(manager.getAuthorization({ forceRefresh: false })).resolves.toEqual({ Authorization: 'Bearer cached-token-1' })
    await expect(manager.getToken()).resolves.toBe('cached-token-1')
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('refreshes the margin before expiry, never later', async () => {
    let now = 0
    let serial = 0
    const fetchToken = vi.fn(async () => ({ accessToken: `expiring-token-${++serial}`, expiresInSeconds: 3_600 }))
    const manager = createTokenManager({ fetchToken, now: () => now, refreshMarginMs: 60_000 })
    await manager.getToken()
    now = 3_600_000 - 60_001
    await expect(manager.getToken()).resolves.toBe('expiring-token-1')
    now = 3_600_000 - 60_000
    await expect(manager.getToken()).resolves.toBe('expiring-token-2')
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('keeps the margin to a fifth of a short-lived token, so it is not refetched on every call', async () => {
    let now = 0
    const fetchToken = vi.fn(async () => ({ accessToken: 'short-lived-token', expiresInSeconds: 30 }))
    const manager = createTokenManager({ fetchToken, now: () => now })
    await manager.getToken()
    now = 23_999
    await manager.getToken()
    expect(fetchToken).toHaveBeenCalledTimes(1)
    now = 24_000
    await manager.getToken()
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('fetches exactly once for 20 concurrent callers at expiry', async () => {
    let now = 0
    const endpoint = controlledEndpoint()
    const manager = createTokenManager({ fetchToken: endpoint.fetchToken, now: () => now })
    const first = manager.getToken()
    endpoint.calls[0]?.resolve({ accessToken: 'first-token-value', expiresInSeconds: 600 })
    await first
    now = 600_000
    const callers = Array.from({ length: 20 }, () => manager.getAuthorization({ forceRefresh: false }))
    await settle()
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(2)
    endpoint.calls[1]?.resolve({ accessToken: 'second-token-value', expiresInSeconds: 600 })
    const headers = await Promise.all(callers)
    expect(new Set(headers.map((header) => header.Authorization))).toEqual(new Set(['Bearer second-token-value']))
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(2)
  })

  it('rejects every waiter when the fetch fails, and tries again on the next call', async () => {
    const endpoint = controlledEndpoint()
    const manager = createTokenManager({ fetchToken: endpoint.fetchToken, vendor: 'halo' })
    const waiters = Array.from({ length: 5 }, () => manager.getToken())
    await settle()
    endpoint.calls[0]?.reject(new Error('invalid_client'))
    const results = await Promise.allSettled(waiters)
    expect(results.every((result) => result.status === 'rejected' && AuthenticationError.isInstance(result.reason))).toBe(true)
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(1)

    const retry = manager.getToken()
    await settle()
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(2)
    endpoint.calls[1]?.resolve({ accessToken: 'recovered-token' })
    await expect(retry).resolves.toBe('recovered-token')
  })

  it('never keeps the raw fetch failure as a cause', async () => {
    const raw = Object.assign(new Error('token request failed'), { config: { headers: { Authorization: 'Basic c2VjcmV0' } } })
    const manager = createTokenManager({ fetchToken: async () => Promise.reject(raw) })
    const error = await manager.getToken().catch((caught: unknown) => caught)
    expect(AuthenticationError.isInstance(error)).toBe(true)
    expect((error as Error).cause).toEqual({ name: 'Error', message: 'token request failed' })
  })

  it('refreshes on forceRefresh, unless another caller already replaced the refused token', async () => {
    let serial = 0
    const fetchToken = vi.fn(async () => ({ accessToken: `rotating-token-${++serial}`, expiresInSeconds: 3_600 }))
    const manager = createTokenManager({ fetchToken })
    const refused = await manager.getAuthorization({ forceRefresh: false })
    const [first, second] = await Promise.all([
      manager.getAuthorization({ forceRefresh: true, rejectedAuthorization: refused }),
      manager.getAuthorization({ forceRefresh: true, rejectedAuthorization: refused }),
    ])
    expect(first).toEqual({ Authorization: 'Bearer rotating-token-2' })
    expect(second).toEqual(first)
    // A late caller still holding the old token gets the new one without a fetch.
    await expect(manager.getAuthorization({ forceRefresh: true, rejectedAuthorization: refused })).resolves.toEqual(first)
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('hands the refresh token to the next fetch, and registers tokens as secrets', async () => {
    const endpoint = controlledEndpoint()
    const manager = createTokenManager({ fetchToken: endpoint.fetchToken, headerName: 'X-Auth', scheme: '' })
    const first = manager.getAuthorization({ forceRefresh: false })
    await settle()
    endpoint.calls[0]?.resolve({ accessToken: 'registered-access-token', refreshToken: 'registered-refresh-token', expiresInSeconds: 3_600 })
    await expect(first).resolves.toEqual({ 'X-Auth': 'registered-access-token' })
    expect(redactText('leaked registered-access-token and registered-refresh-token')).not.toMatch(/registered-(access|refresh)-token/)
    const second = manager.getToken({ forceRefresh: true })
    await settle()
    expect(endpoint.calls[1]?.previousRefreshToken).toBe('registered-refresh-token')
    endpoint.calls[1]?.resolve({ accessToken: 'next-access-token' })
    await expect(second).resolves.toBe('next-access-token')
  })

  it('rejects a token response without an access token', async () => {
    const manager = createTokenManager({ fetchToken: async () => ({ accessToken: '' }) })
    await expect(manager.getToken()).rejects.toThrow(InvalidResponseError)
  })

  it('lets one waiter give up; the fetch is aborted only when every waiter has', async () => {
    const endpoint = controlledEndpoint()
    const manager = createTokenManager({ fetchToken: endpoint.fetchToken })
    const impatient = new AbortController()
    const patient = new AbortController()
    const first = manager.getToken({ signal: impatient.signal })
    const second = manager.getToken({ signal: patient.signal })
    await settle()
    impatient.abort()
    await expect(first).rejects.toSatisfy(AbortError.isInstance)
    expect(endpoint.calls[0]?.signal.aborted).toBe(false)
    patient.abort()
    await expect(second).rejects.toSatisfy(AbortError.isInstance)
    expect(endpoint.calls[0]?.signal.aborted).toBe(true)
    // The abandoned fetch is not joined: the next caller starts a fresh one.
    const third = manager.getToken()
    await settle()
    expect(endpoint.fetchToken).toHaveBeenCalledTimes(2)
    endpoint.calls[1]?.resolve({ accessToken: 'fresh-after-abort' })
    await expect(third).resolves.toBe('fresh-after-abort')
  })

  it('drops the cached token on invalidate', async () => {
    let serial = 0
    const manager = createTokenManager({ fetchToken: async () => ({ accessToken: `invalidated-token-${++serial}` }) })
    await expect(manager.getToken()).resolves.toBe('invalidated-token-1')
    manager.invalidate()
    await expect(manager.getToken()).resolves.toBe('invalidated-token-2')
  })
})
