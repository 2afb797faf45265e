/**
 * What the README examples leave to the reader: credentials, bytes read from a file, the adapters
 * a migration is given, or a client made in an earlier block of the same README. Declared here,
 * typed as a user's code would have them, so each block compiles as written. A block that
 * declares the same name shadows these.
 */
import type { AutotaskClient } from '@ticketbridge/autotask'
import type { TicketingAdapter } from '@ticketbridge/core'
import type { HaloClient as HaloClientClass, HaloClientSettings } from '@ticketbridge/halo'

declare global {
  // Credentials and addresses, from the user's settings.
  const username: string
  const secret: string
  const integrationCode: string
  const resourceUrl: string
  const authUrl: string
  const clientId: string
  const clientSecret: string
  // packages/autotask/README.md: the attachments block goes on with the first block's client and ticket.
  const client: AutotaskClient
  const ticketId: number
  const bytes: Uint8Array
  // packages/halo/README.md: the sign-in block goes on with the import of the first block.
  const HaloClient: typeof HaloClientClass
  const store: NonNullable<HaloClientSettings['onRefreshTokenIssued']>
  const redirectedTo: string
  const logBytes: Uint8Array
  // packages/migrate/README.md: the two ends of a migration, and node:fs/promises' writeFile.
  const source: TicketingAdapter
  const target: TicketingAdapter
  const writeFile: typeof import('node:fs/promises').writeFile
  // README.md: the adapter of the reader's own vendor, under the conformance suite.
  function createMyAdapter(settings: { url: string; token: string }): TicketingAdapter
}
