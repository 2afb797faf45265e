import { ConfigurationError } from '@ticketbridge/core'
import type { VendorConnector } from './vendor-connector'

const registered = new Map<string, VendorConnector>()

/** Makes a vendor known to the CLI. */
export function registerConnector(connector: VendorConnector): void {
  registered.set(connector.vendor, connector)
}

export function listConnectors(): VendorConnector[] {
  return [...registered.values()]
}

export function findConnector(vendor: string): VendorConnector {
  const connector = registered.get(vendor.toLowerCase())
  if (!connector) {
    throw new ConfigurationError(`Unknown vendor "${vendor}". Choose one of: ${[...registered.keys()].join(', ')}.`, { option: 'vendor' })
  }
  return connector
}
