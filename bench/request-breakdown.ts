/**
 * `pnpm --filter @ticketbridge/bench requests <source> <target> [tickets]`: migrates an exact
 * help desk between two vendors' simulators (as the requests-per-ticket case does) and prints
 * each side's requests grouped by method and path (ids folded to N), most first: where a
 * migration's requests go, for finding the next one to cut. A fourth argument, a regular
 * expression, prints each request whose method and address match it, in order.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMigration } from '@ticketbridge/migrate'
import { seedExactHelpDesk } from './support/seed-exact-help-desk'
import { startVendorSandbox, type VendorSandbox, vendorNames } from './support/vendor-sandbox'

const [sourceName, targetName, ticketArgument, showPattern] = process.argv.slice(2)
if (!sourceName || !targetName || !vendorNames.includes(sourceName) || !vendorNames.includes(targetName)) {
  console.error(`Usage: requests <source> <target> [tickets] [pattern], vendors: ${vendorNames.join(', ')}`)
  process.exit(2)
}

/** `POST /api/Tickets/N?search&page_size`: the method, the path with ids folded, the query's keys. */
function endpointOf(method: string, address: string): string {
  const url = new URL(address)
  const keys = [...url.searchParams.keys()]
  return `${method.toUpperCase()} ${url.pathname.replace(/\/\d+/g, '/N')}${keys.length > 0 ? `?${keys.join('&')}` : ''}`
}

function printSide(label: string, side: VendorSandbox): void {
  const counts = new Map<string, number>()
  for (const exchange of side.wire.exchanges) {
    const endpoint = endpointOf(exchange.method, exchange.url)
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1)
  }
  console.log(`${label} (${side.vendor}): ${side.wire.exchanges.length} requests`)
  for (const [endpoint, count] of [...counts].sort((left, right) => right[1] - left[1])) console.log(`${String(count).padStart(8)}  ${endpoint}`)
  if (showPattern === undefined) return
  const shown = new RegExp(showPattern)
  for (const exchange of side.wire.exchanges) {
    const line = `${exchange.method.toUpperCase()} ${decodeURIComponent(exchange.url)}`
    if (shown.test(line)) console.log(`          ${line}`)
  }
}

const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-requests-'))
const source = await startVendorSandbox(sourceName)
const target = await startVendorSandbox(targetName)
try {
  await seedExactHelpDesk(source.adapter, Number(ticketArgument ?? 40))
  // A fresh source adapter: the seeding's requests are not the migration's.
  await source.reconnect()
  const migration = createMigration({ source: source.adapter, target: target.adapter, ledger: join(folder, 'ledger.sqlite') })
  const report = await migration.run()
  await migration.close()
  printSide('source', source)
  printSide('target', target)
  const { tickets, comments, attachments } = report.counts
  console.log(`moved ${tickets.created} tickets, ${comments.created} comments, ${attachments.created} files; ${report.failures.length} failures`)
} finally {
  await source.close()
  await target.close()
  rmSync(folder, { recursive: true, force: true })
}
