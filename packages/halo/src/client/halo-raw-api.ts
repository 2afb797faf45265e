import type { HttpResponseType, HttpTransport } from '@ticketbridge/http'
import { ConfigurationError } from '@ticketbridge/core'
import { type HaloCallOptions, toHaloQuery } from './halo-collection'
import type { HaloMethod, HaloPathParametersOf, HaloPathWith, HaloQueryOf } from './halo-openapi-types'

/** Options of a raw call: the spec's query and path parameters, typed per path and method. */
export type HaloRawOptions<Path extends HaloPathWith<Method>, Method extends HaloMethod> = HaloCallOptions & {
  query?: HaloQueryOf<Path, Method>
  headers?: Record<string, string>
  /** `json` (default), `text`, or `bytes` for file downloads. */
  responseType?: HttpResponseType
} & (HaloPathParametersOf<Path, Method> extends undefined ? { params?: undefined } : { params: HaloPathParametersOf<Path, Method> })

/** The options argument: optional unless the path has parameters (`{id}`). */
export type HaloRawOptionsArgument<Path extends HaloPathWith<Method>, Method extends HaloMethod> =
  HaloPathParametersOf<Path, Method> extends undefined ? [options?: HaloRawOptions<Path, Method>] : [options: HaloRawOptions<Path, Method>]

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

/** Sends one raw call through the client's transport (authentication, rate limit, retries, errors). */
export async function sendHaloRaw(
  transport: HttpTransport,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body: unknown,
  options: { query?: unknown; params?: unknown; headers?: Record<string, string>; responseType?: HttpResponseType } & HaloCallOptions = {},
): Promise<unknown> {
  const { query, params, headers, responseType, signal, timeoutMs } = options
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
  return data
}
