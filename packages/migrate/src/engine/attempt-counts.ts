import { type CountedEntity, type EntityCounts, emptyCounts } from './migration-context'

const entities = Object.keys(emptyCounts()) as CountedEntity[]

/** What earlier attempts of a ticket left: the records they wrote, and the last attempt's tally. */
interface Carried {
  created: Record<CountedEntity, EntityCounts>
  last: Record<CountedEntity, EntityCounts>
}

/**
 * A ticket tried more than once in a run counts once. Each attempt counts into its own tally;
 * an attempt that ends in a retry keeps only its writes (they happened), and the final attempt
 * adds the rest, less the records it found done because an earlier attempt wrote them. A ticket
 * the run gives up on counts as its last attempt left it.
 */
export class AttemptCounts {
  private readonly carried = new Map<string, Carried>()

  constructor(private readonly run: Record<CountedEntity, EntityCounts>) {}

  /** An attempt that failed transiently: its writes stand. */
  retried(ticketId: string, attempt: Record<CountedEntity, EntityCounts>): void {
    const carried = this.carried.get(ticketId) ?? { created: emptyCounts(), last: attempt }
    for (const entity of entities) {
      this.run[entity].created += attempt[entity].created
      this.run[entity].updated += attempt[entity].updated
      carried.created[entity].created += attempt[entity].created
    }
    carried.last = attempt
    this.carried.set(ticketId, carried)
  }

  /** The attempt that settled the ticket, done or failed for good. */
  settled(ticketId: string, attempt: Record<CountedEntity, EntityCounts>): void {
    const carried = this.carried.get(ticketId)
    this.carried.delete(ticketId)
    this.addAllButWrites(attempt, carried)
    for (const entity of entities) {
      this.run[entity].created += attempt[entity].created
      this.run[entity].updated += attempt[entity].updated
    }
  }

  /** A ticket still failing transiently when the run stops trying: its last attempt, and the ticket failed this run. */
  gaveUp(ticketId: string): void {
    const carried = this.carried.get(ticketId)
    this.carried.delete(ticketId)
    if (carried) this.addAllButWrites(carried.last, { ...carried, created: withoutLast(carried) })
    this.run.tickets.read += 1
    this.run.tickets.failed += 1
  }

  private addAllButWrites(attempt: Record<CountedEntity, EntityCounts>, carried: Carried | undefined): void {
    for (const entity of entities) {
      const into = this.run[entity]
      const from = attempt[entity]
      into.read += from.read
      into.failed += from.failed
      into.skipped += Math.max(0, from.skipped - (carried?.created[entity].created ?? 0))
    }
  }
}

/** The records written before the last attempt: those it found done and counted as skipped. */
function withoutLast(carried: Carried): Record<CountedEntity, EntityCounts> {
  const earlier = emptyCounts()
  for (const entity of entities) earlier[entity].created = carried.created[entity].created - carried.last[entity].created
  return earlier
}
