import {
  AuthenticationError,
  createApiError,
  type DriverCallContext,
  InvalidResponseError,
  NetworkError,
  PermissionError,
  TimeoutError,
} from '@ticketbridge/core'
import { abortableSleep, executeWithRetry, type RetryPolicyOptions, toAbortError } from '@ticketbridge/http'
import type { MemoryFault, MemoryFaultQueue } from './memory-faults'
import type { MemoryStore } from './memory-store'

/** The "HTTP method" of a memory call: it decides retries (POST is not idempotent) and read-only access. */
export type MemoryMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** What the memory "network" needs: where faults come from, who is calling, how long a call may take. */
export interface MemoryTransportOptions {
  vendor: string
  store: MemoryStore
  faults: MemoryFaultQueue
  token: string | undefined
  latencyMs: number
  timeoutMs: number
  retry: RetryPolicyOptions | undefined
}

/**
 * The memory adapter's transport: every operation goes through `call`, which plays latency and
 * faults, checks the credential, then does the work, retried like every adapter's requests.
 */
export interface MemoryTransport {
  call<T>(method: MemoryMethod, path: string, context: DriverCallContext, work: () => T): Promise<T>
}

const htmlPage = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>'

/** The error a queued fault answers with, as a vendor's transport would classify it; undefined for a delay. */
function faultError(fault: MemoryFault, vendor: string, method: MemoryMethod, path: string): Error | undefined {
  const url = `memory://${vendor}${path}`
  if (fault.kind === 'status') {
    const retryAfterMs = fault.retryAfterSeconds === undefined ? undefined : fault.retryAfterSeconds * 1000
    return createApiError({ status: fault.status, vendor, method, url, retryAfterMs, body: { error: `simulated ${fault.status}` } })
  }
  if (fault.kind === 'reset') return new NetworkError(`The connection was reset (${method} ${path}).`, { vendor, code: 'ECONNRESET', method, url })
  if (fault.kind === 'html') {
    const message = `Expected data but got an HTML page (${method} ${path}); check the base URL.`
    return new InvalidResponseError(message, { vendor, status: 200, url, body: htmlPage })
  }
  return undefined
}

/** The store's answer to the credential: nothing when it lists no tokens, or the token may do this. */
function authorize(options: MemoryTransportOptions, method: MemoryMethod, path: string): void {
  const { store, token, vendor } = options
  if (store.tokens.size === 0) return
  const access = token === undefined ? undefined : store.tokens.get(token)
  const url = `memory://${vendor}${path}`
  if (access === undefined) {
    throw new AuthenticationError('The memory store refused the token. Pass a token the store lists.', { status: 401, vendor, method, url })
  }
  if (access === 'read-only' && method !== 'GET') {
    throw new PermissionError('This token may only read. Use a token with full access to write.', { status: 403, vendor, method, url })
  }
}

/** One attempt: the "network" (latency and faults) within the timeout, then the credentials, then the work. */
async function attempt<T>(
  options: MemoryTransportOptions,
  method: MemoryMethod,
  path: string,
  context: DriverCallContext,
  work: () => T,
): Promise<T> {
  const { vendor } = options
  const timeoutMs = context.timeoutMs ?? options.timeoutMs
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const onCallerAbort = () => controller.abort()
  context.signal?.addEventListener('abort', onCallerAbort, { once: true })
  try {
    options.store.requests += 1
    const fault = options.faults.take()
    const delay = options.latencyMs + (fault?.kind === 'delay' ? fault.ms : 0)
    if (delay > 0) {
      try {
        await abortableSleep(delay, controller.signal)
      } catch {
        if (context.signal?.aborted) throw toAbortError(context.signal, vendor)
        const url = `memory://${vendor}${path}`
        throw new TimeoutError(`No answer within ${timeoutMs} ms (${method} ${path}).`, { vendor, timeoutMs, method, url })
      }
    }
    const error = fault && faultError(fault, vendor, method, path)
    if (error) throw error
    authorize(options, method, path)
    return work()
  } finally {
    clearTimeout(timer)
    context.signal?.removeEventListener('abort', onCallerAbort)
  }
}

export function createMemoryTransport(options: MemoryTransportOptions): MemoryTransport {
  const retry = options.retry ?? {}
  return {
    call(method, path, context, work) {
      // The retry policy every adapter uses: idempotent calls only, Retry-After first.
      return executeWithRetry(() => attempt(options, method, path, context, work), retry, {
        ...(context.signal ? { signal: context.signal } : {}),
        idempotent: method !== 'POST',
      })
    },
  }
}
