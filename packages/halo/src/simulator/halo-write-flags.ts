import type { HaloJson } from './halo-table'

/** Write switches Halo takes without a leading underscore (halo.md §3.1). */
const namedFlags = new Set(['dont_do_rules', 'sendack', 'donotapplytemplateintheapi'])

/** True for keys that steer a write rather than hold data. */
function isWriteFlag(key: string): boolean {
  return key.startsWith('_') || namedFlags.has(key)
}

/**
 * Splits a POSTed record into its data and its behaviour flags (`_novalidate`, `dont_do_rules`,
 * `_dont_fire_automations`, `sendack`, `_isimport`, ...). Flags steer the write and are kept in
 * the write log; they are never stored on the record.
 */
export function splitWriteFlags(input: HaloJson): { fields: HaloJson; flags: Record<string, unknown> } {
  const fields: HaloJson = {}
  const flags: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (isWriteFlag(key)) flags[key] = value
    else fields[key] = value
  }
  return { fields, flags }
}

/** A flag counts as set when it is `true`, `1` or `"true"`. */
export function flagIsSet(flags: Record<string, unknown>, name: string): boolean {
  const value = flags[name]
  return value === true || value === 1 || (typeof value === 'string' && value.toLowerCase() === 'true')
}
