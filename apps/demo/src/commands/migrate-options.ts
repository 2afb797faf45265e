import type { MigrationListOrder, MigrationPhaseFilter } from '@ticketbridge/migrate'
import type { ConnectionOptions } from './shared-options'

/** The flags of `ticketbridge migrate`, as commander parses them. */
export interface MigrateOptions extends ConnectionOptions {
  from: string
  to: string
  mapping?: string
  dryRun?: boolean
  since?: string
  only?: MigrationPhaseFilter
  order?: MigrationListOrder
  plan?: 'cutover'
  resume?: boolean
  retryFailed?: boolean
  ledger?: string
  ledgerName?: string
  allowUnmapped?: boolean
  allowNotifications?: boolean
  reportDir: string
  concurrency?: number
  verify: boolean
  queue?: string
}
