import type { TicketingAdapter } from '@ticketbridge/core'
import type { RequestMeter } from '@ticketbridge/http'
import { type CutOverPhasePlan, loadMappingFile, planCutOver } from '@ticketbridge/migrate'
import { describeDuration } from '../output/budget-eta'
import { exitCodes } from '../output/exit-codes'
import type { RateLimitNotice } from '../output/rate-limit-notice'
import { renderTable } from '../output/render-table'
import { type LedgerLocation, ledgerFlags } from './ledger-location'
import type { MigrateOptions } from './migrate-options'
import { runMigration } from './run-migration'

/**
 * `migrate --plan cutover`: prices each phase at the vendors' budgets (one pass over the source),
 * then moves the open work first (agents can start on the new desk with it) and the history
 * after, on one ledger; ends with the command that carries the last changes at the switch.
 * With --dry-run, the plan alone. Returns the exit code.
 */
export async function runCutOver(context: {
  options: MigrateOptions
  source: TicketingAdapter
  target: TicketingAdapter
  location: LedgerLocation
  instances: { from: { instance: string }; to: { instance: string } }
  rateLimitNotice: RateLimitNotice
  meters: { source: RequestMeter; target: RequestMeter }
  signal: AbortSignal
}): Promise<number> {
  const { options, source, target, location } = context
  const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined
  const started = new Date().toISOString()
  const { phases } = await planCutOver({
    source,
    target,
    ...(mapping ? { mapping } : {}),
    ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
    signal: context.signal,
  })
  console.log(`Cut-over plan, ${source.vendor} → ${target.vendor} (ledger ${location.label}):`)
  console.log(
    renderTable(['phase', 'moves', 'tickets', `${source.vendor} requests`, `${target.vendor} requests`, 'at the budgets'], phases.map(planRow)),
  )
  const switchCommand = `ticketbridge migrate --from ${options.from} --to ${options.to}${ledgerFlags(options, location)} --since ${started}`
  if (options.dryRun) {
    console.log(`\nNothing was written (--dry-run). After both phases, at the switch: ${switchCommand}`)
    return exitCodes.success
  }
  for (const [index, phase] of phases.entries()) {
    if (phase.tickets === 0) {
      console.log(`\nPhase ${index + 1} (${phase.label}): no tickets.`)
      continue
    }
    console.log(`\nPhase ${index + 1} of ${phases.length}: ${phase.label}`)
    const result = await runMigration({
      source,
      target,
      ledger: location,
      reportFolder: options.reportDir,
      ...(mapping ? { mapping } : {}),
      ...(phase.only ? { only: phase.only } : {}),
      ...(options.order ? { order: options.order } : {}),
      ...(options.retryFailed ? { retryFailed: true } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
      instances: { source: context.instances.from.instance, target: context.instances.to.instance },
      verify: options.verify,
      rateLimitNotice: context.rateLimitNotice,
      meters: context.meters,
      log: (line) => console.log(line),
      signal: context.signal,
    })
    console.log(`\nReport: ${result.htmlPath}\nJSON:   ${result.jsonPath}`)
    if (result.interrupted || !result.complete) {
      const rest = phases.slice(index + 1).map((next) => next.label)
      console.log(
        `Phase ${index + 1} ${result.interrupted ? 'was interrupted' : 'finished with failures or differences'}; ${
          rest.length > 0 ? `not started: ${rest.join(', ')}. ` : ''
        }Run the same command again to go on: what is done is skipped.`,
      )
      return result.interrupted ? exitCodes.interrupted : exitCodes.incomplete
    }
  }
  console.log(`\nBoth phases are done. At the switch, carry what changed since the cut-over began:\n  ${switchCommand}`)
  return exitCodes.success
}

function planRow(phase: CutOverPhasePlan, index: number): (string | number)[] {
  const { source, target } = phase.secondsAtRateLimit
  const slowest = Math.max(source ?? 0, target ?? 0)
  const moves = phase.only?.statusCategories ? `--only ${phase.only.statusCategories.join(',')}` : 'the rest'
  return [
    `${index + 1}. ${phase.label}`,
    moves,
    phase.tickets,
    phase.requests.source,
    phase.requests.target,
    source === undefined && target === undefined ? 'no budget' : describeDuration(slowest),
  ]
}
