/**
 * What a REST 1.0 listing read whole on its first page (REST 1.0 searches and histories have no
 * paging), kept for its next pages by a key (the query, the ticket). A first page reads again; a
 * later page whose listing was dropped (the oldest go past `capacity`) reads again too.
 */
export class RtRest1Listings {
  readonly #entries = new Map<string, Promise<unknown>>()
  readonly #capacity: number

  constructor(capacity = 100) {
    this.#capacity = capacity
  }

  read<T>(key: string, firstPage: boolean, load: () => Promise<T>): Promise<T> {
    const kept = firstPage ? undefined : (this.#entries.get(key) as Promise<T> | undefined)
    if (kept) return kept
    const loading = load()
    this.#entries.delete(key)
    this.#entries.set(key, loading)
    loading.catch(() => {
      if (this.#entries.get(key) === loading) this.#entries.delete(key)
    })
    while (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!)
    return loading
  }
}

/** A page of 100 of a list read whole; the cursor is the offset. */
export function rest1PageOf<T>(items: readonly T[], cursor: string | undefined, pageSize = 100): { items: T[]; nextCursor?: string } {
  const start = cursor === undefined ? 0 : Number(cursor)
  const end = start + pageSize
  return end < items.length ? { items: items.slice(start, end), nextCursor: String(end) } : { items: items.slice(start) }
}
