import { registerSecret, secretHeaderNames } from '@ticketbridge/core'
import axios, { type AxiosInstance } from 'axios'
import { type BaseUrl, parseBaseUrl } from './build-request-url'
import type { HttpTransportOptions } from './http-transport-types'
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter'
import { resolveRetryPolicy, type RetryPolicy } from './retry-policy'
import { createLevelledLogger, type LevelledLogger } from './transport-logger'

/** Vendor request-id headers read by default. */
export const defaultRequestIdHeaders: readonly string[] = ['x-request-id', 'request-id', 'x-correlation-id', 'x-ms-request-id', 'traceparent']

/** A transport's options resolved once: what each of its calls and attempts reads. */
export interface ResolvedTransport {
  vendor: string
  baseUrl: BaseUrl
  axiosInstance: AxiosInstance
  defaultTimeoutMs: number
  policy: RetryPolicy
  rateLimiter: RateLimiter | undefined
  logger: LevelledLogger
  /** Lower-cased. */
  requestIdHeaders: string[]
  defaultHeaders: Record<string, string>
  /** The hooks: `authenticate`, `classifyError`, `onRateLimit`, `onRetry`. */
  options: HttpTransportOptions
}

/** Resolves a transport's options (defaults, limiter, logger) and registers its secrets with core's redaction. */
export function resolveTransportOptions(options: HttpTransportOptions): ResolvedTransport {
  const { vendor } = options
  const resolved: ResolvedTransport = {
    vendor,
    baseUrl: parseBaseUrl(options.baseUrl, vendor),
    axiosInstance: options.axiosInstance ?? axios.create(),
    defaultTimeoutMs: options.timeoutMs ?? 30_000,
    policy: resolveRetryPolicy(options.retry),
    rateLimiter: toRateLimiter(options.rateLimiter),
    logger: createLevelledLogger(options.logger, options.logLevel ?? 'info'),
    requestIdHeaders: (options.requestIdHeaders ?? defaultRequestIdHeaders).map((name) => name.toLowerCase()),
    defaultHeaders: { ...options.defaultHeaders },
    options,
  }
  for (const secret of options.secrets ?? []) registerSecret(secret)
  registerHeaderSecrets(resolved.defaultHeaders)
  return resolved
}

function toRateLimiter(option: RateLimiter | RateLimiterOptions | undefined): RateLimiter | undefined {
  if (option === undefined) return undefined
  if (typeof (option as RateLimiter).schedule === 'function') return option as RateLimiter
  return createRateLimiter(option as RateLimiterOptions)
}

/** Registers the values of credential headers, and the token after a scheme such as `Bearer`. */
export function registerHeaderSecrets(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!secretHeaderNames.has(name.toLowerCase()) || typeof value !== 'string') continue
    registerSecret(value)
    const credential = /^\S+\s+(\S.*)$/.exec(value)?.[1]
    if (credential) registerSecret(credential)
  }
}
