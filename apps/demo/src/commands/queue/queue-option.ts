import { ConfigurationError } from '@ticketbridge/core'
import { isPostgresLocation } from '@ticketbridge/migrate'

/** `--queue`, as migrate, worker and jobs take it. */
export const queueOptionText = [
  '--queue <url>',
  'the job queue: a PostgreSQL database (postgres://…), which also holds the ledgers unless --ledger names another (default: $TICKETBRIDGE_QUEUE)',
] as const

/** The queue's address: `--queue`, else `$TICKETBRIDGE_QUEUE`; a PostgreSQL URL. */
export function resolveQueueUrl(option: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  const url = option ?? (environment.TICKETBRIDGE_QUEUE || undefined)
  if (!url) throw new ConfigurationError('Name the job queue: --queue postgres://… (or set TICKETBRIDGE_QUEUE).', { option: 'queue' })
  if (!isPostgresLocation(url))
    throw new ConfigurationError('The job queue runs on PostgreSQL: --queue takes a postgres://user:password@host:port/database address.', {
      option: 'queue',
    })
  return url
}
