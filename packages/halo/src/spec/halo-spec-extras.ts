import type { HaloSpecMethod } from './halo-spec-index'

/** A query parameter real Halo needs that the spec we hold does not declare. */
export interface HaloSpecExtraQueryParameter {
  method: HaloSpecMethod
  /** Path template as the spec spells it. */
  template: string
  name: string
  /** Why it is allowed although the spec lacks it, with the source from `shared/reference/halo.md`. */
  reason: string
}

/**
 * The few query parameters the request check accepts beyond the spec, each one documented in
 * practice. Keep this list short: every entry is a place where we trust practitioners over the
 * vendor's own document.
 */
export const haloSpecExtraQueryParameters: readonly HaloSpecExtraQueryParameter[] = [
  {
    method: 'delete',
    template: '/Actions/{id}',
    name: 'ticket_id',
    reason:
      'Action ids are a per-ticket sequence, so deleting one needs its ticket; the spec lists only the id (halo.md §4.2, homotechsual/HaloAPI Remove-HaloAction).',
  },
]
