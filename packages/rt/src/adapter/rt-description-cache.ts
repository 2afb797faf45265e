import type { RichText } from '@ticketbridge/core'

/**
 * Descriptions by ticket id. A ticket's description is the content of its Create transaction,
 * which RT never changes, so it is read once per adapter; the oldest entries are dropped past
 * `capacity` to bound memory.
 */
export class RtDescriptionCache {
  readonly #entries = new Map<string, RichText>()
  readonly #capacity: number

  constructor(capacity = 5000) {
    this.#capacity = capacity
  }

  get(ticketId: string): RichText | undefined {
    const found = this.#entries.get(ticketId)
    if (found) {
      // Most recently used last.
      this.#entries.delete(ticketId)
      this.#entries.set(ticketId, found)
    }
    return found
  }

  set(ticketId: string, description: RichText): void {
    this.#entries.delete(ticketId)
    this.#entries.set(ticketId, description)
    while (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!)
  }
}
