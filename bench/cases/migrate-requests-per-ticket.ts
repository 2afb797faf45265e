import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listForTickets, type TicketingAdapter } from '@ticketbridge/core'
import type { HelpDeskShape } from '@ticketbridge/http'
import { createMigration } from '@ticketbridge/migrate'
import type { BenchCase, BenchTable } from '../support/bench-case'
import { hoursForTickets } from '../support/hours-at-documented-limits'
import { seedExactHelpDesk } from '../support/seed-exact-help-desk'
import { type RequestBudget, startVendorSandbox, type VendorSandbox, vendorNames } from '../support/vendor-sandbox'

/** The two sizes: few tickets without limits (batches cannot fill), many under enforced limits. */
const sizes: { tickets: number; budget?: RequestBudget; label: string }[] = [
  { tickets: 40, label: 'unthrottled' },
  { tickets: 1_000, budget: { requests: 100, windowMs: 500 }, label: 'limit 100 / 0.5 s' },
]

/** The tickets a "what will it cost" column is worked out for. */
const plannedTickets = 10_000

/** Requests one side of the migration sent, as the adapter's axios saw them and as the simulator logged them. */
function countSide(side: VendorSandbox, serverBefore: number): { requests: number; fixed: number; refused: number } {
  const requests = side.wire.exchanges.length
  const logged = side.serverRequestCount() - serverBefore
  if (requests !== logged)
    throw new Error(`${side.vendor}: the adapter sent ${requests} requests but the simulator logged ${logged}; the count would be wrong.`)
  return {
    requests,
    fixed: side.wire.exchanges.filter((exchange) => side.isFixedCost(exchange)).length,
    refused: side.wire.exchanges.filter((exchange) => exchange.status === 429).length,
  }
}

/** Comments, files and tickets as the source adapter lists them (read before the measured run, a batch of tickets at a time). */
async function readShape(adapter: TicketingAdapter): Promise<HelpDeskShape> {
  const ids = (await adapter.tickets.list().toArray({ limit: 100_000 })).map((ticket) => ticket.id)
  const shape: HelpDeskShape = { tickets: ids.length, comments: 0, files: 0, ticketsWithFiles: 0 }
  for (let start = 0; start < ids.length; start += 100) {
    const batch = ids.slice(start, start + 100)
    const [comments, files] = await Promise.all([listForTickets(adapter.comments, batch), listForTickets(adapter.attachments, batch)])
    for (const id of batch) {
      shape.comments += comments.get(id)!.length
      const count = files.get(id)!.length
      shape.files += count
      if (count > 0) shape.ticketsWithFiles += 1
    }
  }
  return shape
}

/** A source simulator seeded once and listed, shared by the migrations to both other vendors. */
interface SeededSource {
  sandbox: VendorSandbox
  shape: HelpDeskShape
}

async function seedSource(sourceName: string, ticketCount: number, budget: RequestBudget | undefined): Promise<SeededSource> {
  const sandbox = await startVendorSandbox(sourceName, budget ? { budget } : {})
  const seeded = await seedExactHelpDesk(sandbox.adapter, ticketCount)
  const shape = await readShape(sandbox.adapter)
  // A vendor that keeps a file only on a message (RT) shows each file the seeder uploaded as a comment of its own.
  const filesAreComments = shape.comments === seeded.comments + seeded.files && seeded.files > 0
  const expectedComments = seeded.comments + (filesAreComments ? seeded.files : 0)
  if (shape.tickets !== seeded.tickets || shape.comments !== expectedComments || shape.files !== seeded.files) {
    throw new Error(
      `${sourceName} holds ${shape.tickets} tickets, ${shape.comments} comments, ${shape.files} files; the seeder wrote ${seeded.tickets}, ${expectedComments}, ${seeded.files}.`,
    )
  }
  return { sandbox, shape }
}

/** Hours shown with one decimal, or "no limit" where neither vendor documents one. */
const hours = (value: number | undefined) => (value === undefined ? 'no limit' : value.toFixed(1))

async function measurePair({ sandbox: source, shape }: SeededSource, targetName: string, size: (typeof sizes)[number]): Promise<(string | number)[]> {
  const sourceName = source.vendor
  const target = await startVendorSandbox(targetName, size.budget ? { budget: size.budget } : {})
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bench-requests-'))
  try {
    // A fresh source adapter (cold caches, empty log) for each migration, as a new run would have.
    await source.reconnect()
    const sourceBefore = source.serverRequestCount()
    const targetBefore = target.serverRequestCount()
    const migration = createMigration({ source: source.adapter, target: target.adapter, ledger: join(folder, 'ledger.sqlite') })
    let sourceSide: ReturnType<typeof countSide>
    let targetSide: ReturnType<typeof countSide>
    try {
      const report = await migration.run()
      sourceSide = countSide(source, sourceBefore)
      targetSide = countSide(target, targetBefore)
      // A broken run must not print figures: everything the source holds has to have moved.
      const { tickets, comments, attachments } = report.counts
      if (
        tickets.created !== shape.tickets ||
        comments.created !== shape.comments ||
        attachments.created !== shape.files ||
        report.failures.length > 0
      ) {
        throw new Error(
          `${sourceName} → ${targetName} moved ${tickets.created}/${shape.tickets} tickets, ${comments.created}/${shape.comments} comments, ` +
            `${attachments.created}/${shape.files} files, ${report.failures.length} failures${report.failures[0] ? ` (first: ${report.failures[0].reason})` : ''}.`,
        )
      }
      // And the target must hold it: every ticket's comment count, status and files (sha256), re-read after counting.
      const verified = await migration.verify()
      if (!verified.passed || verified.tickets.checked !== shape.tickets || verified.attachments.bytesIdentical !== shape.files) {
        throw new Error(
          `${sourceName} → ${targetName}: verification failed (${verified.tickets.matched}/${verified.tickets.checked} tickets match, ` +
            `${verified.attachments.bytesIdentical}/${shape.files} files identical; first difference: ${JSON.stringify(verified.differences[0])}).`,
        )
      }
    } finally {
      await migration.close()
    }
    const perTicket = (requests: number) => requests / shape.tickets
    const minimumRead = perTicket(source.connector.apiMinimum.read(shape))
    const minimumWrite = perTicket(target.connector.apiMinimum.write(shape))
    const ours = perTicket(sourceSide.requests + targetSide.requests)
    const minimum = minimumRead + minimumWrite
    return [
      `${sourceName} → ${targetName}`,
      shape.tickets,
      size.label,
      sourceSide.requests,
      targetSide.requests,
      sourceSide.fixed + targetSide.fixed,
      sourceSide.refused + targetSide.refused,
      ours.toFixed(2),
      minimum.toFixed(2),
      `${(ours / minimum).toFixed(2)}×`,
      hours(hoursForTickets(plannedTickets, source.connector, perTicket(sourceSide.requests), target.connector, perTicket(targetSide.requests))),
      hours(hoursForTickets(plannedTickets, source.connector, minimumRead, target.connector, minimumWrite)),
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
    await target.close()
  }
}

/**
 * How many requests a real migration costs per ticket, against the fewest the two vendors' APIs
 * allow, at two sizes: 40 tickets without limits, and 1,000 tickets with each simulator
 * enforcing a rolling-window budget (the adapters keep to the same one). For each of the six
 * pairs of simulators, the source gets the same exact help desk
 * (bench/support/seed-exact-help-desk.ts), createMigration moves it with its defaults (preflight
 * included, ledger in a temporary folder), and each side's requests are counted twice: by a
 * counting axios instance given to the adapter (every attempt, retries and 429s included) and by
 * the simulator's own request log. The case throws when the two disagree, or when the report or
 * `migration.verify()` (run after counting) do not account for every ticket, comment and file.
 * The minimum comes from the vendors' documented API facts (each connector's `apiMinimum`).
 * Ours counts every request, lookups and the people directory included (amortised over the
 * tickets); the minimum leaves those fixed costs out, so the ratio errs against us. The hours
 * columns turn requests per ticket into the time 10,000 tickets take at the vendors' documented
 * limits (each side at its own vendor's pace, side by side; RT documents none).
 */
export const benchCase: BenchCase = {
  name: 'migration requests per ticket',
  description: `the exact help desk (1.5 comments and 0.5 files a ticket, one in five closed; from RT each file is a comment of its own) moved between every pair of the vendors' simulators with createMigration's defaults, ${sizes.map((size) => `${size.tickets} tickets ${size.label}`).join(' and ')}; requests counted on the wire (the adapter's axios and the simulator's log, which must agree); minimum from the vendors' documented API (each connector's apiMinimum) without lookups and directory, which ours includes; hours for ${plannedTickets.toLocaleString('en-US')} tickets at the vendors' documented limits.`,
  async run(): Promise<BenchTable> {
    const rows: (string | number)[][] = []
    for (const size of sizes) {
      for (const sourceName of vendorNames) {
        process.stderr.write(`  ${sourceName}: ${size.tickets} tickets (${size.label})…\n`)
        const source = await seedSource(sourceName, size.tickets, size.budget)
        try {
          for (const targetName of vendorNames) if (targetName !== sourceName) rows.push(await measurePair(source, targetName, size))
        } finally {
          await source.sandbox.close()
        }
      }
    }
    return {
      title: `Migration requests per ticket: ours vs the fewest the vendors' APIs allow (simulators on 127.0.0.1)`,
      columns: [
        'Pair',
        'Tickets',
        'Limits',
        'Source requests',
        'Target requests',
        'Lookups + directory',
        '429s',
        'Requests/ticket',
        'Minimum/ticket',
        'Ratio (ours / minimum)',
        `Hours for ${plannedTickets.toLocaleString('en-US')} (ours)`,
        `Hours for ${plannedTickets.toLocaleString('en-US')} (minimum)`,
      ],
      rows,
    }
  },
}
