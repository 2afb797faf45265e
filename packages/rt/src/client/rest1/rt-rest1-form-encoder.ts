import { ValidationError } from '@ticketbridge/core'

/** A value in a REST 1.0 form: text (may span lines), a number, or a list joined with `, `. */
export type Rest1FormValue = string | number | readonly (string | number)[]

/** Fields of a REST 1.0 form in the order to write them; `undefined` leaves a field out. */
export type Rest1FormFields = Readonly<Record<string, Rest1FormValue | undefined>>

const fieldNamePattern = /^(CF\.\{[^{}\n]+\}|[A-Za-z][\w.-]*)$/

/**
 * Writes the `content` of a REST 1.0 write (`ticket/new`, `ticket/<id>/edit`, `…/comment`):
 * one `Name: value` line per field. A multi-line value starts on the line below its name, every
 * line indented by one space, which RT strips again (it removes the indentation common to all
 * continuation lines, so the text's own indentation survives); blank lines inside a value are
 * written as a single space so they do not end the field. Lists are joined with `, ` (RT's
 * separator for watchers and links).
 *
 * @throws ValidationError when a field name could not be parsed back by RT.
 */
export function encodeRest1Form(fields: Rest1FormFields): string {
  const lines: string[] = []
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (!fieldNamePattern.test(name)) {
      throw new ValidationError(`"${name}" is not a field name RT REST 1.0 can read. Use a plain name or CF.{Custom field name}.`, {
        status: 0,
        vendor: 'rt',
        issues: [{ field: name, message: 'not a valid REST 1.0 field name' }],
      })
    }
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value)
    const textLines = text.replace(/\r\n?/g, '\n').split('\n')
    if (textLines.length === 1) {
      lines.push(`${name}: ${text}`)
      continue
    }
    // Every line goes below the name, indented by one space: RT removes the indentation common
    // to all of them, which is then exactly that space, so indentation inside the text survives
    // even when every line after the first is indented.
    lines.push(`${name}:`)
    for (const line of textLines) lines.push(line === '' ? ' ' : ` ${line}`)
  }
  return lines.join('\n')
}

/**
 * Joins the values of a multi-value custom field as RT writes and reads them: separated by
 * commas, with values that contain a comma or a quote single-quoted and backslash-escaped.
 */
export function joinRest1CustomFieldValues(values: readonly string[]): string {
  return values.map((value) => (/[,'\\]/.test(value) ? `'${value.replace(/[\\']/g, (character) => `\\${character}`)}'` : value)).join(',')
}

/** The form key of a custom field: `CF.{Name}`. */
export function rest1CustomFieldKey(name: string): string {
  if (/[{}\n]/.test(name)) {
    throw new ValidationError(`The custom field name "${name}" cannot be written in a REST 1.0 form (it contains a brace or a line break).`, {
      status: 0,
      vendor: 'rt',
      issues: [{ field: `customFields.${name}`, message: 'contains a brace or a line break' }],
    })
  }
  return `CF.{${name}}`
}
