/**
 * The ESM file of @ticketbridge/autotask/connector, which starts the simulator: the peer check first, then
 * the real module (dist/connector/index.js), as in autotask-simulator-import-guard.ts.
 */
import { createRequire } from 'node:module'
import { checkAutotaskOptionalPeers } from './autotask-optional-peers'

checkAutotaskOptionalPeers('connector', createRequire(import.meta.url).resolve)

const connector = await import('./connector/index.js')

export const {
  autotaskApiMinimum,
  autotaskConnector,
  autotaskDocumentedRateLimit,
  autotaskRequestCost,
  autotaskAdapterSettingsOf,
  autotaskConnectorSettings,
  startAutotaskSimulator,
} = connector
