import { ConfigurationError } from '@ticketbridge/core'
import { checkHaloRequest } from '@ticketbridge/halo/simulator'

/** A raw call as the command line gives it: a spec path (`/Tickets/{id}`), its parameters, query and body. */
export interface HaloRawCall {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
}

/** Fills `{name}` placeholders from `--param name=value`; a missing one is named with the flag that gives it. */
function fillPath(path: string, params: Record<string, string>): string {
  const used = new Set<string>()
  const filled = path.replace(/\{([^}]+)\}/g, (_placeholder, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') throw new ConfigurationError(`${path} needs --param ${name}=<value>.`, { option: 'param' })
    used.add(name)
    return encodeURIComponent(value)
  })
  const unused = Object.keys(params).filter((name) => !used.has(name))
  if (unused.length > 0)
    throw new ConfigurationError(`--param ${unused.join(', ')}: ${path} has no {${unused[0]}} placeholder; query parameters go in --query.`, {
      option: 'param',
    })
  return filled
}

/**
 * The path to send, checked against Halo's OpenAPI spec before anything is sent: the path and
 * method must exist there, and every query parameter and body property must be one it declares.
 * Halo ignores a misspelled filter and answers unfiltered data, so a typo is refused here with the
 * spec's spelling when one is close.
 */
export function checkedHaloPath(call: HaloRawCall): string {
  const template = call.path.startsWith('/') ? call.path : `/${call.path}`
  if (template.includes('?'))
    throw new ConfigurationError(`Give query parameters with --query name=value, not in the path ${call.path}.`, { option: 'query' })
  const path = fillPath(template, call.params ?? {})
  const violations = checkHaloRequest({
    method: call.method,
    path,
    ...(call.query ? { query: call.query } : {}),
    ...(call.body !== undefined ? { body: call.body } : {}),
  })
  if (violations.length > 0) {
    throw new ConfigurationError(`Not in the Halo API spec, so nothing was sent: ${violations.map((violation) => violation.message).join(' ')}`, {
      option: 'path',
    })
  }
  return path
}
