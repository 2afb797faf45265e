/**
 * The ESM file of @ticketbridge/halo/connector, which starts the simulator: the peer check first, then
 * the real module (dist/connector/index.js), as in halo-simulator-import-guard.ts.
 */
import { createRequire } from 'node:module'
import { checkHaloOptionalPeers } from './halo-optional-peers'

checkHaloOptionalPeers('connector', createRequire(import.meta.url).resolve)

const connector = await import('./connector/index.js')

export const { haloConnector, haloDocumentedRateLimit, haloApiMinimum } = connector
