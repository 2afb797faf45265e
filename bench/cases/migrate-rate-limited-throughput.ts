import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { createMemoryAdapter } from '@ticketbridge/memory'
import { createMigration } from '@ticketbridge/migrate'
import type { BenchCase, BenchTable } from '../support/bench-case'
import { seedExactHelpDesk } from '../support/seed-exact-help-desk'
import { builtInConnectors } from '@ticketbridge/connectors'
import { type RequestBudget, startVendorSandbox, type VendorSandbox } from '../support/vendor-sandbox'

/**
 * The budget both sides enforce: 20 requests in any 1.5 s (13.3 requests/s), a short window
 * standing for Halo's 300 per 5 minutes and Autotask's 10,000 per hour, so that a run spans
 * several windows in a few seconds. Well below what the simulators serve unthrottled, so the
 * limit, not the machine, sets the pace.
 */
const budget: RequestBudget = { requests: 20, windowMs: 1_500 }

/** Workloads sized to span at least three whole windows on every vendor, batched reads and writes included. */
const generatedSourceTickets = 60
/**
 * Tickets written to each target. Halo takes tickets, comments and their files in arrays of up
 * to 100, so it needs far more tickets than a vendor written a record at a time to span three
 * windows (about 0.03 requests a ticket beyond its fixed cost).
 */
const seededTargetTickets: Readonly<Record<string, number>> = { halo: 2_000 }
const seededTargetTicketsElsewhere = 60
const unthrottledTickets = 24

interface Measured {
  /** Requests the limit counts, sent during the run. */
  sent: number
  /** When each of them was sent, in milliseconds from the first. */
  offsets: number[]
  tooManyRequests: number
  /** From the first of them to the last. */
  seconds: number
}

/** The vendor side's requests during the run (those its limit counts, where it has one). */
function measureSide(side: VendorSandbox, serverBefore: number, limited: boolean): Measured {
  const logged = side.serverRequestCount() - serverBefore
  if (logged !== side.wire.exchanges.length)
    throw new Error(`${side.vendor}: the adapter sent ${side.wire.exchanges.length} requests but the simulator logged ${logged}.`)
  const counted = side.wire.exchanges.filter((exchange) => !limited || side.isRateLimited(exchange))
  const first = Math.min(...counted.map((exchange) => exchange.sentAt))
  const offsets = counted.map((exchange) => exchange.sentAt - first)
  return {
    sent: counted.length,
    offsets,
    tooManyRequests: side.wire.exchanges.filter((exchange) => exchange.status === 429).length,
    seconds: Math.max(...offsets) / 1000,
  }
}

async function migrate(source: TicketingAdapter, target: TicketingAdapter, side: VendorSandbox, label: string, limited: boolean): Promise<Measured> {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bench-throughput-'))
  const serverBefore = side.serverRequestCount()
  side.wire.clear()
  const migration = createMigration({ source, target, ledger: join(folder, 'ledger.sqlite') })
  try {
    const report = await migration.run()
    const { tickets } = report.counts
    // Figures of a run that lost tickets would flatter the limiter: refuse them.
    if (tickets.read === 0 || tickets.created !== tickets.read || report.failures.length > 0) {
      throw new Error(
        `${label}: moved ${tickets.created} of ${tickets.read} tickets with ${report.failures.length} failures${report.failures[0] ? ` (first: ${report.failures[0].reason})` : ''}.`,
      )
    }
    return measureSide(side, serverBefore, limited)
  } finally {
    await migration.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** A memory help desk of `tickets` exact tickets, the unthrottled source of the target rows. */
async function memorySource(tickets: number): Promise<TicketingAdapter> {
  const adapter = createMemoryAdapter({ vendor: 'memory' })
  await seedExactHelpDesk(adapter, tickets)
  return adapter
}

function row(vendor: string, direction: string, measured: Measured, enforced: RequestBudget | undefined): (string | number)[] {
  const { sent, seconds, tooManyRequests } = measured
  if (!enforced) return [vendor, direction, 'none enforced', sent, seconds.toFixed(1), '–', (sent / seconds).toFixed(1), '–', '–', tooManyRequests]
  // The pace is judged over the run's whole windows: in k of them a rolling window admits at
  // most k budgets. The last, partial window is left out: there the work ran out, not the budget.
  const windows = Math.floor(measured.offsets.length > 0 ? (seconds * 1000) / enforced.windowMs : 0)
  if (windows < 3) throw new Error(`${vendor} as ${direction} spanned ${windows} whole windows; the workload must span at least 3.`)
  const inWholeWindows = measured.offsets.filter((offset) => offset < windows * enforced.windowMs).length
  const achieved = inWholeWindows / ((windows * enforced.windowMs) / 1000)
  const bound = enforced.requests / (enforced.windowMs / 1000)
  return [
    vendor,
    direction,
    `${enforced.requests} / ${enforced.windowMs / 1000} s`,
    sent,
    seconds.toFixed(1),
    windows,
    achieved.toFixed(1),
    bound.toFixed(1),
    `${Math.round((achieved / bound) * 100)}%`,
    tooManyRequests,
  ]
}

async function limitedSource(vendor: string): Promise<(string | number)[]> {
  const side = await startVendorSandbox(vendor, { budget, generatedTickets: generatedSourceTickets })
  const target = createMemoryAdapter({ vendor: 'memory' })
  try {
    return row(vendor, 'source (reads)', await migrate(side.adapter, target, side, `${vendor} → memory`, true), budget)
  } finally {
    await target.close()
    await side.close()
  }
}

async function limitedTarget(vendor: string): Promise<(string | number)[]> {
  const source = await memorySource(seededTargetTickets[vendor] ?? seededTargetTicketsElsewhere)
  const side = await startVendorSandbox(vendor, { budget })
  try {
    return row(vendor, 'target (writes)', await migrate(source, side.adapter, side, `memory → ${vendor}`, true), budget)
  } finally {
    await source.close()
    await side.close()
  }
}

async function unthrottled(vendor: string): Promise<(string | number)[][]> {
  const side = await startVendorSandbox(vendor)
  const memory = createMemoryAdapter({ vendor: 'memory' })
  try {
    await seedExactHelpDesk(side.adapter, unthrottledTickets)
    await side.reconnect()
    const asSource = await migrate(side.adapter, memory, side, `${vendor} → memory`, false)
    const source = await memorySource(unthrottledTickets)
    const target = await startVendorSandbox(vendor)
    try {
      const asTarget = await migrate(source, target.adapter, target, `memory → ${vendor}`, false)
      return [row(vendor, 'source (reads)', asSource, undefined), row(vendor, 'target (writes)', asTarget, undefined)]
    } finally {
      await source.close()
      await target.close()
    }
  } finally {
    await memory.close()
    await side.close()
  }
}

/**
 * Throughput of a migration under each vendor's enforced rate limit, as a share of what the
 * limit allows. The simulator enforces a rolling window of 20 requests per 1.5 s (Halo: its
 * `rateLimit`; Autotask: its hourly threshold on a clock running 2,400 times fast, see
 * bench/support/vendor-sandbox.ts) and the adapter's own limiter is given the same budget. The
 * vendor is the source (into a memory adapter) and the target (from one); the memory side has no
 * limit. Requests are those the adapter put on the wire and the limit counts (Halo's token calls
 * and Autotask's zone discovery are exempt), timed from the first to the last. The achieved rate
 * counts the requests sent in the run's whole windows (at least 3) over their length; the bound is
 * budget / window, the most a rolling window admits over whole windows, so a limiter that paces
 * perfectly scores 100% and one that bursts past the limit shows 429s: every refusal the
 * simulator answered is counted (our limiter should pace, never hit the wall). RT documents no
 * rate limit and enforces none: its rows show the unthrottled rate.
 */
export const benchCase: BenchCase = {
  name: 'rate-limited migration throughput',
  description:
    "createMigration against each simulator enforcing a rolling window of 20 requests / 1.5 s (Autotask: its hourly threshold on a clock 2,400× fast), the adapter limited to the same budget, the other side a memory adapter; achieved = requests sent in the run's whole windows / their length, bound = budget / window; 429s = every refusal the simulator answered. RT enforces no limit: its unthrottled rate.",
  async run(): Promise<BenchTable> {
    const rows: (string | number)[][] = []
    // Vendors that document a rate limit run under the budget; the others show their unthrottled rate.
    for (const connector of builtInConnectors.filter((candidate) => candidate.rateLimit)) {
      rows.push(await limitedSource(connector.vendor))
      rows.push(await limitedTarget(connector.vendor))
    }
    for (const connector of builtInConnectors.filter((candidate) => !candidate.rateLimit)) rows.push(...(await unthrottled(connector.vendor)))
    return {
      title: `Migration throughput under the enforced rate limit (${budget.requests} requests per ${budget.windowMs / 1000} s rolling window, both sides)`,
      columns: ['Vendor', 'As', 'Budget', 'Requests sent', 'Seconds', 'Whole windows', 'Achieved req/s', 'Bound req/s', 'Achieved / bound', '429s'],
      rows,
    }
  },
}
