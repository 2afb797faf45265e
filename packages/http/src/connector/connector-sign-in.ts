import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where a person's stored sign-ins are kept: `$TICKETBRIDGE_CONFIG_DIR/credentials`, else
 * `${XDG_CONFIG_HOME:-~/.config}/ticketbridge/credentials`. One file per instance, readable only
 * by the user (mode 0600, the folder 0700).
 */
export function storedSignInDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.TICKETBRIDGE_CONFIG_DIR) return join(environment.TICKETBRIDGE_CONFIG_DIR, 'credentials')
  const configHome = environment.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(configHome, 'ticketbridge', 'credentials')
}

/** A browser sign-in under way: the address to open, and how to finish once the browser is back. */
export interface ConnectorSignInAttempt {
  /** The vendor's sign-in page; it sends the browser back to the `redirectUri` the attempt was started with. */
  authorizeUrl: string
  /**
   * Checks the address the browser came back to (it must belong to this attempt), redeems its
   * code and stores the sign-in. Resolves to where it was stored and whom it signed in.
   */
  complete(redirect: URL, options?: { signal?: AbortSignal }): Promise<{ path: string; signedInAs?: string }>
}

/** What is stored for an instance, without any token, and whether it still works. */
export type StoredSignInStatus =
  | { stored: false; path: string }
  | {
      stored: true
      path: string
      signedInAs?: string
      /** ISO-8601. */
      signedInAt?: string
      /** The stored refresh token was exchanged for a new access token just now (and the newest one stored). */
      refreshes: boolean
      /** Why it did not, in words, when it did not. */
      problem?: string
    }

/**
 * A person's sign-in in a browser (OAuth authorization code with PKCE), for vendors that offer
 * one: `ticketbridge auth login|status|logout` drive it, and the connector's `createAdapter` uses
 * the stored sign-in when the settings carry no secret of their own.
 */
export interface ConnectorSignIn {
  /** Where the sign-in of the instance these settings name is stored. */
  storedPath(settings: Record<string, string>): string
  /** Starts a sign-in whose redirect comes back to `redirectUri` (a loopback address the caller listens on). */
  start(settings: Record<string, string>, options: { redirectUri: string; signal?: AbortSignal }): Promise<ConnectorSignInAttempt>
  /** The stored sign-in, and whether its refresh token still works (trying it renews and stores it). */
  check(settings: Record<string, string>, options?: { signal?: AbortSignal }): Promise<StoredSignInStatus>
  /** Deletes the stored sign-in; false when there was none. */
  forget(settings: Record<string, string>): Promise<boolean>
}
