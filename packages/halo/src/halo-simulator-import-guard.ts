/**
 * The ESM file of @ticketbridge/halo/simulator. ESM resolves every static import before it runs any
 * code, so the peer check comes first and the real module (dist/simulator/index.js) is imported after
 * it, at top level. Its run-time exports are listed by name (halo-optional-peers.test.ts checks the
 * list is complete); its types are published from src/simulator/index.ts (tsup.config.ts).
 */
import { createRequire } from 'node:module'
import { checkHaloOptionalPeers } from './halo-optional-peers'

checkHaloOptionalPeers('simulator', createRequire(import.meta.url).resolve)

const simulator = await import('./simulator/index.js')

export const { createHaloSimulator, HaloTable, formatHaloDate, parseHaloDate, haloEmptyDate, haloRateLimitText, checkHaloRequest } = simulator
