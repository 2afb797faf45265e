import { matchAutotaskPath, splitAutotaskTarget, type AutotaskPathMatch } from '../spec/autotask-spec-index'
import { checkAutotaskRequest, type AutotaskSpecViolation } from '../spec/check-autotask-request'
import { autotaskErrors, methodNotAllowed, routeNotFound } from './autotask-responses'

/** A request checked against the spec: its route (when it has one) and what departs from the spec. */
export interface AutotaskInspectedRequest {
  route?: AutotaskPathMatch
  violations: AutotaskSpecViolation[]
}

/** Matches the request to the spec and lists its violations (see {@link checkAutotaskRequest}). */
export function inspectAutotaskRequest(input: {
  url: URL
  method: string
  body: unknown
  userDefinedFields: (entity: string) => string[]
}): AutotaskInspectedRequest {
  const target = splitAutotaskTarget(input.url.href)
  const route = matchAutotaskPath(target.path)
  const violations = checkAutotaskRequest({
    method: input.method,
    path: input.url.href,
    body: input.body,
    ...(route?.spec.entity ? { userDefinedFields: input.userDefinedFields(route.spec.entity) } : {}),
  })
  return { ...(route ? { route } : {}), violations }
}

/**
 * The answer to a request that departs from the spec, if it is refused:
 * - always, as Autotask (ASP.NET routing) refuses them: an unknown path (404) or verb (405);
 * - in strict mode only (Autotask itself would ignore them, which hides client bugs): unknown
 *   query parameters (400), unknown body properties and unknown filter operators (500,
 *   Autotask's validation status, with Autotask's `{"errors": [...]}` body).
 * Unknown filter and include fields are refused by the query handler with Autotask's own message.
 */
export function refuseAutotaskRequest(
  inspected: AutotaskInspectedRequest,
  input: { url: URL; method: string; strict: boolean },
): Response | undefined {
  const { violations, route } = inspected
  if (!route || violations.some((violation) => violation.kind === 'unknown-path')) return routeNotFound(input.url)
  if (violations.some((violation) => violation.kind === 'unknown-method')) {
    return methodNotAllowed(
      input.method,
      Object.keys(route.spec.methods).map((method) => method.toUpperCase()),
    )
  }
  if (!input.strict) return undefined
  const prefix = 'The Autotask simulator (strictSpec) refuses a request outside the Autotask REST spec: '
  const parameters = violations.filter((violation) => violation.kind === 'unknown-query-parameter')
  if (parameters.length > 0)
    return autotaskErrors(
      400,
      parameters.map((violation) => prefix + violation.message),
    )
  const body = violations.filter((violation) => violation.kind === 'unknown-body-property' || violation.kind === 'unknown-operator')
  if (body.length > 0)
    return autotaskErrors(
      500,
      body.map((violation) => prefix + violation.message),
    )
  return undefined
}
