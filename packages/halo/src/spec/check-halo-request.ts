import { closestName } from '@ticketbridge/core'
import { haloSpecExtraQueryParameters } from './halo-spec-extras'
import type { HaloSpecBody, HaloSpecIndex, HaloSpecMethod, HaloSpecOperation } from './halo-spec-index'
import generatedIndex from './halo-spec-index.generated.json'

/** The index generated from `shared/vendor-specs/halo/swagger.json`. */
const haloSpecIndex = generatedIndex as unknown as HaloSpecIndex

/** A request to check, as a client would send it to `{resourceUrl}`. */
export interface HaloRequestToCheck {
  /** HTTP method, any case. */
  method: string
  /** The path after `/api`, such as `/Tickets/4812`; a query string here is ignored (pass `query`). */
  path: string
  /** Query parameter names (values do not matter), or the parameters themselves. */
  query?: Iterable<string> | URLSearchParams | Record<string, unknown>
  /**
   * The parsed JSON body, or for a multipart upload an object keyed by the form field names.
   * Leave undefined for requests without a body.
   */
  body?: unknown
}

/** What kind of mismatch a violation is. */
export type HaloSpecViolationKind =
  | 'unknown-path'
  | 'unknown-method'
  | 'unknown-query-parameter'
  | 'unknown-body-property'
  | 'invalid-body'
  | 'unexpected-body'

/** One way a request departs from the spec. */
export interface HaloSpecViolation {
  kind: HaloSpecViolationKind
  /** A sentence naming what is wrong and what the spec has instead. */
  message: string
  /** The offending query parameter or body property name. */
  name?: string
  /** The spec's spelling of a name that differs only slightly (case, a typo). */
  suggestion?: string
  /** The spec path template the request matched, such as `/Tickets/{id}`. */
  template?: string
  /** For body properties: the index of the array element that holds it. */
  element?: number
}

interface CompiledTemplate {
  template: string
  segments: { literal?: string; parameterType?: string }[]
  literals: number
  operations: Partial<Record<HaloSpecMethod, HaloSpecOperation>>
}

let compiled: CompiledTemplate[] | undefined

function compileTemplates(): CompiledTemplate[] {
  compiled ??= Object.entries(haloSpecIndex.paths).map(([template, operations]) => {
    const segments = splitPath(template).map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1]
      if (parameter === undefined) return { literal: segment }
      const firstOperation = Object.values(operations)[0]
      return { parameterType: firstOperation?.path?.[parameter] ?? 'string' }
    })
    return { template, segments, literals: segments.filter((segment) => segment.literal !== undefined).length, operations }
  })
  return compiled
}

function splitPath(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
}

function matches(template: CompiledTemplate, segments: string[], caseInsensitive: boolean): boolean {
  if (template.segments.length !== segments.length) return false
  return template.segments.every((expected, position) => {
    const actual = segments[position]!
    if (expected.literal !== undefined) {
      return caseInsensitive ? expected.literal.toLowerCase() === actual.toLowerCase() : expected.literal === actual
    }
    return expected.parameterType === 'integer' || expected.parameterType === 'number' ? /^-?\d+$/.test(actual) : actual.length > 0
  })
}

function queryNames(query: HaloRequestToCheck['query']): string[] {
  if (!query) return []
  if (query instanceof URLSearchParams) return [...new Set(query.keys())]
  if (typeof (query as Iterable<string>)[Symbol.iterator] === 'function') return [...new Set(query as Iterable<string>)]
  return Object.keys(query)
}

function withSuggestion(message: string, suggestion: string | undefined): string {
  return suggestion ? `${message} Did you mean '${suggestion}'?` : message
}

function checkBody(
  request: HaloRequestToCheck,
  label: string,
  template: string,
  declared: HaloSpecBody | undefined,
  violations: HaloSpecViolation[],
): void {
  const { body } = request
  if (body === undefined) return
  if (!declared) {
    violations.push({ kind: 'unexpected-body', template, message: `${label} takes no request body in the spec, but one was sent.` })
    return
  }
  const propertiesOf = (): readonly string[] | undefined => {
    if ('schema' in declared) return haloSpecIndex.schemas[declared.schema] ?? []
    if ('properties' in declared) return declared.properties
    return undefined
  }
  const describe = 'schema' in declared ? declared.schema : 'an object'
  const checkKeys = (element: unknown, position: number | undefined): void => {
    const known = propertiesOf()
    if (!known) return
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      violations.push({
        kind: 'invalid-body',
        template,
        message: `${label} expects ${describe} objects${position === undefined ? '' : ` in the array (element ${position} is not one)`}.`,
        ...(position === undefined ? {} : { element: position }),
      })
      return
    }
    const knownSet = new Set(known)
    for (const key of Object.keys(element)) {
      if (knownSet.has(key)) continue
      const suggestion = closestName(key, known)
      violations.push({
        kind: 'unknown-body-property',
        template,
        name: key,
        ...(suggestion ? { suggestion } : {}),
        ...(position === undefined ? {} : { element: position }),
        message: withSuggestion(`${label}: body property '${key}' is not in the spec's ${describe} schema.`, suggestion),
      })
    }
  }
  if (declared.type === 'array') {
    if (!Array.isArray(body)) {
      violations.push({
        kind: 'invalid-body',
        template,
        message: `${label} takes a JSON array${'schema' in declared ? ` of ${declared.schema}` : ''}; send [ {...} ] even for one record.`,
      })
      // Still name unknown keys of the lone object: that is the more useful half of the answer.
      if ('schema' in declared) checkKeys(body, undefined)
      return
    }
    if ('schema' in declared) body.forEach((element, position) => checkKeys(element, position))
    return
  }
  if (declared.type === 'object') {
    if ('additionalProperties' in declared) return
    checkKeys(body, undefined)
  }
}

/**
 * Checks one request against Halo's OpenAPI spec (the generated index): the path template and
 * method must exist, every query parameter must be one the operation declares, and every key of
 * the body (each array element, for the array upserts) must be a property of its schema.
 * Returns the violations; an empty list means the request is in the spec.
 *
 * Names are compared **exactly as the spec spells them** (case-sensitive). Halo runs on
 * ASP.NET, whose query-string and JSON binding is case-insensitive, so `Page_Size` would
 * probably work on a live instance (inferred, not documented). But Halo ignores unknown names
 * silently (halo.md §3.4: a misspelled filter returns unfiltered data), so the only spelling we
 * trust across builds is the spec's; a name that differs only by case is reported with the
 * spec's spelling as `suggestion`. Path literals are compared the same way. Query parameters that
 * practice needs but the spec lacks are allowed only from `haloSpecExtraQueryParameters`.
 * Nested objects inside a body (such as `customfields` entries) are not checked.
 */
export function checkHaloRequest(request: HaloRequestToCheck): HaloSpecViolation[] {
  const method = request.method.toLowerCase() as HaloSpecMethod
  const segments = splitPath(request.path)
  const label = `${request.method.toUpperCase()} ${request.path.split('?')[0]}`
  const candidates = compileTemplates()
    .filter((template) => matches(template, segments, false))
    .sort((left, right) => right.literals - left.literals)
  if (candidates.length === 0) {
    const similar = compileTemplates().find((template) => matches(template, segments, true))
    return [
      {
        kind: 'unknown-path',
        ...(similar ? { suggestion: similar.template } : {}),
        message: withSuggestion(`${label}: no path in the Halo spec matches '${request.path.split('?')[0]}'.`, similar?.template),
      },
    ]
  }
  const chosen = candidates.find((template) => template.operations[method] !== undefined)
  if (!chosen) {
    const best = candidates[0]!
    const allowed = Object.keys(best.operations).map((name) => name.toUpperCase())
    return [
      {
        kind: 'unknown-method',
        template: best.template,
        message: `${label}: the spec has no ${request.method.toUpperCase()} on ${best.template}; it has ${allowed.join(', ') || 'no methods'}.`,
      },
    ]
  }
  const operation = chosen.operations[method]!
  const violations: HaloSpecViolation[] = []
  const declaredQuery = [
    ...(operation.query ?? []),
    ...haloSpecExtraQueryParameters.filter((extra) => extra.method === method && extra.template === chosen.template).map((extra) => extra.name),
  ]
  const declaredSet = new Set(declaredQuery)
  for (const name of queryNames(request.query)) {
    if (declaredSet.has(name)) continue
    const suggestion = closestName(name, declaredQuery)
    violations.push({
      kind: 'unknown-query-parameter',
      template: chosen.template,
      name,
      ...(suggestion ? { suggestion } : {}),
      message: withSuggestion(`${label}: query parameter '${name}' is not in the spec for ${method.toUpperCase()} ${chosen.template}.`, suggestion),
    })
  }
  checkBody(request, label, chosen.template, operation.body, violations)
  return violations
}

/** The spec template a request resolves to (`/Tickets/{id}` for `/Tickets/12`), if any. */
export function findHaloSpecTemplate(method: string, path: string): string | undefined {
  const segments = splitPath(path)
  const lower = method.toLowerCase() as HaloSpecMethod
  return compileTemplates()
    .filter((template) => matches(template, segments, false) && template.operations[lower] !== undefined)
    .sort((left, right) => right.literals - left.literals)[0]?.template
}
