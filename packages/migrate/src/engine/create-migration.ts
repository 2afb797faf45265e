import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError, runConcurrently, type Ticket, type TicketingAdapter, UnsupportedOperationError } from '@ticketbridge/core'
import { createMemoryAdapter, createMemoryStore } from '@ticketbridge/memory'
import { MigrationLedger } from '../ledger/migration-ledger'
import { type MappingFile, type MappingFileInput, mappingFileSchema } from '../mapping/mapping-file'
import { resolveMapping, type TargetLookups } from '../mapping/resolve-mapping'
import { buildMigrationReport, type MigrationReport } from '../report/migration-report'
import { type VerifyReport, verifyMigration } from '../verify/verify-migration'
import { abortableSleep } from '@ticketbridge/http'
import { adoptExistingTickets } from './adopt-existing-tickets'
import { AttemptCounts } from './attempt-counts'
import { emptyCounts, type MigrationContext } from './migration-context'
import type { MigrationProgressEvent } from './migration-progress'
import { migrateTicket } from './migrate-ticket'
import { migrateRelations } from './migrate-relations'
import { type PreflightReport, runPreflight } from './preflight'
import { DirectoryResolver } from './resolve-directory'
import { resumableListing } from './resumable-listing'

/** Options of {@link createMigration}. */
export interface MigrationOptions {
  source: TicketingAdapter
  target: TicketingAdapter
  /** The SQLite file holding the id map and ledger; the same file resumes and re-runs. */
  ledgerPath: string
  /** The mapping (parsed file or plain object); where it is silent, values map by name and category. */
  mapping?: MappingFile | MappingFileInput
  /** Write nothing to the target: run the same plan into a memory adapter with the target's capabilities and lookups. */
  dryRun?: boolean
  /** Move only tickets changed at or after this instant (ISO-8601). */
  since?: string
  /** Try again records that failed in earlier runs. */
  retryFailed?: boolean
  /** Tickets moved at once (default 8); the vendors' rate limiters still bound the request rate, and targets that take array writes (Halo) send the writes of tickets moving together as one request. */
  concurrency?: number
  /**
   * Tickets that fail for a reason that passes (a rate limit, a 5xx, a dropped connection, a
   * timeout, an answer cut short) are tried again in the same run after the others, in up to
   * `rounds` rounds (default 5), waiting `initialDelayMs` (default 2 s) before the first and twice
   * as long before each next, at most a minute. A source listing that fails so starts again
   * where it stopped, with the same waits. What still fails is left for the next run, not failed.
   */
  transientRetries?: { rounds?: number; initialDelayMs?: number }
  /**
   * Which instances the source and target are (an address, a tenant, an API user: never a
   * secret). Kept in the ledger by its first run; a later run against other instances is refused,
   * so one client's ledger is never used against another's help desk.
   */
  instances?: { source: string; target: string }
  /** Mapping entries naming a status, priority, queue or type the target lacks are allowed (such tickets get the target's default) instead of stopping the run. */
  allowUnmapped?: boolean
  /** Tickets whose source fields verification re-reads and compares (default 20). */
  verifySampleSize?: number
  onProgress?: (event: MigrationProgressEvent) => void
  signal?: AbortSignal
}

/** A migration between two adapters: preflight, run, verify, rollback, each resumable from the ledger. */
export interface Migration {
  preflight(): Promise<PreflightReport>
  /** Moves everything not yet moved; resumes where an earlier run stopped. Runs the preflight first. */
  run(): Promise<MigrationReport>
  verify(): Promise<VerifyReport>
  /** Deletes what this ledger's runs created in the target, where the target allows deleting. */
  rollback(): Promise<{ deleted: number; kept: number; reason?: string }>
  close(): Promise<void>
}

/**
 * Sets up a migration. Nothing is read or written until `preflight()` or `run()`.
 *
 * ```ts
 * const migration = createMigration({ source: createRtAdapter(rt), target: createHaloAdapter(halo), ledgerPath: 'rt-to-halo.sqlite' })
 * const report = await migration.run()
 * console.log(renderReportText({ ...report, verify: await migration.verify() }))
 * ```
 */
export function createMigration(options: MigrationOptions): Migration {
  const mappingResult = mappingFileSchema.safeParse(options.mapping ?? {})
  if (!mappingResult.success) {
    const issue = mappingResult.error.issues[0]
    throw new ConfigurationError(`The mapping is invalid: ${mappingResult.error.issues.map((entry) => `${entry.path.join('.')}: ${entry.message}`).join('; ')}.`, {
      option: issue && issue.path.length > 0 ? `mapping.${issue.path.join('.')}` : 'mapping',
    })
  }
  const mappingFile = mappingResult.data
  const concurrency = options.concurrency ?? 8
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new ConfigurationError(`concurrency must be a whole number from 1 to 64, not ${String(options.concurrency)}.`, { option: 'concurrency' })
  }
  if (options.since !== undefined && Number.isNaN(Date.parse(options.since))) {
    throw new ConfigurationError(`since must be an ISO-8601 date such as 2024-05-01T00:00:00Z, not "${options.since}".`, { option: 'since' })
  }
  const retryRounds = options.transientRetries?.rounds ?? 5
  const retryInitialDelayMs = options.transientRetries?.initialDelayMs ?? 2_000
  if (!Number.isInteger(retryRounds) || retryRounds < 0 || retryRounds > 20) {
    throw new ConfigurationError(`transientRetries.rounds must be a whole number from 0 to 20, not ${String(retryRounds)}.`, { option: 'transientRetries.rounds' })
  }
  if (!Number.isFinite(retryInitialDelayMs) || retryInitialDelayMs < 0) {
    throw new ConfigurationError(`transientRetries.initialDelayMs must be a number of milliseconds of at least 0, not ${String(retryInitialDelayMs)}.`, { option: 'transientRetries.initialDelayMs' })
  }
  const retryDelayMs = (round: number) => Math.min(retryInitialDelayMs * 2 ** (round - 1), 60_000)
  const { source } = options
  const emit = (event: MigrationProgressEvent) => options.onProgress?.(event)

  let dryRunFolder: string | undefined
  let target = options.target
  let ledgerPath = options.ledgerPath
  let dryRunPrepared: Promise<void> | undefined
  if (options.dryRun) {
    dryRunFolder = mkdtempSync(join(tmpdir(), 'ticketbridge-dry-run-'))
    ledgerPath = join(dryRunFolder, 'ledger.sqlite')
  }
  // The ledger file is made by the first run, after the preflight has checked the credentials:
  // a refused login leaves nothing behind. An existing one is checked at once.
  let openedLedger: MigrationLedger | undefined
  const identity = { source: source.vendor, target: options.target.vendor, ...(options.instances ? { instances: options.instances } : {}) }
  const theLedger = (): MigrationLedger => (openedLedger ??= openLedgerFor(ledgerPath, identity))
  if (!options.dryRun && existsSync(ledgerPath)) theLedger()

  /** In a dry run the target is a memory adapter that behaves like the real one (capabilities, lookups). */
  function prepareDryRun(): Promise<void> {
    dryRunPrepared ??= (async () => {
      const real = options.target
      const [statuses, priorities, queues, ticketTypes, customFields] = await Promise.all([
        real.lookups.statuses(),
        real.lookups.priorities(),
        real.lookups.queues(),
        real.lookups.ticketTypes(),
        real.lookups.customFields(),
      ])
      target = createMemoryAdapter({
        vendor: real.vendor,
        // The stand-in warns in the target's own words.
        ...(real.title ? { title: real.title } : {}),
        capabilities: real.capabilities,
        store: createMemoryStore({ statuses, priorities, queues, ticketTypes, customFields }),
      })
    })()
    return dryRunPrepared
  }

  let lookups: Promise<TargetLookups> | undefined
  const targetLookups = (): Promise<TargetLookups> => {
    lookups ??= (async () => {
      if (options.dryRun) await prepareDryRun()
      const [statuses, priorities, queues, ticketTypes, customFields] = await Promise.all([
        target.lookups.statuses({ signal: options.signal }),
        target.lookups.priorities({ signal: options.signal }),
        target.lookups.queues({ signal: options.signal }),
        target.lookups.ticketTypes({ signal: options.signal }),
        target.lookups.customFields({ signal: options.signal }),
      ])
      return { statuses, priorities, queues, ticketTypes, customFields }
    })()
    return lookups
  }

  let preflightReport: PreflightReport | undefined

  async function preflight(): Promise<PreflightReport> {
    emit({ phase: 'preflight', message: 'reading the target lookups and every source ticket' })
    const resolvedLookups = await targetLookups()
    preflightReport = await runPreflight({
      source,
      target,
      mapping: resolveMapping(mappingFile, resolvedLookups),
      mappingFile,
      targetLookups: resolvedLookups,
      ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
      ...(options.since ? { since: options.since } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
    return preflightReport
  }

  async function run(): Promise<MigrationReport> {
    const startedAt = new Date()
    const report = preflightReport ?? (await preflight())
    if (report.blocking.length > 0) {
      throw new ConfigurationError(`The migration cannot start; nothing was written: ${report.blocking.join(' ')}`, { option: 'target' })
    }
    const resolvedLookups = await targetLookups()
    const ledger = theLedger()
    const runId = ledger.startRun({ since: options.since, retryFailed: options.retryFailed ?? false, dryRun: options.dryRun ?? false, concurrency })
    const context: MigrationContext = {
      source,
      target,
      ledger,
      mappingFile,
      mapping: resolveMapping(mappingFile, resolvedLookups),
      targetLookups: resolvedLookups,
      runId,
      retryFailed: options.retryFailed ?? false,
      counts: emptyCounts(),
      emit,
      foundOnTarget: new Map(),
      adoptedTickets: new Set(),
      lookupWarnings: new Map(),
      relationsRecorded: new Set(),
      ...(options.signal ? { signal: options.signal } : {}),
    }
    const directory = new DirectoryResolver(context)
    const seen = new Set<string>()
    const attempts = new AttemptCounts(context.counts)
    /** Tickets that failed transiently, for the next round. */
    let toRetry: Ticket[] = []
    const retried = new Set<string>()
    let done = 0
    let failed = 0
    const moveOne = async (ticket: Ticket) => {
      seen.add(ticket.id)
      const attemptCounts = emptyCounts()
      const outcome = await migrateTicket({ ...context, counts: attemptCounts }, directory, ticket)
      if (outcome === 'retry') {
        attempts.retried(ticket.id, attemptCounts)
        toRetry.push(ticket)
        retried.add(ticket.id)
        emit({ phase: 'tickets', done, total: report.tickets, failed, sourceId: ticket.id, outcome })
        return
      }
      attempts.settled(ticket.id, attemptCounts)
      done += 1
      if (outcome === 'failed') failed += 1
      emit({ phase: 'tickets', done, total: report.tickets, failed, sourceId: ticket.id, outcome })
    }
    const wait = async (event: Omit<Extract<MigrationProgressEvent, { phase: 'retry' }>, 'phase' | 'rounds' | 'waitMs'>) => {
      const waitMs = retryDelayMs(event.round)
      emit({ phase: 'retry', rounds: retryRounds, waitMs, ...event })
      await abortableSleep(waitMs, options.signal)
    }
    let retryRoundsRun = 0
    try {
      const listing = (): AsyncIterable<Ticket> => {
        const pages = source.tickets.list(options.since ? { updatedSince: options.since } : {}, { signal: options.signal }).pages()
        return adoptExistingTickets(context, pages)
      }
      await runConcurrently(resumableListing(listing, { rounds: retryRounds, wait }), concurrency, moveOne)
      // Tickets an earlier run left half-moved but that this listing did not return (a --since
      // window, or a source change) are finished too: nothing stays half-done.
      const unfinished = [...ledger.inState('ticket', 'created'), ...ledger.inState('ticket', 'pending'), ...(options.retryFailed ? ledger.inState('ticket', 'failed') : [])]
        .filter((record) => !seen.has(record.sourceId))
      await runConcurrently(
        (async function* () {
          for (const record of unfinished) yield await source.tickets.get(record.sourceId, { signal: options.signal })
        })(),
        concurrency,
        moveOne,
      )
      // What failed transiently, again after a wait, in rounds; what still fails waits for the next run.
      for (let round = 1; toRetry.length > 0 && round <= retryRounds; round += 1) {
        const batch = toRetry
        toRetry = []
        await wait({ what: 'tickets', round, count: batch.length, reason: context.ledger.get('ticket', batch[0]!.id)?.error ?? 'a transient failure' })
        retryRoundsRun = round
        await runConcurrently(batch, concurrency, moveOne)
      }
      for (const ticket of toRetry) attempts.gaveUp(ticket.id)
      // Relations last: both tickets of a link must be in the target first.
      await migrateRelations(context, concurrency)
      ledger.finishRun(runId, 'finished')
    } catch (error) {
      ledger.finishRun(runId, 'failed')
      throw error
    }
    return buildMigrationReport({
      source: source.vendor,
      target: target.vendor,
      dryRun: options.dryRun ?? false,
      startedAt,
      counts: context.counts,
      ledger,
      preflight: report,
      transientRetries: { tickets: retried.size, rounds: retryRoundsRun, leftForNextRun: toRetry.length },
    })
  }

  async function verify(): Promise<VerifyReport> {
    if (options.dryRun) await prepareDryRun()
    const ledger = theLedger()
    return verifyMigration({
      source,
      target,
      ledger,
      ...(options.verifySampleSize !== undefined ? { sampleSize: options.verifySampleSize } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => emit({ phase: 'verify', done, total }),
    })
  }

  async function rollback(): Promise<{ deleted: number; kept: number; reason?: string }> {
    const ledger = theLedger()
    const created = [...ledger.allOfKind('ticket')].filter((record) => record.createdByMigration && record.targetId)
    if (!target.capabilities.tickets.delete) {
      return { deleted: 0, kept: created.length, reason: `${target.vendor} does not allow deleting tickets through its API; the ledger lists the ${created.length} tickets to remove by hand.` }
    }
    let deleted = 0
    for (const record of created) {
      try {
        await target.tickets.delete(record.targetId!, { signal: options.signal })
      } catch (error) {
        if (UnsupportedOperationError.isInstance(error)) throw error
        if (!(error as { status?: number }).status || (error as { status?: number }).status !== 404) throw error
      }
      deleted += 1
      ledger.put({ ...record, targetId: null, state: 'skipped', error: 'rolled back', createdByMigration: false })
      for (const kind of ['comment', 'attachment', 'time-entry', 'relation'] as const) {
        for (const child of ledger.children(kind, record.sourceId)) ledger.put({ ...child, targetId: null, state: 'skipped', error: 'rolled back' })
      }
      emit({ phase: 'rollback', done: deleted, total: created.length })
    }
    return { deleted, kept: 0 }
  }

  return {
    preflight,
    run,
    verify,
    rollback,
    async close() {
      openedLedger?.close()
      if (options.dryRun) await target.close()
      if (dryRunFolder) rmSync(dryRunFolder, { recursive: true, force: true })
    },
  }
}

/**
 * Opens (or makes) the ledger and checks that it belongs to this migration: the same source and
 * target vendors and, where both name them, the same instances. A new ledger takes this identity.
 */
function openLedgerFor(path: string, identity: { source: string; target: string; instances?: { source: string; target: string } }): MigrationLedger {
  const ledger = new MigrationLedger(path)
  const recorded = { source: ledger.getMeta('source'), target: ledger.getMeta('target'), sourceInstance: ledger.getMeta('sourceInstance'), targetInstance: ledger.getMeta('targetInstance') }
  const refuse = (what: string) => {
    ledger.close()
    throw new ConfigurationError(`${path} is the ledger of ${what}. Name this migration's ledger, or none to use its default.`, { option: 'ledger' })
  }
  if ((recorded.source !== undefined && recorded.source !== identity.source) || (recorded.target !== undefined && recorded.target !== identity.target)) {
    refuse(`a ${recorded.source} → ${recorded.target} migration, not ${identity.source} → ${identity.target}`)
  }
  const instances = identity.instances
  if (instances && recorded.sourceInstance !== undefined && recorded.sourceInstance !== instances.source) {
    refuse(`a migration from ${identity.source} at ${recorded.sourceInstance}, not at ${instances.source}`)
  }
  if (instances && recorded.targetInstance !== undefined && recorded.targetInstance !== instances.target) {
    refuse(`a migration into ${identity.target} at ${recorded.targetInstance}, not at ${instances.target}`)
  }
  ledger.setMeta('source', identity.source)
  ledger.setMeta('target', identity.target)
  if (instances) {
    ledger.setMeta('sourceInstance', instances.source)
    ledger.setMeta('targetInstance', instances.target)
  }
  return ledger
}
