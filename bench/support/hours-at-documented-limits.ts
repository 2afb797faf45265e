import type { VendorConnector } from '@ticketbridge/http'

/** Requests a vendor's documented limit allows in an hour; undefined where it documents none (RT). */
function requestsPerHour(connector: VendorConnector): number | undefined {
  const limit = connector.rateLimit
  return limit ? (limit.requests / limit.windowMs) * 3_600_000 : undefined
}

/**
 * Hours a migration of `tickets` tickets takes at the vendors' documented limits, from the
 * requests per ticket each side sends: the two sides are paced by different vendors and run side
 * by side, so the slower side sets the time. Undefined where neither vendor documents a limit.
 */
export function hoursForTickets(
  tickets: number,
  source: VendorConnector,
  sourcePerTicket: number,
  target: VendorConnector,
  targetPerTicket: number,
): number | undefined {
  const sides = [
    [requestsPerHour(source), sourcePerTicket],
    [requestsPerHour(target), targetPerTicket],
  ] as const
  const paced = sides.filter((side): side is readonly [number, number] => side[0] !== undefined)
  if (paced.length === 0) return undefined
  return Math.max(...paced.map(([perHour, perTicket]) => (perTicket * tickets) / perHour))
}
