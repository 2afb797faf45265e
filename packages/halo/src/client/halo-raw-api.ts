import type { HttpResponseType, HttpTransport } from '@ticketbridge/http'
import { ConfigurationError } from '@ticketbridge/core'
import { type HaloCallOptions, toHaloQuery } from './halo-collection'
import type { HaloMethod, HaloPathParametersOf, HaloPathWith, HaloQueryOf } from './halo-openapi-types'
import { checkHaloQueryKeys } from './halo-query-keys'

/** Options of a raw call: the spec's query and path parameters, typed per path and method. */
export type HaloRawOptions<
  Path extends HaloPathWith<Method>,
  Method extends HaloMethod,
  As extends HttpResponseType = HttpResponseType,
> = HaloCallOptions & {
  query?: HaloQueryOf<Path, Method>
  headers?: Record<string, string>
  /** `json` (default, the answer typed from the spec), `text`, or `bytes` for file downloads. */
  responseType?: As
} & (HaloPathParametersOf<Path, Method> extends undefined ? { params?: undefined } : { params: HaloPathParametersOf<Path, Method> })

/** The options argument: optional unless the path has parameters (`{id}`). */
export type HaloRawOptionsArgument<Path extends HaloPathWith<Method>, Method extends HaloMethod, As extends HttpResponseType = HttpResponseType> =
  HaloPathParametersOf<Path, Method> extends undefined ? [options?: HaloRawOptions<Path, Method, As>] : [options: HaloRawOptions<Path, Method, As>]

/** Fills `{name}` placeholders of a spec path with the given parameters. */
function fillHaloPath(path: string, parameters: Record<string, unknown> | undefined): string {
  return path.replace(/\{([^}]+)\}/g, (_placeholder, name: string) => {
    const value = parameters?.[name]
    if (value === undefined || value === null || value === '') {
      throw new ConfigurationError(`The Halo path ${path} needs the parameter ${name}; pass it in params.`, {
        vendor: 'halo',
        option: `params.${name}`,
      })
    }
    return encodeURIComponent(String(value))
  })
}

/**
 * Sends one raw call through the client's transport (authentication, rate limit, retries,
 * errors), after checking its query keys against the spec for the path.
 */
export async function sendHaloRaw<Answer = unknown>(
  transport: HttpTransport,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body: unknown,
  options: { query?: unknown; params?: unknown; headers?: Record<string, string>; responseType?: HttpResponseType } & HaloCallOptions = {},
): Promise<Answer> {
  const { query, params, headers, responseType, signal, timeoutMs } = options
  checkHaloQueryKeys(method.toLowerCase() as HaloMethod, path, query as object | undefined, 'raw')
  const { data } = await transport.request<unknown>({
    method,
    path: fillHaloPath(path, params as Record<string, unknown> | undefined),
    query: toHaloQuery(query as object | undefined),
    ...(body !== undefined ? { body } : {}),
    ...(headers ? { headers } : {}),
    ...(responseType ? { responseType } : {}),
    ...(signal ? { signal } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  })
  return data as Answer
}
