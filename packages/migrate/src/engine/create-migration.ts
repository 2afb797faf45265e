import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MigrationLedger } from '../ledger/migration-ledger'
import { isPostgresLocation } from '../ledger/open-ledger'
import { KeptSourceReads } from './kept-source-reads'
import { resolveMapping } from '../mapping/resolve-mapping'
import type { MigrationReport } from '../report/migration-report'
import { type VerifyReport, verifyMigration } from '../verify/verify-migration'
import type { Migration, MigrationOptions } from './migration-options'
import type { MigrationProgressEvent } from './migration-progress'
import { type MigrationSetup, resolveMigrationSettings } from './migration-setup'
import { MigrationTarget } from './migration-target'
import { migrationLedgerLocation } from './migration-ledger-location'
import { openMigrationLedger } from './open-migration-ledger'
import { type PreflightReport, runPreflight } from './preflight'
import { rollbackMigration } from './rollback-migration'
import { runMigration } from './run-migration'

export type { Migration, MigrationOptions } from './migration-options'

/**
 * Sets up a migration. Nothing is read or written until `preflight()` or `run()`.
 *
 * ```ts
 * const migration = createMigration({ source: createRtAdapter(rt), target: createHaloAdapter(halo), ledger: 'rt-to-halo.sqlite' })
 * const report = await migration.run()
 * console.log(renderReportText({ ...report, verify: await migration.verify() }))
 * ```
 */
export function createMigration(options: MigrationOptions): Migration {
  const settings = resolveMigrationSettings(options)
  const { mappingFile } = settings
  const { source } = options
  const emit = (event: MigrationProgressEvent) => options.onProgress?.(event)

  let dryRunFolder: string | undefined
  let location = migrationLedgerLocation(options)
  if (options.dryRun) {
    dryRunFolder = mkdtempSync(join(tmpdir(), 'ticketbridge-dry-run-'))
    location = { ledger: join(dryRunFolder, 'ledger.sqlite') }
  }
  // A ledger file is made by the first run, after the preflight has checked the credentials: a
  // refused login leaves nothing behind. An existing one (and any PostgreSQL ledger) is checked
  // before the preflight reads anything, so a ledger of another migration costs no requests.
  let openedLedger: Promise<MigrationLedger> | undefined
  const identity = { source: source.vendor, target: options.target.vendor, ...(options.instances ? { instances: options.instances } : {}) }
  const theLedger = (): Promise<MigrationLedger> => (openedLedger ??= openMigrationLedger(location, identity))
  const checkExistingLedger = async () => {
    if (!options.dryRun && (isPostgresLocation(location.ledger) || existsSync(location.ledger))) await theLedger()
  }

  const target = new MigrationTarget(options.target, options.dryRun ?? false, options.signal)
  const setup: MigrationSetup = { options, settings, target, ledger: theLedger, emit, keptReads: new KeptSourceReads() }
  let preflightReport: PreflightReport | undefined

  async function preflight(): Promise<PreflightReport> {
    await checkExistingLedger()
    emit({ phase: 'preflight', message: 'reading the target lookups and every source ticket' })
    const resolvedLookups = await target.lookups()
    preflightReport = await runPreflight({
      source,
      target: target.adapter,
      mapping: resolveMapping(mappingFile, resolvedLookups),
      mappingFile,
      targetLookups: resolvedLookups,
      kept: setup.keptReads,
      ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
      query: settings.query,
      ...(options.signal ? { signal: options.signal } : {}),
    })
    return preflightReport
  }

  async function run(): Promise<MigrationReport> {
    const startedAt = new Date()
    const report = preflightReport ?? (await preflight())
    return runMigration(setup, report, startedAt)
  }

  async function verify(): Promise<VerifyReport> {
    if (options.dryRun) await target.prepareDryRun()
    const ledger = await theLedger()
    return verifyMigration({
      source,
      target: target.adapter,
      ledger,
      ...(options.verifySampleSize !== undefined ? { sampleSize: options.verifySampleSize } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => emit({ phase: 'verify', done, total }),
    })
  }

  return {
    preflight,
    run,
    verify,
    rollback: () => rollbackMigration(setup),
    async close() {
      if (openedLedger) await (await openedLedger.catch(() => undefined))?.close()
      if (options.dryRun) await target.adapter.close()
      if (dryRunFolder) rmSync(dryRunFolder, { recursive: true, force: true })
    },
  }
}
