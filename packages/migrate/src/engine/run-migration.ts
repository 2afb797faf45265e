import { ConfigurationError, type Ticket } from '@ticketbridge/core'
import { abortableSleep } from '@ticketbridge/http'
import { resolveMapping } from '../mapping/resolve-mapping'
import { buildMigrationReport, type MigrationReport } from '../report/migration-report'
import { MigrationInterruptedError } from './migration-interrupted-error'
import { adoptExistingTickets } from './adopt-existing-tickets'
import { changedWhileListing } from './changed-while-listing'
import { AttemptCounts } from './attempt-counts'
import { migrateRelations } from './migrate-relations'
import { migrateTicketBatch } from './migrate-ticket-batch'
import { emptyCounts, type MigrationContext } from './migration-context'
import type { MigrationProgressEvent } from './migration-progress'
import type { MigrationSetup } from './migration-setup'
import type { PreflightReport } from './preflight'
import { DirectoryResolver } from './resolve-directory'
import { resumableListing } from './resumable-listing'
import { inBatches, ticketBatchSize } from './ticket-batches'
import type { SettledTicket } from './ticket-failure'

/**
 * One run after its preflight: every listed ticket moved in batches (migrate-ticket-batch.ts), tickets an earlier
 * run left half-moved finished, transient failures tried again in rounds, relations last. The
 * ledger records the run as finished or failed.
 */
export async function runMigration(setup: MigrationSetup, report: PreflightReport, startedAt: Date): Promise<MigrationReport> {
  const { options, settings, emit } = setup
  const { source } = options
  const { mappingFile, concurrency, retryRounds, retryDelayMs } = settings
  if (report.blocking.length > 0) {
    throw new ConfigurationError(`The migration cannot start; nothing was written: ${report.blocking.join(' ')}`, { option: 'target' })
  }
  const resolvedLookups = await setup.target.lookups()
  const target = setup.target.adapter
  const ledger = await setup.ledger()
  const { query } = settings
  const runId = await ledger.startRun({
    since: options.since,
    ...(options.only ? { only: options.only } : {}),
    ...(query.order ? { order: query.order } : {}),
    retryFailed: options.retryFailed ?? false,
    dryRun: options.dryRun ?? false,
    concurrency,
  })
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
    keptReads: setup.keptReads,
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
  const settle = (ticket: Ticket, { settled: outcome, counts }: SettledTicket) => {
    if (outcome === 'retry') {
      attempts.retried(ticket.id, counts)
      toRetry.push(ticket)
      retried.add(ticket.id)
      emit({ phase: 'tickets', done, total: report.tickets, failed, sourceId: ticket.id, outcome })
      return
    }
    attempts.settled(ticket.id, counts)
    done += 1
    if (outcome === 'failed') failed += 1
    emit({ phase: 'tickets', done, total: report.tickets, failed, sourceId: ticket.id, outcome })
  }
  /** Moves tickets a batch at a time (see migrate-ticket-batch.ts), one batch after another. */
  const moveAll = async (tickets: AsyncIterable<Ticket> | Iterable<Ticket>, batchSize = ticketBatchSize) => {
    for await (const batch of inBatches(tickets, batchSize)) {
      for (const ticket of batch) seen.add(ticket.id)
      await migrateTicketBatch(context, directory, batch, concurrency, settle)
    }
  }
  const wait = async (event: Omit<Extract<MigrationProgressEvent, { phase: 'retry' }>, 'phase' | 'rounds' | 'waitMs'>) => {
    const waitMs = retryDelayMs(event.round)
    emit({ phase: 'retry', rounds: retryRounds, waitMs, ...event })
    await abortableSleep(waitMs, options.signal)
  }
  let retryRoundsRun = 0
  try {
    // The preflight's listing where it kept it (a small help desk, read minutes ago), else afresh.
    const keptPages = setup.keptReads.takeListing()
    const listingStartedAt = keptPages ? setup.keptReads.keptAt : Date.now()
    const listing = (): AsyncIterable<Ticket> => {
      const pages = keptPages ?? source.tickets.list(query, { signal: options.signal }).pages()
      return adoptExistingTickets(context, pages)
    }
    await moveAll(resumableListing(listing, { rounds: retryRounds, wait }))
    await moveAll(adoptExistingTickets(context, changedWhileListing(source, query, listingStartedAt, seen, options.signal)))
    // Tickets an earlier run left half-moved but that this listing did not return (a --since
    // window, or a source change) are finished too: nothing stays half-done.
    const unfinished = [
      ...(await ledger.inState('ticket', 'created')),
      ...(await ledger.inState('ticket', 'pending')),
      ...(options.retryFailed ? await ledger.inState('ticket', 'failed') : []),
    ].filter((record) => !seen.has(record.sourceId))
    await moveAll(
      (async function* () {
        for (const record of unfinished) yield await source.tickets.get(record.sourceId, { signal: options.signal })
      })(),
    )
    // What failed transiently, again after a wait, in rounds; what still fails waits for the next run.
    for (let round = 1; toRetry.length > 0 && round <= retryRounds; round += 1) {
      const batch = toRetry
      toRetry = []
      await wait({
        what: 'tickets',
        round,
        count: batch.length,
        reason: (await context.ledger.get('ticket', batch[0]!.id))?.error ?? 'a transient failure',
      })
      retryRoundsRun = round
      // Smaller batches each round: a record that makes the vendor fail its whole array (Halo
      // answers some bad data with a 500) is cut off from the others within a few rounds.
      await moveAll(batch, Math.min(ticketBatchSize, Math.ceil(batch.length / 2 ** round)))
    }
    for (const ticket of toRetry) attempts.gaveUp(ticket.id)
    // Relations last: both tickets of a link must be in the target first.
    await migrateRelations(context, concurrency)
    await ledger.finishRun(runId, 'finished', context.counts)
  } catch (error) {
    // Stopped by the caller (Ctrl-C, SIGTERM): the run is interrupted, and what it did is reported.
    if (options.signal?.aborted) {
      await ledger.finishRun(runId, 'interrupted', context.counts)
      throw new MigrationInterruptedError({ ...(await finalReport()), interrupted: true }, error)
    }
    await ledger.finishRun(runId, 'failed', context.counts)
    throw error
  }
  return finalReport()

  function finalReport(): Promise<MigrationReport> {
    return buildMigrationReport({
      source: source.vendor,
      target: target.vendor,
      dryRun: options.dryRun ?? false,
      startedAt,
      counts: context.counts,
      ledger,
      preflight: report,
      transientRetries: { tickets: retried.size, rounds: retryRoundsRun, leftForNextRun: toRetry.length },
      ...(setup.target.dryRunRequests() !== undefined ? { requests: { target: setup.target.dryRunRequests() } } : {}),
    })
  }
}
