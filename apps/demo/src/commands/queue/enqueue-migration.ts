import type { MigrationListOrder, MigrationPhaseFilter } from '@ticketbridge/migrate'
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'
import { defaultLedgerName, describeLedgerLocation, isPostgresLocation, loadMappingFile } from '@ticketbridge/migrate'
import { loadVendorSettings } from '../../config/load-cli-config'
import { findConnector } from '../../connectors/connectors'
import { insertJob, unfinishedJobOfLedger } from '../../queue/job-table'
import { type MigrationJobData, migrationQueueName } from '../../queue/migration-job-data'
import { closeMigrationQueue, openMigrationQueue } from '../../queue/migration-queue'
import type { ConnectionOptions } from '../shared-options'
import { resolveQueueUrl } from './queue-option'

/** The flags of `migrate` a queued job keeps. */
export interface EnqueueOptions extends ConnectionOptions {
  from: string
  to: string
  queue: string
  mapping?: string
  since?: string
  only?: MigrationPhaseFilter
  order?: MigrationListOrder
  retryFailed?: boolean
  concurrency?: number
  allowUnmapped?: boolean
  allowNotifications?: boolean
  ledger?: string
  ledgerName?: string
  dryRun?: boolean
}

/**
 * `migrate … --queue`: puts the migration on the queue and answers its job id. The job holds the
 * settings that are not secret, the mapping itself and the options; never a secret (workers have
 * their own), and the secrets file by name only.
 */
export async function enqueueMigration(options: EnqueueOptions): Promise<string> {
  const queueUrl = resolveQueueUrl(options.queue)
  if (options.dryRun) throw new ConfigurationError('A dry run is not queued: run it here, without --queue.', { option: 'dry-run' })
  if (options.ledger && !isPostgresLocation(options.ledger))
    throw new ConfigurationError(
      'A queued migration keeps its ledger in PostgreSQL, where every worker reaches it: leave out --ledger (the queue’s database), or name a postgres:// one.',
      {
        option: 'ledger',
      },
    )
  const ends = await Promise.all(
    [options.from, options.to].map(async (vendor) => {
      const connector = findConnector(vendor)
      const settings = await loadVendorSettings(connector, {
        ...(options.config ? { configFile: options.config } : {}),
        ...(options.set ? { overrides: options.set } : {}),
        secrets: 'omit',
      })
      return { settings, instance: connector.instanceOf(settings) }
    }),
  )
  const [source, target] = ends as [(typeof ends)[0], (typeof ends)[0]]
  const ledgerName =
    options.ledgerName ?? defaultLedgerName({ vendor: options.from, instance: source.instance }, { vendor: options.to, instance: target.instance })
  const data: MigrationJobData = {
    version: 1,
    from: options.from,
    to: options.to,
    settings: { source: source.settings, target: target.settings },
    instances: { source: source.instance, target: target.instance },
    ledger: { name: ledgerName, ...(options.ledger ? { url: options.ledger } : {}) },
    ...(options.secretsFile ? { secretsFile: basename(options.secretsFile) } : {}),
    ...(options.mapping ? { mapping: await loadMappingFile(options.mapping) } : {}),
    options: {
      ...(options.since ? { since: options.since } : {}),
      ...(options.only ? { only: options.only } : {}),
      ...(options.order ? { order: options.order } : {}),
      ...(options.retryFailed ? { retryFailed: true } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
      ...(options.allowNotifications ? { allowNotifications: true } : {}),
    },
  }
  const boss = await openMigrationQueue(queueUrl)
  try {
    const unfinished = await unfinishedJobOfLedger(boss, ledgerName)
    if (unfinished)
      throw new ConfigurationError(`Job ${unfinished} already moves this migration (ledger ${ledgerName}); watch it with ticketbridge jobs.`, {
        option: 'queue',
      })
    // Our row first, with the id pg-boss will use: a worker may take the job the moment it is sent.
    const id = randomUUID()
    await insertJob(boss, { id, ledgerName, label: `${options.from} → ${options.to} (${ledgerName})` })
    await boss.send(migrationQueueName, data, { id })
    console.log(`Queued job ${id}: ${options.from} → ${options.to}, ledger ${ledgerName} in ${describeLedgerLocation(options.ledger ?? queueUrl)}.`)
    if (data.secretsFile) console.log(`Workers read the secrets from ${data.secretsFile} in their --secrets-dir.`)
    console.log(
      `Run it: ticketbridge worker --queue '${describeLedgerLocation(queueUrl)}'   Watch it: ticketbridge jobs --queue '${describeLedgerLocation(queueUrl)}'`,
    )
    return id
  } finally {
    await closeMigrationQueue(boss, false)
  }
}
