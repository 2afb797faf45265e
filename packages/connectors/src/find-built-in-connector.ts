import { ConfigurationError } from '@ticketbridge/core'
import type { VendorConnector } from '@ticketbridge/http'
import { builtInConnectors } from './built-in-connectors'

/** The built-in connector of `vendor`; a ConfigurationError listing the known vendors otherwise. */
export function findBuiltInConnector(vendor: string): VendorConnector {
  const found = builtInConnectors.find((connector) => connector.vendor === vendor.toLowerCase())
  if (!found) {
    const known = builtInConnectors.map((connector) => connector.vendor).join(', ')
    throw new ConfigurationError(`Unknown vendor "${vendor}". Choose one of: ${known}.`, { option: 'vendor' })
  }
  return found
}
