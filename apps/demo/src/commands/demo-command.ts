import { createMemoryAdapter } from '@ticketbridge/memory'
import { Command } from 'commander'
import { copyHelpDesk } from '../demo/copy-help-desk'
import { seedHelpDesk } from '../demo/seed-help-desk'
import { renderTable } from '../output/render-table'

/** Runs the demo and returns the process exit code: 0 when both sides agree, 1 otherwise. */
export async function runDemo(options: { tickets: number; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line))
  log(`Seeding a help desk of ${options.tickets} tickets in the memory adapter…`)
  const source = createMemoryAdapter({ vendor: 'memory-source' })
  await seedHelpDesk(source, options.tickets)
  // The target plays a vendor with less room: no comment authors, no comment HTML.
  const target = createMemoryAdapter({ vendor: 'memory-target', capabilities: { comments: { setAuthor: false, html: false } } })
  log('Copying it to a second adapter that cannot set comment authors or keep comment HTML…')
  const started = performance.now()
  const summary = await copyHelpDesk(source, target)
  const seconds = (performance.now() - started) / 1000
  const rows = Object.entries(summary.counts).map(([entity, count]) => [
    entity,
    count.source,
    count.target,
    count.source === count.target ? 'yes' : 'NO',
  ])
  rows.push(['attachment bytes', summary.attachmentBytes.source, summary.attachmentBytes.target, summary.attachmentBytes.identical ? 'yes' : 'NO'])
  log('')
  log(renderTable(['entity', 'source', 'target', 'match'], rows))
  const byField = new Map<string, number>()
  for (const { warning } of summary.warnings) byField.set(`${warning.type}: ${warning.field ?? '-'}`, (byField.get(`${warning.type}: ${warning.field ?? '-'}`) ?? 0) + 1)
  if (byField.size > 0) {
    log('')
    log('What the target could not take as it was (nothing dropped silently):')
    log(renderTable(['warning', 'records'], [...byField.entries()]))
  }
  log('')
  log(`Copied in ${seconds.toFixed(2)} s through the neutral TicketingAdapter interface only.`)
  await Promise.all([source.close(), target.close()])
  const agree = rows.every((row) => row[3] === 'yes')
  log(agree ? 'Verified: both sides agree.' : 'Verification FAILED: the counts differ.')
  return agree ? 0 : 1
}

export function createDemoCommand(): Command {
  return new Command('demo')
    .description('Seed a help desk and copy it between two adapters, offline, then verify both sides agree.')
    .option('--tickets <count>', 'tickets to seed', (value) => Number.parseInt(value, 10), 120)
    .action(async (options: { tickets: number }) => {
      process.exitCode = await runDemo({ tickets: options.tickets })
    })
}
