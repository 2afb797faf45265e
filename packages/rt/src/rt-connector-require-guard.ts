/**
 * The CommonJS file of @ticketbridge/rt/connector: the peer check, then the real module
 * (dist/connector/index.cjs), as in rt-simulator-require-guard.ts.
 */
import { checkRtOptionalPeers } from './rt-optional-peers'

checkRtOptionalPeers('connector', require.resolve)

module.exports = require('./connector/index.cjs')
