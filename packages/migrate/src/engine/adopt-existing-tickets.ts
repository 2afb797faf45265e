import { findTicketsByExternalIds, type Page, type Ticket } from '@ticketbridge/core'
import { externalIdStamp, type MigrationContext } from './migration-context'

/**
 * Yields the source's tickets, after one batch lookup per thousand of the tickets this
 * ledger cannot place on the target: never seen, or left `pending`/`failed` without a target id.
 * A ticket the target already holds under its external-id stamp (moved by another ledger: another
 * folder, another machine, a deleted `.ticketbridge/`) is adopted into this ledger instead of
 * being created again, and its comments, files and time entries are then matched against what
 * the target holds before any is sent. Tickets the ledger all knows cost nothing.
 */
export async function* adoptExistingTickets(
  context: MigrationContext,
  pages: AsyncIterable<Page<Ticket>> | Iterable<Page<Ticket>>,
): AsyncGenerator<Ticket> {
  // Pages are gathered up to `ticketsPerLookup` tickets and looked up together: where the target
  // finds stamps by listing the tickets that share their start (Halo), one listing serves ten
  // pages, and that listing grows with every ticket the run has added.
  let gathered: Ticket[] = []
  for await (const page of pages) {
    gathered.push(...page.items)
    if (gathered.length < ticketsPerLookup) continue
    await lookUpOnTarget(context, gathered)
    yield* gathered
    gathered = []
  }
  await lookUpOnTarget(context, gathered)
  yield* gathered
}

/** Source tickets whose stamps are looked up on the target in one call. */
const ticketsPerLookup = 1_000

async function lookUpOnTarget(context: MigrationContext, tickets: readonly Ticket[]): Promise<void> {
  const { ledger, source, target, runId } = context
  const unplaced: Ticket[] = []
  for (const ticket of tickets) {
    const known = await ledger.get('ticket', ticket.id)
    if (known?.targetId) continue
    if (known?.state === 'skipped' || (known?.state === 'failed' && !context.retryFailed)) continue
    if (!context.foundOnTarget.has(ticket.id)) unplaced.push(ticket)
  }
  if (unplaced.length === 0) return
  const stamps = new Map(unplaced.map((ticket) => [externalIdStamp(source.vendor, ticket.id), ticket]))
  const found = await findTicketsByExternalIds(target, [...stamps.keys()], { signal: context.signal })
  for (const [stamp, ticket] of stamps) {
    // A stamp names the source vendor and id, not the source instance: a ticket of another help
    // desk of the same vendor (two desks merged into one target) can carry it too. The subject
    // tells them apart; such a ticket is not adopted.
    const stamped = found.get(stamp) ?? []
    const copies = stamped.filter((candidate) => sameSubject(candidate.subject, ticket.subject)).sort((left, right) => compareIds(left.id, right.id))
    if (copies.length < stamped.length) {
      const others = stamped.filter((candidate) => !copies.includes(candidate))
      warn(
        context,
        ticket.id,
        `The target's ${others.map((other) => `ticket ${other.id} ("${other.subject}")`).join(', ')} carries the stamp ${stamp} but another subject: taken for another help desk's ticket and left alone.`,
      )
    }
    const adopted = copies[0]
    context.foundOnTarget.set(ticket.id, adopted ? { id: adopted.id, status: adopted.status } : null)
    if (!adopted) continue
    const known = await ledger.get('ticket', ticket.id)
    // Not created by this ledger's runs: a rollback from here leaves it alone.
    await ledger.put({
      kind: 'ticket',
      sourceId: ticket.id,
      parentSourceId: null,
      targetId: adopted.id,
      state: 'created',
      sourceUpdatedAt: null,
      runId,
      createdByMigration: known?.createdByMigration ?? false,
    })
    context.adoptedTickets.add(ticket.id)
    if (copies.length > 1) {
      warn(
        context,
        ticket.id,
        `The target holds ${copies.length} tickets stamped ${stamp} (${copies.map((copy) => copy.id).join(', ')}): ticket ${adopted.id} was adopted; remove the others by hand.`,
      )
    }
  }
}

/** Kept until the ticket's own warnings are written (migrate-ticket.ts), which replace a record's warnings. */
function warn(context: MigrationContext, sourceId: string, message: string): void {
  const list = context.lookupWarnings.get(sourceId) ?? []
  list.push({ type: 'unsupported', field: 'externalId', message })
  context.lookupWarnings.set(sourceId, list)
}

/** Subjects alike once spacing and case are set aside; a target may shorten long ones. */
export function sameSubject(target: string, source: string): boolean {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
  const a = normalise(target)
  const b = normalise(source)
  if (a === b || b === '') return true
  const shorter = a.length < b.length ? a : b
  return shorter.length >= 20 && a.startsWith(shorter) && b.startsWith(shorter)
}

/** Numeric ids in number order, others as text: the oldest copy is adopted. */
function compareIds(left: string, right: string): number {
  const a = Number(left)
  const b = Number(right)
  return Number.isFinite(a) && Number.isFinite(b) ? a - b : left.localeCompare(right)
}
