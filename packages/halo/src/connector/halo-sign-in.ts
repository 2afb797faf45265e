import { AuthenticationError, ConfigurationError, redactText } from '@ticketbridge/core'
import type { ConnectorAdapterOptions, ConnectorSignIn, StoredSignInStatus } from '@ticketbridge/http'
import type { HaloAdapterSettings } from '../adapter/halo-adapter-settings'
import { HaloClient } from '../client/halo-client'
import type { HaloClientSettings } from '../client/halo-client-settings'
import { haloAdapterSettingsFrom, haloInstanceOf } from './halo-connector-settings'
import {
  deleteHaloStoredSignIn,
  type HaloStoredSignIn,
  haloLoginCommand,
  haloStoredSignInPath,
  readHaloStoredSignIn,
  writeHaloStoredSignIn,
} from './halo-stored-sign-in'

/** Where the instance is and how fast to go, from the connector's settings: no credentials. */
function haloClientPlaceFrom(settings: Record<string, string>): HaloClientSettings {
  const {
    clientId: _clientId,
    clientSecret: _secret,
    username: _username,
    password: _password,
    defaultSiteId: _site,
    ...place
  } = haloAdapterSettingsFrom(settings)
  return place
}

/**
 * The credentials of a stored sign-in: its application and refresh token, and the token endpoint
 * it used unless one is configured. Each refresh token Halo issues replaces the stored one (a
 * rotated token works once), so the next run starts from the newest.
 */
function storedSignInCredentials(settings: Record<string, string>, stored: HaloStoredSignIn, path: string): HaloClientSettings {
  let current = stored
  return {
    ...(settings.authUrl ? {} : { authUrl: stored.tokenUrl }),
    ...(settings.tenant || stored.tenant === undefined ? {} : { tenant: stored.tenant }),
    clientId: stored.clientId,
    refreshToken: stored.refreshToken,
    onRefreshTokenIssued: async (refreshToken) => {
      current = { ...current, refreshToken, refreshedAt: new Date().toISOString() }
      try {
        await writeHaloStoredSignIn(path, current)
      } catch (error) {
        // This run goes on with the new token; only the next one may have to sign in again.
        process.emitWarning(
          `The renewed Halo sign-in could not be stored in ${path} (${redactText((error as Error).message)}); the next run may have to sign in again.`,
        )
      }
    },
  }
}

/**
 * The adapter's settings from the connector's. With no client secret, username or password, the
 * person's stored sign-in for this instance is used (the refresh token grant); without one
 * either, a ConfigurationError says what to set or run.
 */
export function haloAdapterSettingsWithSignIn(settings: Record<string, string>, options: ConnectorAdapterOptions = {}): HaloAdapterSettings {
  const adapterSettings = haloAdapterSettingsFrom(settings, options)
  // Without an instance the client names what is missing; with credentials of its own it uses them.
  if (settings.clientSecret || settings.password || settings.username || haloInstanceOf(settings) === '') return adapterSettings
  const path = haloStoredSignInPath(settings)
  const stored = readHaloStoredSignIn(path)
  if (!stored) {
    // Said in two sentences: `secret: …` would read as a credential pair to the redactor and be erased.
    throw new ConfigurationError(
      `Halo needs a client secret. Set HALO_CLIENT_SECRET (environment or --secrets-file), or sign in as a person with ${haloLoginCommand}.`,
      { vendor: 'halo', option: 'halo.clientSecret' },
    )
  }
  return { ...adapterSettings, ...storedSignInCredentials(settings, stored, path) }
}

async function completeSignIn(
  settings: Record<string, string>,
  client: HaloClient,
  start: Awaited<ReturnType<HaloClient['startAuthorization']>>,
  redirect: URL,
  signal: AbortSignal | undefined,
): Promise<{ path: string; signedInAs?: string }> {
  const options = signal ? { signal } : {}
  const path = haloStoredSignInPath(settings)
  const { refreshToken } = await client.completeAuthorization(start, redirect, options)
  if (refreshToken === undefined) {
    throw new AuthenticationError(
      'Halo signed the person in but issued no refresh token, so the sign-in cannot be kept. Allow refresh tokens on the API application in Halo.',
      { status: 200, vendor: 'halo' },
    )
  }
  // Who signed in is for the person to see; a sign-in without the right to read it still counts.
  const agent = await client.agents.me(options).catch(() => undefined)
  const endpoint = await client.tokenEndpoint(options)
  await writeHaloStoredSignIn(path, {
    vendor: 'halo',
    instance: haloInstanceOf(settings),
    resourceUrl: client.resourceUrl,
    tokenUrl: endpoint.tokenUrl,
    ...(endpoint.tenant !== undefined ? { tenant: endpoint.tenant } : {}),
    clientId: settings.clientId!,
    scopes: settings.scopes ?? 'all',
    refreshToken,
    ...(agent?.name ? { signedInAs: agent.name } : {}),
    signedInAt: new Date().toISOString(),
  })
  return { path, ...(agent?.name ? { signedInAs: agent.name } : {}) }
}

/**
 * A person's sign-in to Halo in a browser (authorization code with PKCE), stored per instance in
 * a file only the user can read, for `ticketbridge auth login|status|logout halo`.
 */
export const haloSignIn: ConnectorSignIn = {
  storedPath: (settings) => haloStoredSignInPath(settings),

  async start(settings, { redirectUri, signal }) {
    haloStoredSignInPath(settings) // an instance to store it for, before anyone opens a browser
    if (!settings.clientId) {
      throw new ConfigurationError('Signing in to Halo needs the API application’s client id: set HALO_CLIENT_ID.', {
        vendor: 'halo',
        option: 'halo.clientId',
      })
    }
    const client = new HaloClient({
      ...haloClientPlaceFrom(settings),
      clientId: settings.clientId,
      ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
      redirectUri,
    })
    const start = await client.startAuthorization(signal ? { signal } : {})
    return {
      authorizeUrl: start.url,
      async complete(redirect, options = {}) {
        try {
          return await completeSignIn(settings, client, start, redirect, options.signal)
        } finally {
          await client.close()
        }
      },
    }
  },

  async check(settings, options = {}): Promise<StoredSignInStatus> {
    const path = haloStoredSignInPath(settings)
    let stored: HaloStoredSignIn | undefined
    try {
      stored = readHaloStoredSignIn(path)
    } catch (error) {
      return { stored: true, path, refreshes: false, problem: (error as Error).message }
    }
    if (!stored) return { stored: false, path }
    const described = { stored: true as const, path, signedInAt: stored.signedInAt, ...(stored.signedInAs ? { signedInAs: stored.signedInAs } : {}) }
    const client = new HaloClient({ ...haloClientPlaceFrom(settings), ...storedSignInCredentials(settings, stored, path) })
    try {
      await client.authenticate(options.signal ? { signal: options.signal } : {})
      return { ...described, refreshes: true }
    } catch (error) {
      return { ...described, refreshes: false, problem: redactText(error instanceof Error ? error.message : String(error)) }
    } finally {
      await client.close()
    }
  },

  forget: (settings) => deleteHaloStoredSignIn(haloStoredSignInPath(settings)),
}
