import { executeHttpRequest } from './execute-http-request'
import type { HttpRequest, HttpResponse, HttpTransport, HttpTransportOptions } from './http-transport-types'
import { resolveTransportOptions } from './resolve-transport-options'

export type {
  ClassifiableResponse,
  ClassifyError,
  HttpMethod,
  HttpRequest,
  HttpRequestOptions,
  HttpResponse,
  HttpResponseType,
  HttpTransport,
  HttpTransportOptions,
  TransportRateLimitEvent,
  TransportRetryEvent,
} from './http-transport-types'
export { defaultRequestIdHeaders } from './resolve-transport-options'

/**
 * Creates the HTTP transport of one vendor client: axios underneath, every attempt through the
 * rate limiter, retries by policy, per-attempt timeouts combined with the caller's signal, one
 * re-authentication on 401, responses mapped to core errors, and redacted logs.
 *
 * @example
 * const transport = createHttpTransport({
 *   vendor: 'halo',
 *   baseUrl: 'https://acme.halopsa.com/api',
 *   authenticate: createTokenManager({ fetchToken }),
 *   rateLimiter: getSharedRateLimiter('halo:acme', { budgets: [{ name: 'rolling-5-minutes', limit: 300, windowMs: 300_000 }] }),
 * })
 * const { data } = await transport.get<{ tickets: unknown[] }>('/Tickets', { query: { page_size: 100 } })
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const transport = resolveTransportOptions(options)
  const { baseUrl } = transport
  const request = <T>(call: HttpRequest): Promise<HttpResponse<T>> => executeHttpRequest<T>(transport, call)
  return {
    vendor: transport.vendor,
    baseUrl: `${baseUrl.origin}${baseUrl.path}`,
    rateLimiter: transport.rateLimiter,
    request,
    get: (path, requestOptions) => request({ ...requestOptions, method: 'GET', path }),
    post: (path, body, requestOptions) => request({ ...requestOptions, method: 'POST', path, body }),
    put: (path, body, requestOptions) => request({ ...requestOptions, method: 'PUT', path, body }),
    patch: (path, body, requestOptions) => request({ ...requestOptions, method: 'PATCH', path, body }),
    delete: (path, requestOptions) => request({ ...requestOptions, method: 'DELETE', path }),
  }
}
