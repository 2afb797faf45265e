import { ConfigurationError } from '@ticketbridge/core'

/**
 * A commander parser for a repeatable `--<option> key=value` flag: each use adds one pair to the
 * record. A value may hold `=`; a flag without one is refused naming the form.
 */
export function collectKeyValue(option: string): (value: string, previous: Record<string, string> | undefined) => Record<string, string> {
  return (value, previous) => {
    const separator = value.indexOf('=')
    if (separator < 1) throw new ConfigurationError(`--${option} ${value}: write it as name=value, e.g. --${option} id=5.`, { option })
    return { ...previous, [value.slice(0, separator).trim()]: value.slice(separator + 1) }
  }
}

/** A commander parser for a comma-separated list: `id,companyName` → `['id', 'companyName']`. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}
