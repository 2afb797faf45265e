import { ConfigurationError } from '@ticketbridge/core'
import type { MappingFileInput, MigrationListOrder, MigrationPhaseFilter } from '@ticketbridge/migrate'

/** The pg-boss queue every migration job goes on. */
export const migrationQueueName = 'ticketbridge-migrations'

/**
 * What a queued migration carries: everything a worker on another machine needs, except secrets.
 * Settings are the non-secret ones (addresses, tenants, API users); a worker adds the secrets
 * from its own environment, or from the secrets file the job names in its `--secrets-dir`.
 */
export interface MigrationJobData {
  version: 1
  from: string
  to: string
  /** Non-secret settings of each end, by vendor setting name. */
  settings: { source: Record<string, string>; target: Record<string, string> }
  instances: { source: string; target: string }
  /** The ledger's name in PostgreSQL; its database is `url`, or the queue's when left out. */
  ledger: { name: string; url?: string }
  /** The name (not the path, nor the content) of the secrets file a worker reads from its `--secrets-dir`. */
  secretsFile?: string
  mapping?: MappingFileInput
  options: {
    since?: string
    only?: MigrationPhaseFilter
    order?: MigrationListOrder
    retryFailed?: boolean
    concurrency?: number
    allowUnmapped?: boolean
    allowNotifications?: boolean
  }
}

const isRecordOfText = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string')

/** Checks a job's data as a worker reads it: written by another version of ticketbridge, it may not fit. */
export function readMigrationJobData(data: unknown): MigrationJobData {
  const job = data as Partial<MigrationJobData> | null
  const fits =
    job !== null &&
    typeof job === 'object' &&
    job.version === 1 &&
    typeof job.from === 'string' &&
    typeof job.to === 'string' &&
    isRecordOfText(job.settings?.source) &&
    isRecordOfText(job.settings?.target) &&
    typeof job.instances?.source === 'string' &&
    typeof job.instances?.target === 'string' &&
    typeof job.ledger?.name === 'string' &&
    typeof job.options === 'object'
  if (!fits) {
    throw new ConfigurationError(
      'The job was queued by a ticketbridge this worker does not understand (its data has another shape). Run workers of the same version as the one that queued it.',
      {
        option: 'queue',
      },
    )
  }
  return job as MigrationJobData
}
