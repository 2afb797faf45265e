/** What the transport tells an {@link AuthenticationHook} when it asks for credentials. */
export interface AuthorizationContext {
  /** The caller's signal; a hook that fetches a token should stop waiting when it fires. */
  signal?: AbortSignal
  /**
   * True after the server answered 401: cached credentials must not be reused as they are.
   * The transport asks this at most once per call.
   */
  forceRefresh: boolean
  /**
   * The headers the server refused, when `forceRefresh` is true. A hook can compare them with
   * its current credentials: when another call already refreshed, it need not fetch again.
   */
  rejectedAuthorization?: Record<string, string>
}

/**
 * Supplies the credential headers of each attempt: `Authorization: Bearer …` for OAuth (Halo),
 * the `UserName`/`Secret`/`ApiIntegrationCode` triple (Autotask), `Authorization: token …` (RT).
 * Values of credential-named headers it returns are registered as secrets by the transport.
 */
export interface AuthenticationHook {
  getAuthorization(context: AuthorizationContext): Promise<Record<string, string>>
}

/** An {@link AuthenticationHook} that always returns the same headers (API keys, basic auth). */
export function staticAuthentication(headers: Record<string, string>): AuthenticationHook {
  const copy = { ...headers }
  return { getAuthorization: async () => copy }
}
