import { ConfigurationError, type StatusCategory, statusCategorySchema, type TicketingAdapter, type TicketQuery } from '@ticketbridge/core'

/**
 * What one run moves: a phase of a cut-over. Open work first (`statusCategories`), or what
 * changed recently (`updatedAfter`); a later run without it moves the rest of the same ledger
 * and skips what is done.
 */
export interface MigrationPhaseFilter {
  /** Only tickets in these status categories, e.g. `['new', 'open', 'pending']`. */
  statusCategories?: StatusCategory[]
  /** Only tickets changed at or after this instant (ISO-8601 with a zone). */
  updatedAfter?: string
}

/**
 * The order tickets are listed and moved in. `recently-updated-first` (the default where the
 * source lists so) means an interrupted run has moved what matters most; `source` keeps the
 * vendor's own order (by id).
 */
export type MigrationListOrder = 'recently-updated-first' | 'source'

/**
 * An instant a user typed, as ISO-8601 UTC. A date alone is midnight UTC; a date and time must
 * say its zone (`Z`, `+02:00`): read in the machine's zone, the same command would move other
 * tickets on another laptop.
 */
export function parseInstantOption(value: string, option: string): string {
  const text = value.trim()
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text)
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)
  const milliseconds = Date.parse(dateOnly ? `${text}T00:00:00Z` : text)
  if ((!dateOnly && !withZone) || Number.isNaN(milliseconds)) {
    const hint = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? ' Add its zone (Z for UTC, or an offset such as +02:00).' : ''
    throw new ConfigurationError(`${option} must be an ISO-8601 date such as 2024-05-01 or 2024-05-01T00:00:00Z, not "${value}".${hint}`, { option })
  }
  return new Date(milliseconds).toISOString()
}

/** Checks a phase filter; a ConfigurationError names the bad part. */
export function checkPhaseFilter(only: MigrationPhaseFilter): MigrationPhaseFilter {
  const checked: MigrationPhaseFilter = {}
  if (only.statusCategories !== undefined) {
    const categories = statusCategorySchema.array().min(1).safeParse(only.statusCategories)
    if (!categories.success) {
      throw new ConfigurationError(
        `only.statusCategories must list status categories from ${statusCategorySchema.options.join(', ')}, not ${JSON.stringify(only.statusCategories)}.`,
        { option: 'only.statusCategories' },
      )
    }
    checked.statusCategories = [...new Set(categories.data)]
  }
  if (only.updatedAfter !== undefined) checked.updatedAfter = parseInstantOption(only.updatedAfter, 'only.updatedAfter')
  return checked
}

/** The order a run lists in: the asked one, else newest changes first where the source can list so. */
export function resolveListOrder(order: MigrationListOrder | undefined, source: TicketingAdapter): TicketQuery['order'] {
  const canOrder = source.capabilities.tickets.orders?.includes('recently-updated-first') ?? false
  if (order === 'source') return undefined
  if (order === 'recently-updated-first' && !canOrder) {
    throw new ConfigurationError(`${source.vendor} cannot list tickets most recently updated first; leave order out or use order 'source'.`, {
      option: 'order',
    })
  }
  return canOrder ? 'recently-updated-first' : undefined
}

/** The source listing of a run: its phase, its `since`, its order. */
export function sourceTicketQuery(options: { since?: string; only?: MigrationPhaseFilter; order?: TicketQuery['order'] }): TicketQuery {
  const bounds = [options.since, options.only?.updatedAfter].filter((value): value is string => value !== undefined)
  const updatedSince = bounds.sort((left, right) => Date.parse(right) - Date.parse(left))[0]
  return {
    ...(updatedSince !== undefined ? { updatedSince } : {}),
    ...(options.only?.statusCategories ? { statusCategories: options.only.statusCategories } : {}),
    ...(options.order ? { order: options.order } : {}),
  }
}
