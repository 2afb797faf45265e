import { haloError, haloJson } from './halo-responses'
import type { HaloRoute, HaloRouteInput } from './halo-route'

function origin(input: HaloRouteInput): string {
  const prefix = /^(.*)\/api(?:\/.*)?$/i.exec(input.url.pathname)?.[1] ?? ''
  return `${input.url.origin}${prefix}`
}

/**
 * Instance endpoints: `GET /AuthInfo` (no token) for discovery, answering the authorisation
 * server's URL and the tenant (halo.md §2.1: the token URL is `auth_url` + `/token`, plus
 * `?tenant=`), and `GET /InstanceInfo` for a cheap identity check.
 */
export function instanceRoutes(): HaloRoute[] {
  return [
    {
      method: 'get',
      path: '/AuthInfo',
      area: 'none',
      anonymous: true,
      resolve: (input) =>
        haloJson({
          auth_url: `${origin(input)}/auth`,
          tenant_id: input.simulator.auth.credentials.tenant ?? '',
          auth_method: 'oauth2',
        }),
    },
    {
      method: 'get',
      path: '/InstanceInfo',
      area: 'none',
      resolve: (input) =>
        haloJson({
          name: 'Halo Simulator',
          tenant: input.simulator.auth.credentials.tenant ?? '',
          product: 'HaloPSA',
          version: '2.160.0 (simulated)',
        }),
    },
  ]
}

/**
 * The last resource handler: a path no route took. In strict mode the spec check has already
 * answered 400 for paths outside the spec; what remains is in the spec but not simulated, or
 * (strict mode off) unknown, which ASP.NET answers 404.
 */
export function fallbackRoute(): HaloRoute {
  return {
    method: 'all',
    path: '/*',
    area: 'none',
    resolve: (input) => {
      const path = input.url.pathname.replace(/^.*?\/api/i, '')
      throw haloError.message(`No HTTP resource was found that matches the request URI '${input.request.method} ${path}' in the Halo simulator.`, 404)
    },
  }
}
