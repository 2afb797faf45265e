import { ConfigurationError, statusCategorySchema, type StatusCategory } from '@ticketbridge/core'
import type { MigrationPhaseFilter } from '@ticketbridge/migrate'
import { parseSince } from './parse-since'

/**
 * Reads `--only`: status categories (`new,open,pending`) and/or `updated-after=<date or span>`,
 * comma-separated; given twice, the selections add up (`--only open --only updated-after=90d`).
 */
export function parseOnly(value: string, previous: MigrationPhaseFilter | undefined): MigrationPhaseFilter {
  const categories = new Set<StatusCategory>(previous?.statusCategories ?? [])
  let updatedAfter = previous?.updatedAfter
  for (const item of value.split(',').map((part) => part.trim().toLowerCase())) {
    if (item === '') continue
    const after = /^updated-after=(.+)$/.exec(item)
    if (after) {
      updatedAfter = parseSince(after[1]!, 'only updated-after')
      continue
    }
    const category = statusCategorySchema.safeParse(item)
    if (!category.success) {
      throw new ConfigurationError(
        `--only takes status categories (${statusCategorySchema.options.join(', ')}) and updated-after=<date or span>, comma-separated; not "${item}". Example: --only new,open,pending`,
        { option: 'only' },
      )
    }
    categories.add(category.data)
  }
  return { ...(categories.size > 0 ? { statusCategories: [...categories] } : {}), ...(updatedAfter ? { updatedAfter } : {}) }
}
