import {
  autotaskEntityModel,
  autotaskSpecIndex,
  canonicalPropertyName,
  matchAutotaskPath,
  splitAutotaskTarget,
  type AutotaskSpecModel,
} from './autotask-spec-index'
import { autotaskFilterOperators } from './autotask-filter-operators'

/** Why a request does not fit the Autotask REST spec. */
export type AutotaskSpecViolationKind =
  | 'unknown-path'
  | 'unknown-method'
  | 'unknown-query-parameter'
  | 'missing-query-parameter'
  | 'missing-body'
  | 'invalid-query-body'
  | 'unknown-body-property'
  | 'unknown-query-field'
  | 'unknown-operator'
  | 'path-casing'

/** One way a request departs from the spec. */
export interface AutotaskSpecViolation {
  kind: AutotaskSpecViolationKind
  /** What is wrong and where, in a sentence. */
  message: string
  method: string
  path: string
  /** The template the path matched, when it matched one. */
  template?: string
  /** The offending name (parameter, property, field or operator). */
  name?: string
  /**
   * `warning`: Autotask accepts the request anyway (another casing of a literal segment: ASP.NET
   * routes ignore case, though one tester reports a zone that does not). Everything else is an `error`.
   */
  severity: 'error' | 'warning'
}

/** A request to check. */
export interface AutotaskRequestToCheck {
  method: string
  /** Path relative to the base path (`/V1.0/Tickets/query`), with `/ATServicesRest`, or an absolute URL. */
  path: string
  /** Names of the query parameters sent (those in `path` are added). */
  queryNames?: string[]
  /** Query parameter values, when known: lets the check read the `search` JSON of URL queries. */
  query?: Record<string, string>
  /** The JSON body, parsed. */
  body?: unknown
  /**
   * The tenant's user-defined field names for the entity. Filters with `udf: true` and
   * `includeFields` entries may name them; without this list UDF filter names are not checked
   * and `includeFields` must name model properties.
   */
  userDefinedFields?: string[]
}

const operatorsByLowerCase = new Map<string, string>(autotaskFilterOperators.map((operator) => [operator.toLowerCase(), operator]))
const queryModelProperties = ['filter', 'includeFields', 'maxRecords']
const filterProperties = ['op', 'field', 'value', 'udf', 'items']

function findKey(candidates: string[], name: string): string | undefined {
  const lower = name.toLowerCase()
  return candidates.find((candidate) => candidate.toLowerCase() === lower)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads a property whatever its casing (Autotask's JSON binding ignores case). */
export function readPropertyIgnoringCase(source: Record<string, unknown>, name: string): unknown {
  const key = findKey(Object.keys(source), name)
  return key === undefined ? undefined : source[key]
}

/**
 * Checks a request against the vendor's Swagger document: the path and method must exist, query
 * parameters must be declared, body properties must belong to the body model, and query bodies
 * (`QueryModel`, POST or `?search=`) may only filter on or include the entity's fields, with
 * operators Autotask knows. Names are compared without regard to case, as Autotask does.
 * Returns every violation found (empty when the request fits).
 */
export function checkAutotaskRequest(request: AutotaskRequestToCheck): AutotaskSpecViolation[] {
  const method = request.method.toUpperCase()
  const target = splitAutotaskTarget(request.path)
  const violations: AutotaskSpecViolation[] = []
  const report = (violation: Omit<AutotaskSpecViolation, 'method' | 'path' | 'severity'> & { severity?: 'error' | 'warning' }): void => {
    violations.push({ severity: 'error', method, path: target.path, ...violation })
  }

  const match = matchAutotaskPath(target.path)
  if (!match) {
    report({ kind: 'unknown-path', message: `${target.path} is not a path of the Autotask REST API.` })
    return violations
  }
  const template = match.template
  if (match.casingDiffers || (target.basePathSpelling !== undefined && target.basePathSpelling !== autotaskSpecIndex.basePath)) {
    report({
      kind: 'path-casing',
      template,
      severity: 'warning',
      message: `${target.basePathSpelling ?? ''}${target.path} is spelled ${autotaskSpecIndex.basePath}${template} in the spec; send the spec's casing.`,
    })
  }
  const operation = match.spec.methods[method.toLowerCase()]
  if (!operation) {
    const allowed = Object.keys(match.spec.methods).map((name) => name.toUpperCase())
    report({
      kind: 'unknown-method',
      template,
      name: method,
      message: `${method} is not allowed on ${template}; the spec allows ${allowed.join(', ')}.`,
    })
    return violations
  }

  const queryValues = new Map<string, string>()
  for (const [name, value] of target.search) queryValues.set(name, value)
  for (const [name, value] of Object.entries(request.query ?? {})) queryValues.set(name, value)
  for (const name of request.queryNames ?? []) if (!queryValues.has(name)) queryValues.set(name, '')
  const declared = operation.query ?? []
  for (const name of queryValues.keys()) {
    if (!findKey(declared, name)) {
      report({
        kind: 'unknown-query-parameter',
        template,
        name,
        message: `Query parameter '${name}' is not declared for ${method} ${template}${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ''}.`,
      })
    }
  }
  for (const name of declared) {
    const optional = operation.optionalQuery?.includes(name) ?? false
    if (!optional && ![...queryValues.keys()].some((sent) => sent.toLowerCase() === name.toLowerCase())) {
      report({ kind: 'missing-query-parameter', template, name, message: `Query parameter '${name}' is required by ${method} ${template}.` })
    }
  }

  const entityModel = match.spec.entity ? autotaskEntityModel(match.spec.entity) : undefined
  const searchKey = [...queryValues.keys()].find((name) => name.toLowerCase() === 'search')
  const search = searchKey === undefined ? undefined : queryValues.get(searchKey)
  if (search !== undefined && search !== '' && entityModel) {
    let parsed: unknown
    try {
      parsed = JSON.parse(search)
    } catch {
      report({ kind: 'invalid-query-body', template, name: 'search', message: `The search parameter of ${template} is not JSON.` })
    }
    if (parsed !== undefined) checkQueryModel(parsed, entityModel, match.spec.entity!, request.userDefinedFields, template, report)
  }

  if (operation.body) {
    if (request.body === undefined || request.body === null) {
      report({ kind: 'missing-body', template, message: `${method} ${template} takes a ${operation.body} body; none was sent.` })
    } else if (operation.body === 'QueryModel') {
      if (entityModel) checkQueryModel(request.body, entityModel, match.spec.entity!, request.userDefinedFields, template, report)
    } else {
      const model = autotaskSpecIndex.models[operation.body]
      if (model) checkEntityBody(request.body, model, operation.body, template, report)
    }
  }
  return violations
}

type Reporter = (violation: Omit<AutotaskSpecViolation, 'method' | 'path' | 'severity'>) => void

function checkEntityBody(body: unknown, model: AutotaskSpecModel, modelName: string, template: string, report: Reporter): void {
  if (!isPlainObject(body)) {
    report({ kind: 'missing-body', template, message: `The body of ${template} must be a ${modelName} object.` })
    return
  }
  for (const key of Object.keys(body)) {
    if (!canonicalPropertyName(model, key)) {
      report({ kind: 'unknown-body-property', template, name: key, message: `'${key}' is not a property of ${modelName}.` })
    }
  }
}

function checkQueryModel(
  body: unknown,
  model: AutotaskSpecModel,
  entity: string,
  userDefinedFields: string[] | undefined,
  template: string,
  report: Reporter,
): void {
  if (!isPlainObject(body)) {
    report({ kind: 'invalid-query-body', template, message: `A query body must be a QueryModel object ({ filter, includeFields, maxRecords }).` })
    return
  }
  for (const key of Object.keys(body)) {
    if (!findKey(queryModelProperties, key)) {
      report({
        kind: 'unknown-body-property',
        template,
        name: key,
        message: `'${key}' is not a property of QueryModel (filter, includeFields, maxRecords).`,
      })
    }
  }
  const isUserDefined = (name: string): boolean => userDefinedFields?.some((udf) => udf.toLowerCase() === name.toLowerCase()) ?? false
  const filter = readPropertyIgnoringCase(body, 'filter')
  if (filter !== undefined && !Array.isArray(filter)) {
    report({ kind: 'invalid-query-body', template, name: 'filter', message: 'QueryModel.filter must be an array of conditions.' })
  }
  const visit = (condition: unknown, location: string): void => {
    if (!isPlainObject(condition)) {
      report({ kind: 'invalid-query-body', template, message: `${location} must be a condition object ({ op, field, value, udf, items }).` })
      return
    }
    for (const key of Object.keys(condition)) {
      if (!findKey(filterProperties, key)) {
        report({
          kind: 'unknown-body-property',
          template,
          name: key,
          message: `'${key}' in ${location} is not a property of Filter (op, field, value, udf, items).`,
        })
      }
    }
    const operator = readPropertyIgnoringCase(condition, 'op')
    const known = typeof operator === 'string' ? operatorsByLowerCase.get(operator.toLowerCase()) : undefined
    if (!known) {
      report({
        kind: 'unknown-operator',
        template,
        name: String(operator),
        message: `'${String(operator)}' in ${location} is not an Autotask operator (Autotask drops the condition silently): use one of ${autotaskFilterOperators.join(', ')}.`,
      })
      return
    }
    if (known === 'and' || known === 'or') {
      const items = readPropertyIgnoringCase(condition, 'items')
      if (!Array.isArray(items)) {
        report({ kind: 'invalid-query-body', template, message: `The '${known}' group in ${location} needs an items array.` })
        return
      }
      items.forEach((item, index) => visit(item, `${location}.items[${index}]`))
      return
    }
    const field = readPropertyIgnoringCase(condition, 'field')
    if (typeof field !== 'string' || field === '') {
      report({ kind: 'invalid-query-body', template, message: `${location} has no field.` })
      return
    }
    const userDefined = readPropertyIgnoringCase(condition, 'udf') === true
    if (userDefined) {
      if (userDefinedFields && !isUserDefined(field)) {
        report({ kind: 'unknown-query-field', template, name: field, message: `'${field}' in ${location} is not a user-defined field of ${entity}.` })
      }
      return
    }
    if (!canonicalPropertyName(model, field) || field.toLowerCase() === 'userdefinedfields') {
      report({
        kind: 'unknown-query-field',
        template,
        name: field,
        message: `'${field}' in ${location} is not a field of ${entity}${isUserDefined(field) ? ` (it is a user-defined field: add "udf": true)` : ''}.`,
      })
    }
  }
  if (Array.isArray(filter)) filter.forEach((condition, index) => visit(condition, `filter[${index}]`))
  const includeFields = readPropertyIgnoringCase(body, 'includeFields')
  if (includeFields !== undefined && !Array.isArray(includeFields)) {
    report({ kind: 'invalid-query-body', template, name: 'includeFields', message: 'QueryModel.includeFields must be an array of field names.' })
  }
  if (Array.isArray(includeFields)) {
    for (const name of includeFields) {
      if (typeof name !== 'string' || (!canonicalPropertyName(model, name) && !isUserDefined(name))) {
        report({
          kind: 'unknown-query-field',
          template,
          name: String(name),
          message: `includeFields names '${String(name)}', which is not a field of ${entity}.`,
        })
      }
    }
  }
  const maxRecords = readPropertyIgnoringCase(body, 'maxRecords')
  if (maxRecords !== undefined && maxRecords !== null && !(typeof maxRecords === 'number' && Number.isInteger(maxRecords))) {
    report({ kind: 'invalid-query-body', template, name: 'maxRecords', message: 'QueryModel.maxRecords must be an integer.' })
  }
}
