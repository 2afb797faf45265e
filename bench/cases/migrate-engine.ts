import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMigration } from '@ticketbridge/migrate'
import type { BenchCase, BenchTable } from '../support/bench-case'
import { createDiscardTarget, createSyntheticSource } from '../support/synthetic-adapters'

const commentsPerTicket = 2

async function measure(ticketCount: number): Promise<(string | number)[]> {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bench-migrate-'))
  const source = createSyntheticSource(ticketCount, commentsPerTicket)
  const target = createDiscardTarget()
  const migration = createMigration({ source, target, ledger: join(folder, 'ledger.sqlite'), concurrency: 8 })
  globalThis.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  const started = performance.now()
  try {
    const report = await migration.run()
    const seconds = (performance.now() - started) / 1000
    if (report.counts.tickets.created !== ticketCount) throw new Error(`moved ${report.counts.tickets.created} of ${ticketCount} tickets`)
    peak = Math.max(peak, process.memoryUsage().rss)
    return [
      ticketCount,
      ticketCount * commentsPerTicket,
      target.writes(),
      Math.round(ticketCount / seconds),
      Number(seconds.toFixed(1)),
      Math.round((peak - baseline) / 1024 / 1024),
      Math.round(peak / 1024 / 1024),
    ]
  } finally {
    clearInterval(sampler)
    await migration.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

export const benchCase: BenchCase = {
  name: 'migration engine',
  description:
    'memory → memory with the vendors taken out: a synthetic source that makes tickets up as they are listed (2 comments each) and a target that keeps nothing, so the figures are the engine and its SQLite ledger alone. Memory growth stays flat from 10,000 to 100,000 tickets because the engine streams.',
  async run(): Promise<BenchTable> {
    const rows = [await measure(10_000), await measure(100_000)]
    return {
      title: 'Migration engine alone (memory → memory, ledger on disk, concurrency 8)',
      columns: ['Tickets', 'Comments', 'Target writes', 'Tickets/s', 'Seconds', 'RSS growth MiB', 'Peak RSS MiB'],
      rows,
    }
  },
}
