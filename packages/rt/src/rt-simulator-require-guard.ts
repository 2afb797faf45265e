/**
 * The CommonJS file of @ticketbridge/rt/simulator: the peer check, then the real module
 * (dist/simulator/index.cjs), required only once the check has passed. A file of its own because
 * the import guard's top-level await cannot be built to CommonJS.
 */
import { checkRtOptionalPeers } from './rt-optional-peers'

checkRtOptionalPeers('simulator', require.resolve)

module.exports = require('./simulator/index.cjs')
