/**
 * @ticketbridge/http: the transport every ticketbridge adapter sends its requests through.
 * Retries by policy, rate-limit lanes and rolling budgets, per-attempt timeouts with abort,
 * single-flight token refresh, redacting logs, and paging helpers over core's `Paginated`.
 */
export { abortableSleep, toAbortError } from './abortable-sleep'
export { staticAuthentication, type AuthenticationHook, type AuthorizationContext } from './authentication-hook'
export { buildRequestUrl, type QueryParameters, type QueryValue } from './build-request-url'
export { systemClock, type Clock } from './clock'
export { createConsoleLogger } from './console-logger'
export {
  createHttpTransport,
  defaultRequestIdHeaders,
  type ClassifiableResponse,
  type ClassifyError,
  type HttpMethod,
  type HttpRequest,
  type HttpRequestOptions,
  type HttpResponse,
  type HttpResponseType,
  type HttpTransport,
  type HttpTransportOptions,
  type TransportRateLimitEvent,
  type TransportRetryEvent,
} from './http-transport'
export { mapTransportError, type TransportErrorContext } from './map-transport-error'
export {
  defaultMaximumPages,
  keysetPaging,
  pageNumberPaging,
  type KeysetPagingOptions,
  type NumberedPage,
  type PageNumberPagingOptions,
} from './paging'
export { defaultMaximumRetryAfterMs, parseRetryAfter, type HeaderSource, type ParseRetryAfterOptions } from './parse-retry-after'
export {
  createRateLimiter,
  defaultRateLimitLanes,
  type RateLimitEvent,
  type RateLimitLaneOptions,
  type RateLimiter,
  type RateLimiterOptions,
  type ScheduleOptions,
} from './rate-limiter'
export { readVendorMessage } from './read-vendor-message'
export { createRequestId } from './request-id'
export { createRequestMeter, type RequestMeter } from './request-meter'
export {
  backoffDelay,
  defaultRetryPolicy,
  executeWithRetry,
  isIdempotentMethod,
  isRetryableError,
  readRetryAfterMs,
  resolveRetryPolicy,
  retryDelayFor,
  shouldRetry,
  withRetryAfter,
  type ExecuteWithRetryOptions,
  type JitterMode,
  type RetryEvent,
  type RetryPolicy,
  type RetryPolicyOptions,
} from './retry-policy'
export { RollingWindowBudget, type RollingWindowBudgetOptions } from './rolling-window-budget'
export { coordinateSharedBudgets, type SharedBudgetCoordinator } from './shared-budget-coordinator'
export { getSharedRateLimiter, releaseSharedRateLimiter } from './shared-rate-limiter'
export { createTokenManager, type FetchedToken, type TokenManager, type TokenManagerOptions } from './token-manager'
export { isLogLevelEnabled, type LogFields, type LogLevel, type TransportLogger } from './transport-logger'
export { createReadCoalescer, type ReadCoalescer } from './read-coalescer'
export type { CoalescedCallOptions, CoalescerOptions, CoalescerStats } from './self-clocked-batcher'
export { createWriteCoalescer, type WriteCoalescer } from './write-coalescer'
export type {
  ApiMinimum,
  ConnectorAdapterOptions,
  HelpDeskShape,
  ConnectorSetting,
  RequestCost,
  RunningSimulator,
  SimulatorStartOptions,
  VendorConnector,
} from './connector/vendor-connector'
export { type ConnectorSignIn, type ConnectorSignInAttempt, type StoredSignInStatus, storedSignInDirectory } from './connector/connector-sign-in'
export {
  namingEnvironmentVariable,
  textsFromEnvironment,
  withEnvironmentSettings,
  type EnvironmentFillOptions,
  type EnvironmentVariables,
  type SettingsWithEnvironment,
} from './connector/settings-from-environment'
