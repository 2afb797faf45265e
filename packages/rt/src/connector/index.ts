/**
 * @ticketbridge/rt/connector: Request Tracker as the CLI, the bench, the demo and the migration
 * tests know it: settings, the adapter, the simulator, what a request costs.
 */
export { rtConnector, rtDocumentedRateLimit } from './rt-connector'
