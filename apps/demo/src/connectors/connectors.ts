import { builtInConnectors, findBuiltInConnector } from '@ticketbridge/connectors'
import type { VendorConnector } from '@ticketbridge/http'

/** The vendors the CLI knows, in the registry's order. */
export function listConnectors(): readonly VendorConnector[] {
  return builtInConnectors
}

/** The connector of `vendor`; a ConfigurationError naming the known vendors otherwise. */
export function findConnector(vendor: string): VendorConnector {
  return findBuiltInConnector(vendor)
}

/** `a, b or c`: the vendor keys, for help texts. */
export function vendorChoices(): string {
  const keys = builtInConnectors.map((connector) => connector.vendor)
  return keys.length > 1 ? `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}` : (keys[0] ?? '')
}

/** `A, B and C`: the vendors' titles, for descriptions. */
export function vendorTitles(): string {
  const titles = builtInConnectors.map((connector) => connector.title)
  return titles.length > 1 ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}` : (titles[0] ?? '')
}
