import { type Comment, escapeHtml, type RichText, type Ticket } from '@ticketbridge/core'

/** `2024-05-02T08:00:00.000Z` as `2024-05-02 08:00 UTC`. */
function minuteUtc(timestamp: string): string {
  return timestamp.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC')
}

/**
 * The line that keeps a comment's origin when the target cannot set its author or time:
 * `[Originally by Avery Example <avery@example.com> on 2024-05-02 08:00 UTC in halo, comment 991]`.
 */
export function provenanceLine(comment: Comment, sourceVendor: string, keep: { author: boolean; time: boolean }): string | undefined {
  const parts: string[] = []
  if (keep.author && comment.author) {
    const who = comment.author.name ?? comment.author.email ?? `person ${comment.author.id}`
    parts.push(`by ${who}${comment.author.email && comment.author.name ? ` <${comment.author.email}>` : ''}`)
  }
  if (keep.time) parts.push(`on ${minuteUtc(comment.createdAt)}`)
  if (parts.length === 0) return undefined
  return `[Originally ${parts.join(' ')} in ${sourceVendor}, comment ${comment.id}]`
}

/**
 * The line that keeps a ticket's creation time when the target records the time of import:
 * `[Originally created 2020-01-02 03:04 UTC in rt, ticket 42]`.
 */
export function ticketProvenanceLine(ticket: Pick<Ticket, 'id' | 'createdAt'>, sourceVendor: string): string {
  return `[Originally created ${minuteUtc(ticket.createdAt)} in ${sourceVendor}, ticket ${ticket.id}]`
}

/** A body that starts with the line: a paragraph of its own in HTML, a line and a blank one in text. */
export function withProvenanceLine(line: string, body: RichText): RichText {
  return { text: `${line}\n\n${body.text}`, ...(body.html ? { html: `<p>${escapeHtml(line)}</p>${body.html}` } : {}) }
}
