import { checkOptionalPeerDependencies, type ModuleResolver } from '@ticketbridge/core'

/**
 * ./simulator and ./connector (which starts the simulator) load @ticketbridge/testkit and msw, optional
 * peers of @ticketbridge/halo: their guards call this before loading the real module, so a user without
 * them reads which to install rather than Node's "Cannot find package".
 */
export function checkHaloOptionalPeers(entry: 'simulator' | 'connector', resolve: ModuleResolver): void {
  checkOptionalPeerDependencies(
    { entry: `@ticketbridge/halo/${entry}`, packageName: '@ticketbridge/halo', imports: ['@ticketbridge/testkit/servers', 'msw'], vendor: 'halo' },
    resolve,
  )
}
