/** Whether a value is one of REST2's references (`{ type, id, _url }`). */
function isReference(value: unknown): value is { type: string; id: string | number; Name?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value && 'id' in value && '_url' in value
}

/** A reference as people read it: the name RT expanded, else its id (users are referenced by name already). */
function referenceText(value: { id: string | number; Name?: unknown }): string {
  return typeof value.Name === 'string' && value.Name !== '' ? value.Name : String(value.id)
}

/**
 * A REST2 record or collection item flattened for a table or a script: references become names
 * or ids, lists of references comma-separated names, custom fields `CF.{name}` keys, and RT's
 * links (`_url`, `_hyperlinks`, `type`) are dropped. RT's unset date (1970-01-01) becomes empty.
 */
export function plainRtRecord(record: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (key === '_url' || key === '_hyperlinks' || (key === 'type' && typeof value === 'string')) continue
    if (key === 'CustomFields' && Array.isArray(value)) {
      for (const field of value as { name?: string; values?: unknown[] }[]) plain[`CF.{${field.name}}`] = (field.values ?? []).join(', ')
      continue
    }
    if (isReference(value)) plain[key] = referenceText(value)
    else if (Array.isArray(value) && value.every(isReference)) plain[key] = value.map(referenceText).join(', ')
    else if (value === '1970-01-01T00:00:00Z') plain[key] = ''
    else plain[key] = value
  }
  return plain
}
