import { ConfigurationError, closestName } from '@ticketbridge/core'
import { haloSpecExtraQueryParameters } from '../spec/halo-spec-extras'
import type { HaloSpecMethod } from '../spec/halo-spec-index'
import generatedTable from '../spec/halo-query-parameters.generated.json'
import type { HaloQueryParameterTable } from '../spec/render-halo-query-parameters'

const declared = (generatedTable as HaloQueryParameterTable).paths

/** Options of a call, which a query can hold by mistake in plain JavaScript (`tickets.get(1, { timeoutMs })`). */
const callOptionNames = new Set(['signal', 'timeoutMs'])

/** Past this many accepted names, the message points at the type instead of listing them. */
const listedNamesLimit = 20

/** How the call was made: a resource method (options after the query) or a raw call (options beside `query`). */
export type HaloQueryCaller = 'resource' | 'raw'

/** The query parameters the spec declares for an operation, with the few practice needs (`halo-spec-extras.ts`). */
export function haloQueryNames(method: HaloSpecMethod, template: string): string[] {
  const extras = haloSpecExtraQueryParameters.filter((extra) => extra.method === method && extra.template === template).map((extra) => extra.name)
  return [...(declared[template]?.[method] ?? []), ...extras]
}

function callOptionAdvice(name: string, method: HaloSpecMethod, caller: HaloQueryCaller): string {
  return caller === 'raw'
    ? `'${name}' is a call option, not a query parameter: give it beside query, as in client.${method}(path, { query, ${name} }).`
    : `'${name}' is a call option, not a query parameter: give it in the options argument that follows the query, as in client.tickets.get(1001, {}, { ${name} }).`
}

function acceptedNames(method: HaloSpecMethod, template: string, names: readonly string[]): string {
  const label = `${method.toUpperCase()} ${template}`
  if (names.length === 0) return `${label} takes no query parameters.`
  if (names.length <= listedNamesLimit) return `${label} takes ${names.join(', ')}.`
  return `${label} takes ${names.length} query parameters (listed by the type HaloQueryOf<'${template}', '${method}'>).`
}

/**
 * Refuses, before anything is sent, a query key the spec does not list for the operation
 * (ConfigurationError naming the key, the path and what it takes). Halo ignores an unknown
 * parameter and answers as if it were not there (halo.md §3.4: a misspelled filter returns
 * unfiltered data), and in plain JavaScript call options passed in the query's place
 * (`tickets.get(1001, { timeoutMs: 1 })`) would be sent as `?timeoutMs=1`. Keys whose value is
 * undefined or null are not sent, so they are not checked.
 */
export function checkHaloQueryKeys(method: HaloSpecMethod, template: string, query: object | undefined, caller: HaloQueryCaller): void {
  if (query === undefined || query === null) return
  const entries = Object.entries(query as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== null)
  if (entries.length === 0) return
  const names = haloQueryNames(method, template)
  const known = new Set(names)
  const unknown = entries.map(([name]) => name).filter((name) => !known.has(name))
  if (unknown.length === 0) return
  const label = `${method.toUpperCase()} ${template}`
  const [first] = unknown as [string, ...string[]]
  let advice: string
  if (callOptionNames.has(first)) advice = callOptionAdvice(first, method, caller)
  else {
    const suggestion = closestName(first, names)
    if (suggestion) advice = unknown.length === 1 ? `Did you mean '${suggestion}'?` : `For '${first}', did you mean '${suggestion}'?`
    else advice = `${acceptedNames(method, template, names)} For a parameter a newer Halo build has and this spec lacks, use client.request().`
  }
  const keys = unknown.map((name) => `'${name}'`).join(', ')
  throw new ConfigurationError(
    `${label}: ${unknown.length === 1 ? 'query key' : 'query keys'} ${keys} ${unknown.length === 1 ? 'is' : 'are'} not in the Halo spec for this path. ${advice} Nothing was sent.`,
    { vendor: 'halo', option: `query.${first}` },
  )
}
