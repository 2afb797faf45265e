import { describeTicketingAdapter } from '@ticketbridge/testkit'
import { describe, it } from 'vitest'
import { createHaloAdapter } from './adapter/halo-adapter'
import type { HaloAdapterSettings } from './adapter/halo-adapter-settings'

/**
 * The conformance suite against a real Halo tenant. It runs only when the HALO_* variables
 * name one, and it writes: tickets, comments, attachments, an end user and a client, each
 * tagged with the run's tag. Use a test tenant.
 *
 *   HALO_RESOURCE_URL   https://acme.halopsa.com/api   (or HALO_INSTANCE=acme)
 *   HALO_AUTH_URL       https://acme.halopsa.com/auth  (optional: discovered from /AuthInfo)
 *   HALO_TENANT         acme                           (hosted instances)
 *   HALO_CLIENT_ID, HALO_CLIENT_SECRET                 (client credentials application)
 *   HALO_DEFAULT_SITE_ID                               (site of new contacts; optional)
 *   HALO_TICKET_TYPE_ID                                (ticket type of test tickets; optional)
 */
const environment = process.env
const location = environment.HALO_RESOURCE_URL ?? environment.HALO_INSTANCE
const live = location !== undefined && environment.HALO_CLIENT_ID !== undefined && environment.HALO_CLIENT_SECRET !== undefined

if (live) {
  describeTicketingAdapter(
    'halo (live tenant)',
    () => {
      const secret = environment.HALO_CLIENT_SECRET!
      const settings: HaloAdapterSettings = {
        ...(environment.HALO_RESOURCE_URL ? { resourceUrl: environment.HALO_RESOURCE_URL } : { instance: environment.HALO_INSTANCE! }),
        ...(environment.HALO_AUTH_URL ? { authUrl: environment.HALO_AUTH_URL } : {}),
        ...(environment.HALO_TENANT ? { tenant: environment.HALO_TENANT } : {}),
        ...(environment.HALO_DEFAULT_SITE_ID ? { defaultSiteId: Number(environment.HALO_DEFAULT_SITE_ID) } : {}),
        ...(environment.HALO_TICKET_TYPE_ID ? { ticketTypeId: Number(environment.HALO_TICKET_TYPE_ID) } : {}),
        clientId: environment.HALO_CLIENT_ID!,
        clientSecret: secret,
      }
      return {
        createAdapter: () => createHaloAdapter(settings),
        createAdapterWithBadCredentials: () => createHaloAdapter({ ...settings, clientSecret: `${secret.slice(0, -4)}0000` }),
        secrets: [secret],
      }
    },
    // A real tenant counts every request against its 300 per 5 minutes.
    { caseTimeoutMs: 600_000, pagingTicketCount: 205 },
  )
} else {
  describe('TicketingAdapter conformance: halo (live tenant)', () => {
    it('runs against a live tenant when HALO_RESOURCE_URL (or HALO_INSTANCE), HALO_CLIENT_ID and HALO_CLIENT_SECRET are set', (context) => {
      context.skip('no HALO_* variables: the live tenant suite is skipped')
    })
  })
}
