/**
 * The CommonJS file of @ticketbridge/halo/connector: the peer check, then the real module
 * (dist/connector/index.cjs), as in halo-simulator-require-guard.ts.
 */
import { checkHaloOptionalPeers } from './halo-optional-peers'

checkHaloOptionalPeers('connector', require.resolve)

module.exports = require('./connector/index.cjs')
