import { haloError } from './halo-responses'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'

/** One clause of `advanced_search`. */
interface AdvancedSearchClause {
  filter_name: string
  filter_type: number
  filter_value: unknown
}

/** `filter_type` codes the simulator honours: 2 equals (halo.md §3.4), 1 contains [I]. */
const equals = 2
const contains = 1

function invalid(): never {
  throw haloError.text('Invalid advanced search parameter')
}

/**
 * Applies `advanced_search`, a URL-encoded JSON array such as
 * `[{"filter_name":"emailaddress","filter_type":2,"filter_value":"jane@example.com"}]`. Each clause
 * must name a field the records have (or a custom field by its `CF…` name, for records of
 * `customFieldUsage`) and a supported type; anything else answers 400 with Halo's text
 * "Invalid advanced search parameter". Comparisons ignore case.
 */
export function applyAdvancedSearch(
  state: HaloSimulatorState,
  rows: HaloJson[],
  text: string | undefined,
  knownFields: readonly string[],
  customFieldUsage?: number,
): HaloJson[] {
  if (text === undefined) return rows
  let clauses: AdvancedSearchClause[]
  try {
    const parsed = JSON.parse(text) as unknown
    clauses = (Array.isArray(parsed) ? parsed : [parsed]) as AdvancedSearchClause[]
  } catch {
    return invalid()
  }
  const matchers = clauses.map((clause) => {
    if (typeof clause !== 'object' || clause === null || typeof clause.filter_name !== 'string') invalid()
    if (clause.filter_type !== equals && clause.filter_type !== contains) invalid()
    const wanted = String(clause.filter_value ?? '').toLowerCase()
    const compare = (value: unknown): boolean => {
      const actual = String(value ?? '').toLowerCase()
      return clause.filter_type === equals ? actual === wanted : actual.includes(wanted)
    }
    const field = clause.filter_name
    if (knownFields.includes(field)) return (row: HaloJson) => compare(row[field])
    const custom =
      customFieldUsage === undefined
        ? undefined
        : state.fieldInfos
            .all()
            .find((info) => info.custom === 1 && info.usage === customFieldUsage && String(info.name).toLowerCase() === field.toLowerCase())
    if (!custom) return invalid()
    return (row: HaloJson) =>
      compare(
        (Array.isArray(row.customfields) ? (row.customfields as { id: number; value: unknown }[]) : []).find((entry) => entry.id === custom.id)
          ?.value,
      )
  })
  return rows.filter((row) => matchers.every((matcher) => matcher(row)))
}
