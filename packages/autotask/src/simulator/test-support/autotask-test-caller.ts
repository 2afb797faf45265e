import type { AutotaskSimulatorCredentials } from '../autotask-auth'

/** An answer read for assertions. */
export interface CalledAnswer {
  status: number
  headers: Headers
  /** Parsed JSON, or the raw text when the body is not JSON (empty string when none). */
  body: any
}

/** Calls a served simulator with Autotask's credential headers, as a client would. */
export interface AutotaskTestCaller {
  /** REST base ending in `/ATServicesRest/V1.0`. */
  readonly base: string
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<CalledAnswer>
  /** Calls an absolute URL (a next-page URL) with the credentials. */
  callUrl(method: string, url: string, body?: unknown): Promise<CalledAnswer>
}

export async function readAnswer(response: Response): Promise<CalledAnswer> {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text === '' ? '' : JSON.parse(text)
  } catch {
    body = text
  }
  return { status: response.status, headers: response.headers, body }
}

export function createTestCaller(origin: string, credentials: AutotaskSimulatorCredentials): AutotaskTestCaller {
  const base = `${origin}/ATServicesRest/V1.0`
  const credentialHeaders = {
    ApiIntegrationCode: credentials.integrationCode,
    UserName: credentials.username,
    Secret: credentials.secret,
  }
  const callUrl = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<CalledAnswer> =>
    readAnswer(
      await fetch(url, {
        method,
        headers: { ...credentialHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    )
  return {
    base,
    call: (method, path, body, headers) => callUrl(method, `${base}${path}`, body, headers),
    callUrl: (method, url, body) => callUrl(method, url, body),
  }
}
