import {
  type PrioritySelector,
  priorityLevels,
  type ReferenceSelector,
  type StatusCategory,
  type PriorityLevel,
  type StatusSelector,
  statusCategories,
} from '@ticketbridge/core'

/** `id:<id>` names a record by the vendor's id; anything else by name (or category/level where the word is one). */
function idOf(value: string): string | undefined {
  const match = /^id:(.+)$/.exec(value.trim())
  return match ? match[1]!.trim() : undefined
}

/**
 * `--status`: a category (`closed`, …, lower case) lets the adapter pick the vendor's status of
 * it; `id:<id>` the vendor's status id; anything else the vendor's status name.
 */
export function parseStatusSelector(value: string): StatusSelector {
  const id = idOf(value)
  if (id) return { id }
  const text = value.trim()
  return (statusCategories as readonly string[]).includes(text) ? { category: text as StatusCategory } : { name: text }
}

/** `--priority`: a level (low, normal, high, urgent), `id:<id>`, or the vendor's priority name. */
export function parsePrioritySelector(value: string): PrioritySelector {
  const id = idOf(value)
  if (id) return { id }
  const text = value.trim()
  return (priorityLevels as readonly string[]).includes(text) ? { level: text as PriorityLevel } : { name: text }
}

/** `--assignee`: an email address, `id:<id>`, or a name for the adapter to resolve. */
export function parsePersonSelector(value: string): ReferenceSelector {
  const id = idOf(value)
  if (id) return { id }
  const text = value.trim()
  return text.includes('@') ? { email: text } : { name: text }
}
