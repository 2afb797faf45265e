/**
 * Which ticket each attachment was seen on, as RT listed it (`GET /ticket/<id>/attachments`)
 * or answered an upload. A download of an attachment seen on the ticket it names can go
 * straight to the content: the check that the attachment belongs to that ticket was already
 * made by the listing. The oldest entries are dropped past `capacity` to bound memory.
 */
export class RtAttachmentTickets {
  readonly #ticketOf = new Map<string, string>()
  readonly #capacity: number

  constructor(capacity = 20_000) {
    this.#capacity = capacity
  }

  /** Records that `attachmentId` was listed on `ticketId`. */
  remember(attachmentId: string, ticketId: string): void {
    this.#ticketOf.delete(attachmentId)
    this.#ticketOf.set(attachmentId, ticketId)
    while (this.#ticketOf.size > this.#capacity) this.#ticketOf.delete(this.#ticketOf.keys().next().value!)
  }

  /** Whether `attachmentId` was listed on `ticketId` (and not forgotten since). */
  seenOn(attachmentId: string, ticketId: string): boolean {
    return this.#ticketOf.get(attachmentId) === ticketId
  }

  /** Forgets the attachments of a ticket (it was deleted, or a download of one failed). */
  forgetTicket(ticketId: string): void {
    for (const [attachmentId, owner] of this.#ticketOf) if (owner === ticketId) this.#ticketOf.delete(attachmentId)
  }
}
