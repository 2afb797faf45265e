import type { Page, Ticket } from '@ticketbridge/core'

/** The kinds of record a batch reads for its tickets (read-ticket-children.ts). */
export type KeptChildKind = 'comments' | 'files' | 'timeEntries'

/** Tickets of a listing kept for the run; a longer listing is read again, so memory stays bounded. */
const keptTicketsLimit = 5_000

/** Older than this, what the preflight read is read again: the source may have moved on. */
const keptForMs = 15 * 60_000

/**
 * What a preflight reads that the run right after it would read again: the source's listing
 * (while it is small enough to hold) and the first tickets' comments, files and time entries.
 * Each is taken once, by the run that follows within a few minutes; a later run reads afresh.
 * A preflight alone costs the same; a migration saves a listing and a batch's reads.
 */
export class KeptSourceReads {
  #pages: Page<Ticket>[] | undefined
  #tickets = 0
  readonly #children = new Map<KeptChildKind, Map<string, unknown[]>>()
  #keptAt = 0

  /** Forgets what an earlier preflight kept and starts keeping anew. */
  start(now = Date.now()): void {
    this.#pages = []
    this.#tickets = 0
    this.#children.clear()
    this.#keptAt = now
  }

  /** When the kept listing was read (ms since the epoch); 0 before any. */
  get keptAt(): number {
    return this.#keptAt
  }

  /** Keeps a page of the listing, in order; past the limit the whole listing is dropped. */
  keepPage(page: Page<Ticket>): void {
    if (!this.#pages) return
    this.#tickets += page.items.length
    if (this.#tickets > keptTicketsLimit) this.#pages = undefined
    else this.#pages.push(page)
  }

  /** Keeps what one kind's read answered, per ticket id. */
  keepChildren(kind: KeptChildKind, answer: ReadonlyMap<string, readonly unknown[]>): void {
    this.#children.set(kind, new Map([...answer].map(([ticketId, records]) => [ticketId, [...records]])))
  }

  /** The whole listing, once, if it was kept and is fresh; else `undefined` (list again). */
  takeListing(now = Date.now()): Page<Ticket>[] | undefined {
    const pages = this.#fresh(now) ? this.#pages : undefined
    this.#pages = undefined
    return pages
  }

  /**
   * The kept records of the tickets asked for, each ticket once, and the tickets nothing was
   * kept for (to read from the source).
   */
  takeChildren<T>(kind: KeptChildKind, ticketIds: readonly string[], now = Date.now()): { kept: Map<string, T[]>; unread: string[] } {
    const kept = new Map<string, T[]>()
    const answer = this.#fresh(now) ? this.#children.get(kind) : undefined
    if (!answer) {
      this.#children.delete(kind)
      return { kept, unread: [...ticketIds] }
    }
    const unread: string[] = []
    for (const ticketId of ticketIds) {
      const records = answer.get(ticketId)
      if (records === undefined) unread.push(ticketId)
      else kept.set(ticketId, records as T[])
      answer.delete(ticketId)
    }
    return { kept, unread }
  }

  #fresh(now: number): boolean {
    return now - this.#keptAt <= keptForMs
  }
}
