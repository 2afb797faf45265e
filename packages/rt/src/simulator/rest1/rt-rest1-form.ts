/**
 * The `key: value` forms of RT's REST 1.0, read and written the way RT 5.0.3's
 * RT::Interface::REST does (form_parse, form_compose, vsplit, expand_list), byte for byte:
 * clients parse these texts, so the simulator must produce the same blank lines, wrapping and
 * indentation a real server does.
 */

/** A value in a form: one string, several (Requestors, Attachments...), or none (written `key: `). */
export type Rest1Value = string | string[] | null | undefined

/** One parsed or composed form: comment block, field order, values, and a syntax-error text. */
export interface Rest1Form {
  /** Comment lines (`# ...`) at the top, newline-separated, or '' for none. */
  comment: string
  /** Field names in order; undefined writes the comment alone. */
  order?: string[]
  values: Map<string, Rest1Value>
  /** The echoed text of a form with a syntax error (written instead of the fields). */
  error?: string
}

const customFieldPattern = String.raw`CF\.\{[^,]+\}|C(?:ustom)?F(?:ield)?-[^,]+`
const fieldPattern = `[a-z][a-z0-9_-]*|${customFieldPattern}`

/** A whole field specification list (`?fields=a,b,CF.{x}`), as RT validates it. */
export const rest1FieldListPattern = new RegExp(`^(?:(?:${fieldPattern}),)*(?:${fieldPattern})$`, 'i')

/** `CF.{Name}`, `CF-Name`, `CustomField-Name`: the custom field name, or undefined. */
export function rest1CustomFieldName(key: string): string | undefined {
  const match = /^(?:CF\.\{([^,]+)\}|C(?:ustom)?F(?:ield)?-([^,]+))/i.exec(key)
  return match ? (match[1] ?? match[2]) : undefined
}

const fieldLinePattern = new RegExp(`^(${fieldPattern}):(?:\\s+([\\s\\S]*))?$`, 'i')

function characterLength(text: string): number {
  return Array.from(text).length
}

/** RT's `vpush`: the first value is kept as is; a second one turns the slot into a list. */
function pushValue(values: Map<string, Rest1Value>, key: string, value: string): void {
  if (!values.has(key)) {
    values.set(key, value)
    return
  }
  const existing = values.get(key)
  const list = Array.isArray(existing) ? existing : existing !== '' && existing !== undefined && existing !== null ? [existing] : []
  list.push(value)
  values.set(key, list)
}

/** Writes a form back the way RT echoes an erroneous one (used in the `>>` error marker). */
function composeFields(order: string[], values: Map<string, Rest1Value>): string {
  return composeRest1Forms([{ comment: '', order, values }])
}

/**
 * Parses REST 1.0 form text (RT's `form_parse`): forms separated by `--` lines, an optional
 * comment block, `Name: value` fields with indented continuation lines (the longest common
 * indent is stripped), and the syntax-error echo RT builds when a line is neither.
 */
export function parseRest1Forms(text: string): Rest1Form[] {
  const forms: Rest1Form[] = []
  const lines = text.split('\n')
  // Perl's split drops trailing empty fields.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  let state = 0
  let comment = ''
  let order: string[] = []
  let values = new Map<string, Rest1Value>()
  let error = ''
  const flush = (): void => {
    if (error || comment || order.length > 0) forms.push({ comment, order, values, ...(error ? { error } : {}) })
    comment = ''
    order = []
    values = new Map()
    error = ''
  }
  while (lines.length > 0) {
    const line = lines.shift() as string
    if (line === '') continue
    if (line === '--') {
      flush()
      state = 0
      continue
    }
    if (state === -1) {
      error += `${line}\n`
      continue
    }
    if (state === 0 && line.startsWith('#')) {
      state = 1
      comment = line
      while (lines.length > 0 && (lines[0] as string).startsWith('#')) comment += `\n${lines.shift() as string}`
      comment += '\n'
      continue
    }
    const match = state <= 1 ? fieldLinePattern.exec(line) : null
    if (match) {
      const field = match[1] as string
      const parts = [match[2] ?? '']
      while (lines.length > 0 && ((lines[0] as string) === '' || /^\s+/.test(lines[0] as string))) parts.push(lines.shift() as string)
      while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
      let indent = ''
      for (const part of parts.slice(1)) {
        const leading = /^(\s+)/.exec(part)?.[1]
        if (leading !== undefined && (!indent || leading.length < indent.length)) indent = leading
      }
      const stripped = parts.map((part) => (indent && part.startsWith(indent) ? part.slice(indent.length) : part))
      while (stripped.length > 0 && stripped[0] === '') stripped.shift()
      if (!values.has(field)) order.push(field)
      pushValue(values, field, stripped.join('\n'))
      state = 1
      continue
    }
    if (line.startsWith('#')) {
      state = -1
      error = composeFields(order, values)
      error += line.startsWith('>>') ? `${line}\n` : `>> ${line}\n`
    }
  }
  if (error || comment || order.length > 0) forms.push({ comment, order, values, ...(error ? { error } : {}) })
  // RT normalises multi-valued fields of the last form only (its loop runs on the last hash).
  const last = forms[forms.length - 1]
  if (last) {
    for (const [key, value] of last.values) if (Array.isArray(value)) last.values.set(key, splitRest1Values(value))
  }
  return forms
}

const splitPattern = /^\s*(?:(")((?:[^\\"]*(?:\\[\s\S][^\\"]*)*))"|(')((?:[^\\']*(?:\\[\s\S][^\\']*)*))'|q\{([\s\S]*?)\}|([\s\S]*?))\s*(?:$|,)/

/**
 * RT's `vsplit`: splits a multi-valued field on commas (and newlines), honouring "..." and '...'
 * quoting. With `strip`, quotes are removed and their escapes undone; without it they are kept.
 */
export function splitRest1Values(value: Rest1Value, strip = false): string[] {
  if (value === null || value === undefined) return []
  const words: string[] = []
  const lines = (Array.isArray(value) ? value : [value]).flatMap((item) => item.split('\n'))
  for (let line of lines) {
    while (/\S/.test(line)) {
      const match = splitPattern.exec(line)
      if (!match || match[0].length === 0) break
      line = line.slice(match[0].length)
      let quote: string
      let quoted: string
      if (match[1]) [quote, quoted] = [match[1], match[2] ?? '']
      else if (match[3]) [quote, quoted] = [match[3], match[4] ?? '']
      else [quote, quoted] = ['', match[5] || match[6] || '']
      if (match[5]) {
        quoted = quoted.replace(/([\\'])/g, '\\$1')
        quote = "'"
      }
      if (strip) {
        if (quote) quoted = quoted.replace(new RegExp(`\\\\([\\\\${quote}])`, 'g'), '$1')
        words.push(quoted)
      } else {
        words.push(`${quote}${quoted}${quote}`)
      }
    }
  }
  return words
}

/**
 * Writes forms as RT's `form_compose` does: the comment block and a blank line, then the fields;
 * multi-line values indented under their name and set off by blank lines; multi-valued fields
 * joined with `, ` and wrapped before 70 columns; forms joined by `--`.
 */
export function composeRest1Forms(forms: Rest1Form[], rawComment = false): string {
  const texts: string[] = []
  for (const form of forms) {
    let text = ''
    if (form.comment) text = rawComment ? form.comment : `${form.comment.replace(/\n*$/, '\n')}\n`
    if (form.error) {
      text += form.error
    } else if (form.order) {
      const lines: string[] = []
      for (const key of form.order) {
        const raw = form.values.get(key)
        const list: (string | null | undefined)[] = Array.isArray(raw) ? raw : [raw]
        let space = ' '.repeat(characterLength(`${key}: `))
        if (space.length > 16) space = ' '.repeat(4)
        let line = ''
        for (const item of list) {
          let value = item ?? ''
          if (value.includes('\n')) {
            // Perl's /^/m does not match after a final newline; the lookahead keeps that.
            value = stripFirstIndent(value.replace(/^(?=[\s\S])/gm, space), space)
            if (line) {
              lines.push(`${line}\n\n`)
              line = ''
            } else if (lines.length > 0 && !(lines[lines.length - 1] as string).endsWith('\n\n')) {
              lines[lines.length - 1] += '\n'
            }
            lines.push(`${key}: ${value}\n\n`)
          } else if (line && characterLength(line) + characterLength(value) - Array.from(line).lastIndexOf('\n') >= 70) {
            line += `,\n${space}${value}`
          } else {
            line = line ? `${line}, ${value}` : `${key}: ${value}`
          }
        }
        if (list.length === 0) line = `${key}:`
        if (line) {
          if (line.includes('\n')) {
            if (lines.length > 0 && !(lines[lines.length - 1] as string).endsWith('\n\n')) lines[lines.length - 1] += '\n'
            line += '\n'
          }
          lines.push(`${line}\n`)
        }
      }
      text += lines.join('')
    } else {
      text = text.replace(/\n$/, '')
    }
    texts.push(text)
  }
  return texts.join('\n--\n\n')
}

/** Perl's `s/^/$sp/gm; s/^$sp//`: indent every line, then un-indent the first. */
function stripFirstIndent(indented: string, space: string): string {
  return indented.startsWith(space) ? indented.slice(space.length) : indented
}

/**
 * RT's `expand_list`: `1-3,7` becomes 1,2,3,7; numbers sort first (numerically), names after
 * (case-insensitively).
 */
export function expandRest1List(list: string): string[] {
  const elements: string[] = []
  for (const part of list.split(/\s*,\s*/)) {
    const range = /^(\d+)-(\d+)$/.exec(part)
    if (range) {
      for (let value = Number(range[1]); value <= Number(range[2]); value += 1) elements.push(String(value))
    } else {
      elements.push(part)
    }
  }
  return elements.sort((left, right) => {
    const leftNumber = /^\d+$/.test(left)
    const rightNumber = /^\d+$/.test(right)
    if (leftNumber && rightNumber) return Number(left) - Number(right)
    if (!leftNumber && !rightNumber) return left.toLowerCase() < right.toLowerCase() ? -1 : left.toLowerCase() > right.toLowerCase() ? 1 : 0
    return leftNumber ? -1 : 1
  })
}

/** Builds a form value map from pairs, keeping their order. */
export function rest1Values(pairs: [string, Rest1Value][]): { order: string[]; values: Map<string, Rest1Value> } {
  const values = new Map<string, Rest1Value>()
  for (const [key, value] of pairs) values.set(key, value)
  return { order: pairs.map(([key]) => key), values }
}
