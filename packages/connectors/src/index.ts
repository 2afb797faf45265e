/**
 * @ticketbridge/connectors: the vendors that ship with ticketbridge, as `VendorConnector`s
 * (settings, adapter, documented rate limit, simulator). Adding a vendor is one line in
 * `built-in-connectors.ts`.
 */
export { builtInConnectors } from './built-in-connectors'
export { findBuiltInConnector } from './find-built-in-connector'
