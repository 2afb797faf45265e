import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TicketingAdapter } from '@ticketbridge/core'
import { createMigration } from '@ticketbridge/migrate'
import type { BenchCase, BenchTable } from '../support/bench-case'
import { seedExactHelpDesk } from '../support/seed-exact-help-desk'
import type { HelpDeskShape } from '@ticketbridge/http'
import { startVendorSandbox, vendorNames, type VendorSandbox } from '../support/vendor-sandbox'

const ticketCount = 40

/** Requests one side of the migration sent, as the adapter's axios saw them and as the simulator logged them. */
function countSide(side: VendorSandbox, serverBefore: number): { requests: number; fixed: number } {
  const requests = side.wire.exchanges.length
  const logged = side.serverRequestCount() - serverBefore
  if (requests !== logged)
    throw new Error(`${side.vendor}: the adapter sent ${requests} requests but the simulator logged ${logged}; the count would be wrong.`)
  return { requests, fixed: side.wire.exchanges.filter((exchange) => side.isFixedCost(exchange)).length }
}

/** Comments, files and tickets as the source adapter lists them (read before the measured run). */
async function readShape(adapter: TicketingAdapter): Promise<HelpDeskShape> {
  const shape: HelpDeskShape = { tickets: 0, comments: 0, files: 0, ticketsWithFiles: 0 }
  for await (const ticket of adapter.tickets.list()) {
    shape.tickets += 1
    shape.comments += (await adapter.comments.list(ticket.id).toArray({ limit: 10_000 })).length
    const files = (await adapter.attachments.list(ticket.id).toArray({ limit: 10_000 })).length
    shape.files += files
    if (files > 0) shape.ticketsWithFiles += 1
  }
  return shape
}

/** A source simulator seeded once and listed, shared by the migrations to both other vendors. */
interface SeededSource {
  sandbox: VendorSandbox
  shape: HelpDeskShape
}

async function seedSource(sourceName: string): Promise<SeededSource> {
  const sandbox = await startVendorSandbox(sourceName)
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

async function measurePair({ sandbox: source, shape }: SeededSource, targetName: string): Promise<(string | number)[]> {
  const sourceName = source.vendor
  const target = await startVendorSandbox(targetName)
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bench-requests-'))
  try {
    // A fresh source adapter (cold caches, empty log) for each migration, as a new run would have.
    await source.reconnect()
    const sourceBefore = source.serverRequestCount()
    const targetBefore = target.serverRequestCount()
    const migration = createMigration({ source: source.adapter, target: target.adapter, ledgerPath: join(folder, 'ledger.sqlite') })
    let sourceSide: { requests: number; fixed: number }
    let targetSide: { requests: number; fixed: number }
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
    const total = sourceSide.requests + targetSide.requests
    const minimum = source.connector.apiMinimum.read(shape) + target.connector.apiMinimum.write(shape)
    const perTicket = total / shape.tickets
    const minimumPerTicket = minimum / shape.tickets
    return [
      `${sourceName} → ${targetName}`,
      shape.tickets,
      shape.comments,
      shape.files,
      sourceSide.requests,
      targetSide.requests,
      sourceSide.fixed + targetSide.fixed,
      perTicket.toFixed(2),
      minimumPerTicket.toFixed(2),
      `${(perTicket / minimumPerTicket).toFixed(1)}×`,
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
    await target.close()
  }
}

/**
 * How many requests a real migration costs per ticket, against the fewest the two vendors' APIs
 * allow. For each of the six pairs of simulators, the source gets the same exact help desk
 * (bench/support/seed-exact-help-desk.ts), createMigration moves it with its defaults (preflight
 * included, ledger in a temporary folder), and each side's requests are counted twice: by a
 * counting axios instance given to the adapter (every attempt, retries included) and by the
 * simulator's own request log. The case throws when the two disagree, or when the report or
 * `migration.verify()` (run after counting) do not account for every ticket, comment and file.
 * The minimum comes from the vendors' documented API facts (each connector's `apiMinimum`).
 * Ours counts every request, lookups and the people directory included (amortised over the
 * tickets); the minimum leaves those fixed costs out, so the ratio errs against us. The
 * "lookups + directory" column says how many of ours went to such endpoints, judged by path.
 */
export const benchCase: BenchCase = {
  name: 'migration requests per ticket',
  description: `${ticketCount} tickets (1.5 comments and 0.5 files a ticket, one in five closed; from RT each file is a comment of its own) moved between every pair of the vendors' simulators with createMigration's defaults; requests counted on the wire (the adapter's axios and the simulator's log, which must agree); minimum from the vendors' documented API (each connector's apiMinimum) without lookups and directory, which ours includes.`,
  async run(): Promise<BenchTable> {
    const rows: (string | number)[][] = []
    for (const sourceName of vendorNames) {
      const source = await seedSource(sourceName)
      try {
        for (const targetName of vendorNames) if (targetName !== sourceName) rows.push(await measurePair(source, targetName))
      } finally {
        await source.sandbox.close()
      }
    }
    return {
      title: `Migration requests per ticket: ours vs the fewest the vendors' APIs allow (${ticketCount} tickets, simulators on 127.0.0.1)`,
      columns: [
        'Pair',
        'Tickets',
        'Comments',
        'Files',
        'Source requests',
        'Target requests',
        'Lookups + directory',
        'Requests/ticket',
        'Minimum/ticket',
        'Ratio (ours / minimum)',
      ],
      rows,
    }
  },
}
