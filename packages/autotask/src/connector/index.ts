/**
 * @ticketbridge/autotask/connector: what the CLI, the bench and the tests know of Autotask: its
 * settings, its adapter, its documented rate limit and its simulator.
 */
export { autotaskApiMinimum, autotaskConnector, autotaskDocumentedRateLimit, autotaskRequestCost } from './autotask-connector'
export { autotaskAdapterSettingsOf, autotaskConnectorSettings } from './autotask-connector-settings'
export { startAutotaskSimulator } from './autotask-connector-simulator'
