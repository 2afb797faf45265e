/**
 * @ticketbridge/halo/connector: what the CLI, the bench, the demo and the migration tests know of
 * Halo (settings, adapter, documented rate limit, simulator, request cost).
 */
export { haloConnector } from './halo-connector'
export { haloDocumentedRateLimit } from '../adapter/halo-rate-limit'
export { haloApiMinimum } from './halo-api-minimum'
