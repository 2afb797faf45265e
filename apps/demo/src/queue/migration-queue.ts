import { ConfigurationError } from '@ticketbridge/core'
import { describeLedgerLocation } from '@ticketbridge/migrate'
import PgBoss from 'pg-boss'
import { ensureJobTable } from './job-table'
import { migrationQueueName } from './migration-job-data'

/**
 * How pg-boss keeps a migration job. A retry is a resume (the ledger skips what is done), so
 * there are many, a few seconds apart. A job may run for hours: pg-boss's own expiry (at most
 * 24 h in version 10) is set near its limit, and a worker that dies is found much sooner by its
 * lost lease (rescue-abandoned-jobs.ts).
 */
const queueOptions = { name: migrationQueueName, retryLimit: 100, retryDelay: 3, expireInHours: 23, retentionDays: 30 } as const

/** Starts pg-boss on the queue's database (creating its schema and ours on first use); a bad address is a ConfigurationError without the password. */
export async function openMigrationQueue(url: string, options: { supervise?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    application_name: 'ticketbridge-queue',
    max: 4,
    supervise: options.supervise ?? false,
    // Dead workers are found by their leases; pg-boss's sweep only backs that up.
    maintenanceIntervalSeconds: 60,
    schedule: false,
  })
  // pg-boss reports background errors as events; an unhandled one would end the process.
  boss.on('error', () => undefined)
  try {
    await boss.start()
    if (!(await boss.getQueue(migrationQueueName))) await boss.createQueue(migrationQueueName, queueOptions)
    await ensureJobTable(boss)
  } catch (error) {
    await boss.stop({ graceful: false, close: true, wait: false }).catch(() => undefined)
    throw new ConfigurationError(
      `Cannot use the job queue at ${describeLedgerLocation(url)}: ${describeReason(error)}. Check the address, that PostgreSQL runs, and the user's rights (it creates the pgboss schema and ticketbridge_* tables).`,
      { option: 'queue' },
    )
  }
  return boss
}

/** The driver's reason, without anything that could be the password. */
function describeReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/postgres(ql)?:\/\/\S+/gi, (address) => describeLedgerLocation(address))
}

/** Stops pg-boss, letting the jobs of this process end first when `graceful`. */
export async function closeMigrationQueue(boss: PgBoss, graceful = true): Promise<void> {
  await boss.stop({ graceful, close: true, wait: true, timeout: graceful ? 60_000 : 1_000 })
}
