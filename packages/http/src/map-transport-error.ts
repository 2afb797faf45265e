import { AbortError, ConfigurationError, InvalidResponseError, NetworkError, redactText, TicketbridgeError, TimeoutError } from '@ticketbridge/core'

/** Socket-level failures: the request got no answer, and an idempotent retry is safe. */
const networkErrorCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
])

/** Codes meaning the request timed out at the socket or in axios (when a caller set its own `timeout`). */
const timeoutErrorCodes = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_TIMEOUT'])

/** What {@link mapTransportError} knows about the failed attempt. */
export interface TransportErrorContext {
  vendor: string
  method: string
  /** Already redacted. */
  url: string
  timeoutMs: number
  /** Our per-attempt timer fired. */
  timedOut: boolean
  /** The caller's signal fired. */
  aborted: boolean
}

/**
 * Turns whatever the HTTP library threw (an AxiosError, a Node system error) into a core error.
 *
 * The thrown object is never kept as `cause`: an AxiosError holds the request config, headers
 * included, so `util.inspect` of our error would print the Authorization header. When a cause
 * is useful it is a plain `{ code, message }` with the message redacted.
 */
export function mapTransportError(error: unknown, context: TransportErrorContext): TicketbridgeError {
  const { vendor, method, url } = context
  if (context.aborted) return new AbortError(`The call ${method} ${url} was cancelled by its AbortSignal.`, { vendor })
  if (context.timedOut) {
    return new TimeoutError(`${vendor} did not answer ${method} ${url} within ${context.timeoutMs} ms.`, {
      vendor,
      method,
      url,
      timeoutMs: context.timeoutMs,
    })
  }
  // Errors we raised ourselves (interceptors, an injected adapter) are already safe.
  if (TicketbridgeError.isInstance(error)) return error

  const code = readCode(error)
  const detail = redactText(readMessage(error))
  const cause = { code, message: detail }
  if (code === 'ERR_CANCELED' || readName(error) === 'CanceledError' || readName(error) === 'AbortError') {
    return new AbortError(`The call ${method} ${url} was cancelled.`, { vendor })
  }
  if ((code !== undefined && timeoutErrorCodes.has(code)) || /timeout/i.test(detail)) {
    return new TimeoutError(`${vendor} did not answer ${method} ${url} in time (${code ?? 'timeout'}).`, { vendor, method, url, cause })
  }
  if ((code !== undefined && networkErrorCodes.has(code)) || /socket hang up|network error/i.test(detail)) {
    const networkCode = code ?? 'ECONNRESET'
    return new NetworkError(
      `Could not reach ${vendor} for ${method} ${url} (${networkCode}). Check the network and the base URL; idempotent calls are retried.`,
      {
        vendor,
        method,
        url,
        code: networkCode,
        cause,
      },
    )
  }
  if (code === 'ERR_INVALID_URL' || code === 'ERR_BAD_OPTION' || code === 'ERR_BAD_OPTION_VALUE') {
    return new ConfigurationError(`${vendor}: the request ${method} ${url} is malformed (${code}): ${detail}`, { vendor, cause })
  }
  if (code === 'ERR_BAD_RESPONSE' && /aborted/i.test(detail)) {
    // axios: "stream has been aborted", the connection dropped in the middle of the answer.
    return new NetworkError(`The connection to ${vendor} dropped in the middle of the answer to ${method} ${url}. Idempotent calls are retried.`, {
      vendor,
      method,
      url,
      code: 'ECONNRESET',
      cause,
    })
  }
  if (code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED' || code === 'ERR_BAD_RESPONSE') {
    return new InvalidResponseError(`${vendor} sent an unreadable answer to ${method} ${url} (${code}).`, { vendor, url, cause })
  }
  // Anything else failed before or while sending, for a reason a retry would not change.
  return new TicketbridgeError(`The request ${method} ${url} to ${vendor} failed${code ? ` (${code})` : ''}: ${detail}`, { vendor, cause })
}

function readCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && code !== '') return code
  // Node wraps some socket failures: the system code is on the cause.
  const cause = (error as { cause?: unknown }).cause
  if (typeof cause === 'object' && cause !== null) {
    const causeCode = (cause as { code?: unknown }).code
    if (typeof causeCode === 'string' && causeCode !== '') return causeCode
  }
  return undefined
}

function readMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message
  }
  return String(error)
}

function readName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const name = (error as { name?: unknown }).name
  return typeof name === 'string' ? name : undefined
}
