import type { VendorConnector } from '@ticketbridge/http'
import { createHaloAdapter } from '../adapter/halo-adapter'
import { haloDocumentedRateLimit } from '../adapter/halo-rate-limit'
import type { HaloSimulator } from '../simulator/index'
import { haloApiMinimum } from './halo-api-minimum'
import { haloConnectorSettings, haloInstanceOf } from './halo-connector-settings'
import { startHaloConnectorSimulator } from './halo-connector-simulator'
import { haloAdapterSettingsWithSignIn, haloSignIn } from './halo-sign-in'

/** Token calls go to the authorisation server, which Halo's rate limit does not count. */
const tokenPath = /\/auth\/token/i

/** Authentication, lookups, metadata, people and organizations: a cost that does not grow with the tickets. */
const fixedCostPath =
  /\/auth\/token|\/api\/(Agent|Client|Site|Users|Status|Priority|Outcome|Team|TicketType|FieldInfo|Lookup|SLA|Category|AuthInfo)(\/|\?|$)/i

/**
 * Halo (HaloPSA, HaloITSM, HaloServiceDesk) for the CLI, the bench, the demo and the migration
 * tests: its settings, its adapter, its documented rate limit, and its simulator.
 */
export const haloConnector: VendorConnector<HaloSimulator> = {
  vendor: 'halo',
  title: 'Halo',
  settings: haloConnectorSettings,
  rateLimit: haloDocumentedRateLimit,
  // Without a secret of its own, the person's stored sign-in (`ticketbridge auth login halo`) is used.
  createAdapter: (settings, options) => createHaloAdapter(haloAdapterSettingsWithSignIn(settings, options)),
  instanceOf: haloInstanceOf,
  startSimulator: startHaloConnectorSimulator,
  requestCost: (url) => ({ rateLimited: !tokenPath.test(url), fixedCost: fixedCostPath.test(url) }),
  apiMinimum: haloApiMinimum,
  signIn: haloSignIn,
}
