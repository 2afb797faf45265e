/**
 * Normalisers for comparing simulator answers with answers recorded from a real RT: they blank
 * out what changes from run to run (dates, Message-IDs, Perl file-handle numbers, hash-ordered
 * header lines, the random order of JSON keys and of REST2's CustomFields) and keep the rest.
 */

const rtDateString = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{2}:\d{2}:\d{2} \d{4}\b/g
const sqlDate = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\b/g
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
const messageId = /<?rt-[^\s<>@]+@[^\s<>]+?>?(?=[\s"]|$)/g
const perlHandle = /<GEN\d+> line \d+/g
const mailDate = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b/g
const boundary = /=_\d+-\d+-\d+/g

/** Blanks the run-dependent parts of a line of text. */
function normaliseText(text: string): string {
  return text
    .replace(rtDateString, '<date>')
    .replace(mailDate, '<date>')
    .replace(sqlDate, '<date>')
    .replace(messageId, '<message-id>')
    .replace(perlHandle, '<GEN> line <n>')
    .replace(boundary, '=_<boundary>')
}

/**
 * A REST 1.0 text answer, normalised. The lines of an attachment's `Headers:` block are sorted:
 * RT writes a message's headers in Perl hash order, which changes between runs.
 */
export function normaliseRest1(body: string): string {
  const lines = body.split('\n')
  const out: string[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string
    if (!line.startsWith('Headers: ')) {
      out.push(normaliseText(line))
      continue
    }
    const indent = ' '.repeat('Headers: '.length)
    const block = [line.slice('Headers: '.length)]
    while (index + 1 < lines.length && (lines[index + 1] as string).startsWith(indent)) {
      index += 1
      block.push((lines[index] as string).slice(indent.length))
    }
    out.push(
      ...block
        .map(normaliseText)
        .sort()
        .map((header, position) => (position === 0 ? `Headers: ${header}` : `${indent}${header}`)),
    )
  }
  return out.join('\n')
}

function normaliseJsonValue(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    if (isoDate.test(value)) return value === '1970-01-01T00:00:00Z' ? value : '<date>'
    if (key === 'Headers') return value.split('\n').map(normaliseText).sort().join('\n')
    return normaliseText(value)
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => normaliseJsonValue(item))
    // REST2 lists a record's custom fields in Perl hash order.
    if (key === 'CustomFields')
      items.sort((left, right) => String((left as { id?: unknown }).id).localeCompare(String((right as { id?: unknown }).id)))
    return items
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, normaliseJsonValue(item, name)]))
  }
  return value
}

/**
 * A REST2 answer, normalised: parsed JSON (so key order does not matter) with dates other than
 * RT's unset `1970-01-01T00:00:00Z` blanked; bodies that are not JSON are compared as text.
 */
export function normaliseRest2(body: string): unknown {
  if (body.trim() === '') return body
  try {
    return normaliseJsonValue(JSON.parse(body))
  } catch {
    return normaliseText(body)
  }
}

/** An ETag or other header value, with a date ETag (custom fields) blanked. */
export function normaliseHeaderValue(value: string | null): string | null {
  if (value === null) return null
  return value.replace(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"/, '"<date>"')
}
