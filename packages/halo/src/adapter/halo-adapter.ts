import { createTicketingAdapter, type TicketingAdapterV1 } from '@ticketbridge/core'
import type { HaloClient } from '../client/halo-client'
import { type HaloAdapterSettings, resolveHaloAdapterSettings } from './halo-adapter-settings'
import { createHaloDriver } from './halo-driver'

/** The Halo adapter: the contract, plus the native client it runs on. */
export interface HaloAdapter extends TicketingAdapterV1 {
  /** The native client, for anything the common model leaves out. */
  readonly client: HaloClient
}

/**
 * The TicketingAdapter for Halo (HaloPSA, HaloITSM, HaloServiceDesk) over {@link HaloClient}: the
 * Halo driver (see `createHaloDriver`) under core's adapter runtime. Settings left out are read
 * from `HALO_*` variables (HALO_RESOURCE_URL, HALO_CLIENT_ID, HALO_CLIENT_SECRET, …; see
 * {@link HaloAdapterSettings}); given settings win.
 *
 * @example
 * // HALO_RESOURCE_URL, HALO_CLIENT_ID and HALO_CLIENT_SECRET set in the environment:
 * const adapter = createHaloAdapter()
 *
 * @example
 * const adapter = createHaloAdapter({
 *   resourceUrl: 'https://acme.halopsa.com/api',
 *   authUrl: 'https://acme.halopsa.com/auth',
 *   clientId,
 *   clientSecret,
 * })
 * const { record } = await adapter.tickets.create({ subject: 'Printer jammed', description: { text: 'Floor 2' }, priority: { level: 'high' } })
 */
export function createHaloAdapter(settings: HaloAdapterSettings = {}): HaloAdapter {
  const resolved = resolveHaloAdapterSettings(settings)
  return createTicketingAdapter(createHaloDriver(resolved), { client: resolved.client })
}
