import { checkHaloRequest, type HaloRequestToCheck, type HaloSpecViolation } from '../spec/check-halo-request'
import { formatHaloDate } from './halo-date-format'
import { haloJson } from './halo-responses'
import type { ResolvedHaloSimulatorOptions } from './halo-simulator-options'

/** A request that failed the spec check, as the simulator recorded it. */
export interface HaloSpecViolationRecord {
  method: string
  /** Path after `/api`. */
  path: string
  /** Query parameter names as sent. */
  query: string[]
  violations: HaloSpecViolation[]
  /** When, in Halo's date format. */
  at: string
}

/**
 * Checks a resource request against Halo's OpenAPI spec. Every failing request is recorded in
 * `specViolations`; in strict mode (the default) it is answered 400 with a `Message` naming each
 * violation (and the list itself under `simulator_spec_violations`), so a client bug shows up
 * where it happens instead of as Halo's silent unfiltered answer.
 */
export function enforceHaloSpec(
  simulator: { readonly options: ResolvedHaloSimulatorOptions; readonly specViolations: HaloSpecViolationRecord[] },
  request: HaloRequestToCheck & { query: URLSearchParams },
  now: number,
): Response | undefined {
  const violations = checkHaloRequest(request)
  if (violations.length === 0) return undefined
  simulator.specViolations.push({
    method: request.method.toUpperCase(),
    path: request.path,
    query: [...new Set(request.query.keys())],
    violations,
    at: formatHaloDate(now),
  })
  if (!simulator.options.strictSpec) return undefined
  return haloJson(
    {
      Message: `Not in the Halo API specification (simulator strict mode): ${violations.map((violation) => violation.message).join(' ')}`,
      simulator_spec_violations: violations,
    },
    { status: 400 },
  )
}
