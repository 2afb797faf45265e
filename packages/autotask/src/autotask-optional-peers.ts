import { checkOptionalPeerDependencies, type ModuleResolver } from '@ticketbridge/core'

/**
 * ./simulator and ./connector (which starts the simulator) load @ticketbridge/testkit and msw, optional
 * peers of @ticketbridge/autotask: their guards call this before loading the real module, so a user without
 * them reads which to install rather than Node's "Cannot find package".
 */
export function checkAutotaskOptionalPeers(entry: 'simulator' | 'connector', resolve: ModuleResolver): void {
  checkOptionalPeerDependencies(
    {
      entry: `@ticketbridge/autotask/${entry}`,
      packageName: '@ticketbridge/autotask',
      imports: ['@ticketbridge/testkit/servers', 'msw'],
      vendor: 'autotask',
    },
    resolve,
  )
}
