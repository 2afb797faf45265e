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

/** `a, b or c` / `A, B and C`: a list in words, for help texts. */
function inWords(items: readonly string[], conjunction: 'or' | 'and'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}` : (items[0] ?? '')
}

/** The vendor keys, for help texts: `a, b or c`. */
export function vendorChoices(): string {
  return inWords(
    builtInConnectors.map((connector) => connector.vendor),
    'or',
  )
}

/** The vendors' titles, for descriptions: `A, B and C`. */
export function vendorTitles(): string {
  return inWords(
    builtInConnectors.map((connector) => connector.title),
    'and',
  )
}

/** Every vendor key, for help texts that list each vendor's settings. */
export function allVendors(): string[] {
  return builtInConnectors.map((connector) => connector.vendor)
}
