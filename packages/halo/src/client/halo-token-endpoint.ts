import { AbortError, InvalidResponseError, registerSecret } from '@ticketbridge/core'
import type { FetchedToken, HttpTransport } from '@ticketbridge/http'
import { z } from 'zod'
import type { ResolvedHaloClientSettings } from './halo-client-settings'

/** Where tokens come from: the token endpoint and the tenant to name there. */
export interface HaloTokenEndpoint {
  tokenUrl: string
  tenant?: string
}

const tokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .nullish(),
  refresh_token: z.string().nullish(),
  scope: z.string().nullish(),
})

const authInfoSchema = z.looseObject({
  auth_url: z.string().nullish(),
  tenant_id: z.union([z.string(), z.number()]).nullish(),
})

/** What discovery needs: the settings, and the transport of the unauthenticated `GET {resource}/AuthInfo`. */
export interface HaloTokenDiscoveryOptions {
  settings: ResolvedHaloClientSettings
  resourceTransport: () => HttpTransport
}

/**
 * The token endpoint: the configured `authUrl`, else what the instance's `/AuthInfo` names, else
 * `{host}/auth` (halo.md §2.1: never append `/auth` blindly).
 */
export async function discoverHaloTokenEndpoint(options: HaloTokenDiscoveryOptions, signal: AbortSignal | undefined): Promise<HaloTokenEndpoint> {
  const { settings } = options
  const { location } = settings
  const tenantFromSettings = location.tenant
  if (location.tokenUrl !== undefined) {
    const tenant = tenantFromSettings ?? location.fallbackTenant
    return { tokenUrl: location.tokenUrl, ...(tenant !== undefined ? { tenant } : {}) }
  }
  try {
    const { data } = await options.resourceTransport().get<unknown>('/AuthInfo', { ...(signal ? { signal } : {}) })
    const info = authInfoSchema.parse(data)
    if (info.auth_url) {
      const authUrl = info.auth_url.replace(/\/+$/, '')
      const tenant =
        tenantFromSettings ??
        (info.tenant_id !== undefined && info.tenant_id !== null && String(info.tenant_id) !== '' ? String(info.tenant_id) : location.fallbackTenant)
      return { tokenUrl: /\/token$/i.test(authUrl) ? authUrl : `${authUrl}/token`, ...(tenant !== undefined ? { tenant } : {}) }
    }
  } catch (error) {
    if (AbortError.isInstance(error)) throw error
    // An instance that does not answer discovery: fall back to the usual {host}/auth below.
    settings.logger?.warn('halo AuthInfo discovery failed; using {host}/auth as the authorisation server (set authUrl to choose it)', {
      vendor: 'halo',
      error: error instanceof Error ? error.message : String(error),
    })
  }
  const tenant = tenantFromSettings ?? location.fallbackTenant
  return { tokenUrl: `${location.fallbackAuthUrl}/token`, ...(tenant !== undefined ? { tenant } : {}) }
}

/** The token endpoint's answer as a token, its values registered as secrets; InvalidResponseError without one. */
export function readHaloTokenAnswer(data: unknown): FetchedToken {
  const parsed = tokenAnswerSchema.safeParse(data)
  if (!parsed.success) {
    throw new InvalidResponseError('The Halo token endpoint answered without an access_token. Check authUrl.', {
      vendor: 'halo',
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
        message: issue.message,
      })),
    })
  }
  registerSecret(parsed.data.access_token)
  registerSecret(parsed.data.refresh_token)
  return {
    accessToken: parsed.data.access_token,
    ...(typeof parsed.data.expires_in === 'number' ? { expiresInSeconds: parsed.data.expires_in } : {}),
    ...(parsed.data.refresh_token ? { refreshToken: parsed.data.refresh_token } : {}),
  }
}
