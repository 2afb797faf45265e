import { HttpResponse } from 'msw'
import { autotaskErrors } from './autotask-responses'

/** The three credentials of an Autotask API user. */
export interface AutotaskSimulatorCredentials {
  /** The API user's login (e-mail-like). */
  username: string
  /** The API user's password, sent in the `Secret` header. */
  secret: string
  /** The API tracking identifier, sent in the `ApiIntegrationCode` header. */
  integrationCode: string
}

/**
 * Another user of the simulated tenant:
 * - `full`: an API user with the default API-only security level;
 * - `read-only`: an API user whose copied security level lets it read but not write
 *   (writes answer 403 with an "adequate permissions" error);
 * - `ui-only`: a normal user, not an API user: zone discovery works, every call answers 401.
 */
export interface AutotaskSimulatorUser {
  username: string
  secret: string
  access: 'full' | 'read-only' | 'ui-only'
  /** The user's resource (defaults to the main API user's resource). */
  resourceId?: number
}

/** An authenticated caller. */
export interface AutotaskCaller {
  user: AutotaskSimulatorUser & { resourceId: number }
  integrationCode: string
}

export type AutotaskAuthenticationResult = { ok: true; caller: AutotaskCaller } | { ok: false; response: Response }

/**
 * Checks the `UserName`, `Secret` and `ApiIntegrationCode` headers (names ignore case) the way
 * Autotask answers (autotask.md §3, §15; apigrate #19):
 * - no credentials at all → 401;
 * - unknown username → HTTP 500 `{"errors":["Zone information could not be determined"]}`;
 * - known username with a wrong secret, or a user without API access → 401 (empty body);
 * - missing or unknown integration code → HTTP 500 `{"errors":["IntegrationCode is invalid."]}`.
 */
export function authenticateAutotaskRequest(
  headers: Headers,
  users: (AutotaskSimulatorUser & { resourceId: number })[],
  integrationCodes: string[],
): AutotaskAuthenticationResult {
  const username = headers.get('username')
  const secret = headers.get('secret')
  const integrationCode = headers.get('apiintegrationcode')
  if (!username && !secret && !integrationCode) return { ok: false, response: new HttpResponse(null, { status: 401 }) }
  const user = users.find((candidate) => candidate.username.toLowerCase() === (username ?? '').toLowerCase())
  if (!user) return { ok: false, response: autotaskErrors(500, ['Zone information could not be determined']) }
  if (secret !== user.secret || user.access === 'ui-only') return { ok: false, response: new HttpResponse(null, { status: 401 }) }
  if (!integrationCode || !integrationCodes.includes(integrationCode))
    return { ok: false, response: autotaskErrors(500, ['IntegrationCode is invalid.']) }
  return { ok: true, caller: { user, integrationCode } }
}
