import type { AdapterWarning } from '@ticketbridge/core'

/**
 * What Halo said about a saved row (`_warning` on its answer, such as a field it ignored), as a
 * warning of the write; none where it said nothing.
 */
export function haloRowWarnings(row: { _warning?: string | null | undefined }, field?: string): AdapterWarning[] {
  if (typeof row._warning !== 'string' || row._warning.trim() === '') return []
  return [{ type: 'other', ...(field ? { field } : {}), message: `Halo: ${row._warning.trim()}` }]
}
