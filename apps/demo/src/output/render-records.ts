import { renderTable } from './render-table'

/** Widest cell of a record table: longer values are cut (the whole value is in `--json`). */
const maximumCellLength = 60
/** Columns a table shows when the caller names none: the first fields that have a value. */
const defaultColumnCount = 8

/** A value as a table cell: scalars as text, objects as compact JSON, cut to a readable width. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > maximumCellLength ? `${oneLine.slice(0, maximumCellLength - 1)}…` : oneLine
}

/**
 * Vendor records as a table: the `fields` asked for, else `id` and the first fields that hold a
 * value in any record (vendor records have dozens of fields; the rest are in `--json`).
 */
function renderRecords(records: readonly Record<string, unknown>[], fields?: readonly string[]): string {
  if (records.length === 0) return '(no records)'
  const columns = fields && fields.length > 0 ? [...fields] : defaultColumns(records)
  return renderTable(
    columns,
    records.map((record) => columns.map((column) => cell(record[column]))),
  )
}

/** Fields people look for first, whatever the vendor: the id, names and titles, then status and priority. */
const telling = [/^id$/i, /name$/i, /^(title|summary|subject|label)$/i, /^status/i, /^priority/i]

function defaultColumns(records: readonly Record<string, unknown>[]): string[] {
  const withValue = new Map<string, boolean>()
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (value === null || value === undefined || value === '' || typeof value === 'object') continue
      withValue.set(key, (withValue.get(key) ?? false) || String(value).length > maximumCellLength)
    }
  }
  // Telling fields first, long texts (descriptions) last; otherwise the vendor's order.
  const rank = (key: string): number => {
    const position = telling.findIndex((pattern) => pattern.test(key))
    return (position === -1 ? telling.length : position) + (withValue.get(key) ? telling.length + 1 : 0)
  }
  return [...withValue.keys()].sort((left, right) => rank(left) - rank(right)).slice(0, defaultColumnCount)
}

/** One record as a two-column table of its fields that hold a value. */
export function renderRecord(record: Record<string, unknown>): string {
  const rows = Object.entries(record)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => [key, cell(value)])
  return renderTable(['field', 'value'], rows)
}

/** Records as JSON (`--json`) or as a table. */
export function formatRecords(records: readonly Record<string, unknown>[], options: { json?: boolean; fields?: readonly string[] }): string {
  return options.json ? JSON.stringify(records, null, 2) : renderRecords(records, options.fields)
}
