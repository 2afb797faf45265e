import type { TicketingAdapter } from '@ticketbridge/core'
import type { RunningSimulator } from '@ticketbridge/http'
import { findConnector, listConnectors } from '../connectors/connectors'
import { environmentOf } from './run-cli'

/**
 * Every vendor variable set to empty: a child `ticketbridge` then sees only what a test gives it,
 * whatever the shell running the tests holds (an RT_URL for the real RT, say). The CLI ignores
 * empty values.
 */
export function blankVendorEnvironment(): Record<string, string> {
  return Object.fromEntries(listConnectors().flatMap((connector) => Object.values(connector.settings).map((setting) => [setting.environment, ''])))
}

/**
 * One vendor's simulator for a CLI test: seeded with `tickets` of its own, an adapter on it (its
 * native client is `adapter.client`, to check results through the vendor's own API), and the
 * environment that points a child `ticketbridge` at it and at nothing else.
 */
export async function startVendorSimulator(
  vendor: string,
  tickets: number,
): Promise<{ simulator: RunningSimulator; adapter: TicketingAdapter; environment: Record<string, string>; close(): Promise<void> }> {
  const connector = findConnector(vendor)
  const simulator = await connector.startSimulator({ seedTickets: tickets })
  const adapter = connector.createAdapter(simulator.settings)
  return {
    simulator,
    adapter,
    environment: { ...blankVendorEnvironment(), ...environmentOf(vendor, simulator) },
    async close() {
      await adapter.close()
      await simulator.close()
    },
  }
}
