/**
 * Reading RT REST 1.0 answers: the status line, then zero or more `key: value` forms.
 *
 * The format (checked against RT 5.0.3, see `shared/reference/rt.md` §2.2):
 * - `RT/<version> <code> <text>`, a blank line, then the payload. The version is whatever RT
 *   calls itself (`5.0.3+dfsg-3~deb12u6` on Debian), so it is matched as "anything but space".
 * - Forms are separated by a line `--`.
 * - A form starts with an optional block of `#` comment lines (results and errors).
 * - Fields are `Name: value`; continuation lines start with whitespace and are indented by the
 *   field name's width (`Name: `), 4 spaces for long names. Blank lines inside a value are sent as indentation only, and blank lines
 *   around a multi-line field are not form ends.
 */

/** The first line of every REST 1.0 answer, and what follows it. */
export interface Rest1StatusLine {
  /** RT's own version string, e.g. `5.0.3+dfsg-3~deb12u6`. */
  version: string
  /** The real status: 200, 400, 401, 409… (the HTTP status is 200 in practically every case). */
  code: number
  /** The status text: `Ok`, `Credentials required`, `Syntax Error`, `Bad Request`. */
  text: string
  /** Everything after the status line and the blank line below it. */
  payload: string
}

const statusLinePattern = /^RT\/(\S+) (\d{3}) ?([^\n]*)\n?/

/** Reads the `RT/<version> <code> <text>` line; `undefined` when the body does not start with one. */
export function parseRest1StatusLine(body: string): Rest1StatusLine | undefined {
  const match = statusLinePattern.exec(body)
  if (!match) return undefined
  let payload = body.slice(match[0].length)
  // One blank line separates the status line from the payload.
  if (payload.startsWith('\n')) payload = payload.slice(1)
  return { version: match[1]!, code: Number(match[2]), text: match[3]!.trim(), payload }
}

/** One `key: value` form: its leading comments and its fields in the order RT wrote them. */
export interface Rest1Form {
  /** The `#` lines at the top of the form, without the `# ` prefix. */
  comments: string[]
  /** Field values by name as RT wrote the name (`CF.{External ID}`), multi-line values joined with `\n`. */
  fields: Record<string, string>
}

/** A field's value by name, compared case-insensitively (RT matches field names that way). */
export function readRest1Field(form: Rest1Form, name: string): string | undefined {
  if (Object.hasOwn(form.fields, name)) return form.fields[name]
  const lower = name.toLowerCase()
  const key = Object.keys(form.fields).find((candidate) => candidate.toLowerCase() === lower)
  return key === undefined ? undefined : form.fields[key]
}

/**
 * A field line: `Name:` or `Name: value`. Custom fields are `CF.{Any name: with spaces}` (the
 * name may contain `: `), so they are matched up to their closing brace.
 */
const fieldLinePattern = /^(CF\.\{[^}]*\}|\w[\w.\-{} ]*?):(?:[ \t]+(.*))?$/

/**
 * Splits a REST 1.0 payload (the body after the status line) into forms. Empty forms are
 * dropped. Lines that are neither comments, fields nor continuations (the `No matching results.`
 * line, plain `id: subject` listings are fields) are ignored.
 */
export function parseRest1Forms(payload: string): Rest1Form[] {
  const forms: Rest1Form[] = []
  const chunks = splitRest1Forms(payload)
  for (const chunk of chunks) {
    const form = parseOneForm(chunk)
    if (form.comments.length > 0 || Object.keys(form.fields).length > 0) forms.push(form)
  }
  return forms
}

/** The text of each form: the payload split at lines that are exactly `--`. */
export function splitRest1Forms(payload: string): string[][] {
  const lines = payload.replace(/\r\n/g, '\n').split('\n')
  const chunks: string[][] = [[]]
  for (const line of lines) {
    if (line === '--') chunks.push([])
    else chunks.at(-1)!.push(line)
  }
  return chunks
}

function parseOneForm(lines: string[]): Rest1Form {
  const form: Rest1Form = { comments: [], fields: {} }
  let index = 0
  let seenField = false
  while (index < lines.length) {
    const line = lines[index]!
    index += 1
    if (line === '') continue
    if (line.startsWith('#')) {
      // Comments only count at the top; RT writes none further down.
      if (!seenField) form.comments.push(line.replace(/^#\s?/, '').trimEnd())
      continue
    }
    const match = fieldLinePattern.exec(line)
    if (!match) continue
    seenField = true
    const name = match[1]!
    const first = match[2] ?? ''
    const continuation: string[] = []
    // Continuation lines start with whitespace; empty lines inside the value are kept until
    // the next field shows the value has ended.
    while (index < lines.length && (lines[index] === '' || /^\s/.test(lines[index]!))) {
      continuation.push(lines[index]!)
      index += 1
    }
    form.fields[name] = joinFieldValue(name, first, continuation)
  }
  return form
}

/**
 * Joins a field's first line and its continuation lines. RT writes continuation lines indented
 * by the width of `Name: ` (4 spaces when that is over 16), so when every line has at least that
 * indentation exactly that much is removed: the text's own indentation survives even when every
 * line after the first is indented. Otherwise (forms written by other tools) the indentation
 * common to the continuation lines is removed, as RT's own parser does. Trailing empty lines are
 * dropped and the first line is trimmed.
 */
function joinFieldValue(name: string, first: string, continuation: string[]): string {
  while (continuation.length > 0 && continuation.at(-1)!.trim() === '') continuation.pop()
  if (continuation.length === 0) return first.trim()
  const rtWidth = name.length + 2 > 16 ? 4 : name.length + 2
  const filled = continuation.filter((line) => line.trim() !== '')
  let width: number
  if (filled.every((line) => line.startsWith(' '.repeat(rtWidth)))) width = rtWidth
  else {
    width = Number.POSITIVE_INFINITY
    for (const line of filled) width = Math.min(width, /^[ \t]*/.exec(line)![0].length)
    if (!Number.isFinite(width)) width = 0
  }
  const rest = continuation.map((line) => (line.trim() === '' ? '' : line.slice(width)))
  const lines = [first.trim(), ...rest]
  while (lines.length > 0 && lines[0] === '') lines.shift()
  return lines.join('\n').trimEnd()
}

/**
 * Splits a multi-valued field (Requestors, Cc, AdminCc, the attachment listing) written as
 * `a, b` and wrapped as `a,\n<indent>b`. Empty values are dropped.
 */
export function splitRest1List(value: string | undefined): string[] {
  if (value === undefined) return []
  return value
    .split(/,\s*\n?\s*/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/**
 * Splits a multi-value custom field written as `a,b,'c, with comma'` (no space after commas;
 * values containing a comma are single-quoted with backslash escapes).
 */
export function splitRest1CustomFieldValues(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return []
  const values: string[] = []
  let current = ''
  let quoted = false
  let inQuotes = false
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index]!
    if (inQuotes) {
      if (character === '\\' && index + 1 < value.length) {
        current += value[index + 1]
        index += 1
      } else if (character === "'") inQuotes = false
      else current += character
      continue
    }
    if (character === "'" && current.trim() === '') {
      inQuotes = true
      quoted = true
      current = ''
    } else if (character === ',') {
      values.push(quoted ? current : current.trim())
      current = ''
      quoted = false
    } else current += character
  }
  values.push(quoted ? current : current.trim())
  return values.filter((item) => item !== '')
}
