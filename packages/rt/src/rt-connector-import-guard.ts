/**
 * The ESM file of @ticketbridge/rt/connector, which starts the simulator: the peer check first, then
 * the real module (dist/connector/index.js), as in rt-simulator-import-guard.ts.
 */
import { createRequire } from 'node:module'
import { checkRtOptionalPeers } from './rt-optional-peers'

checkRtOptionalPeers('connector', createRequire(import.meta.url).resolve)

const connector = await import('./connector/index.js')

export const { rtConnector, rtDocumentedRateLimit } = connector
