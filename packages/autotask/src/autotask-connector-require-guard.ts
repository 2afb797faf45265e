/**
 * The CommonJS file of @ticketbridge/autotask/connector: the peer check, then the real module
 * (dist/connector/index.cjs), as in autotask-simulator-require-guard.ts.
 */
import { checkAutotaskOptionalPeers } from './autotask-optional-peers'

checkAutotaskOptionalPeers('connector', require.resolve)

module.exports = require('./connector/index.cjs')
