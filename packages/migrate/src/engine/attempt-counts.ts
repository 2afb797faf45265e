import { type CountedEntity, type EntityCounts, emptyCounts } from './migration-context'

const entities = Object.keys(emptyCounts()) as CountedEntity[]

/** What earlier attempts of a ticket left: the records they placed on the target (created or matched), and the last attempt's tally. */
interface Carried {
  placed: Record<CountedEntity, number>
  last: Record<CountedEntity, EntityCounts>
}

/** Records an attempt put on the target. */
const placedBy = (counts: EntityCounts) => counts.created + counts.matched

const nonePlaced = (): Record<CountedEntity, number> => Object.fromEntries(entities.map((entity) => [entity, 0])) as Record<CountedEntity, number>

/**
 * A ticket tried more than once in a run counts once. Each attempt counts into its own tally;
 * an attempt that ends in a retry keeps only what it placed on the target (created, matched,
 * updated: those happened), and the final attempt adds the rest. The final attempt finds the
 * records an earlier attempt placed done and counts them skipped: those are taken out of its
 * skipped, and any it did not reach (it failed first) are added to read, so that read still
 * equals the sum of the outcomes. A ticket the run gives up on counts as its last attempt left it.
 */
export class AttemptCounts {
  private readonly carried = new Map<string, Carried>()

  constructor(private readonly run: Record<CountedEntity, EntityCounts>) {}

  /** An attempt that failed transiently: what it placed stands. */
  retried(ticketId: string, attempt: Record<CountedEntity, EntityCounts>): void {
    for (const entity of entities) this.addWrites(entity, attempt[entity])
    const carried = this.carried.get(ticketId)
    if (!carried) {
      this.carried.set(ticketId, { placed: nonePlaced(), last: attempt })
      return
    }
    // The previous last attempt is an earlier one now.
    for (const entity of entities) carried.placed[entity] += placedBy(carried.last[entity])
    carried.last = attempt
  }

  /** The attempt that settled the ticket, done or failed for good. */
  settled(ticketId: string, attempt: Record<CountedEntity, EntityCounts>): void {
    const carried = this.carried.get(ticketId)
    this.carried.delete(ticketId)
    const placedBefore = carried ? this.placedBeforeNow(carried) : nonePlaced()
    for (const entity of entities) {
      this.addWrites(entity, attempt[entity])
      this.addAllButWrites(entity, attempt[entity], placedBefore[entity])
    }
  }

  /** A ticket still failing transiently when the run stops trying: its last attempt, and the ticket failed this run. */
  gaveUp(ticketId: string): void {
    const carried = this.carried.get(ticketId)
    this.carried.delete(ticketId)
    if (carried) for (const entity of entities) this.addAllButWrites(entity, carried.last[entity], carried.placed[entity])
    // A retried attempt counted no outcome for its ticket: this is it.
    this.run.tickets.read += 1
    this.run.tickets.failed += 1
  }

  /** Everything earlier attempts placed, the last retried one included (the settling attempt comes after it). */
  private placedBeforeNow(carried: Carried): Record<CountedEntity, number> {
    const placed = nonePlaced()
    for (const entity of entities) placed[entity] = carried.placed[entity] + placedBy(carried.last[entity])
    return placed
  }

  private addWrites(entity: CountedEntity, from: EntityCounts): void {
    const into = this.run[entity]
    into.created += from.created
    into.matched += from.matched
    into.updated += from.updated
  }

  /** The attempt's reads and non-writes; `placedBefore` records of earlier attempts were counted there. */
  private addAllButWrites(entity: CountedEntity, from: EntityCounts, placedBefore: number): void {
    const into = this.run[entity]
    // Those the attempt found done and counted skipped are no skip; those it never reached were read all the same.
    const foundDone = Math.min(placedBefore, from.skipped)
    into.read += from.read + (placedBefore - foundDone)
    into.skipped += from.skipped - foundDone
    into.failed += from.failed
  }
}
