import type { Comment } from '@ticketbridge/core'

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
  if (keep.time) parts.push(`on ${comment.createdAt.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC')}`)
  if (parts.length === 0) return undefined
  return `[Originally ${parts.join(' ')} in ${sourceVendor}, comment ${comment.id}]`
}
