/**
 * The CommonJS file of @ticketbridge/halo/simulator: the peer check, then the real module
 * (dist/simulator/index.cjs), required only once the check has passed. A file of its own because
 * the import guard's top-level await cannot be built to CommonJS.
 */
import { checkHaloOptionalPeers } from './halo-optional-peers'

checkHaloOptionalPeers('simulator', require.resolve)

module.exports = require('./simulator/index.cjs')
