import type { TicketingAdapter } from '@ticketbridge/core'
import type { VendorConnector } from '@ticketbridge/http'

/** How one check ended. `not checked` is no failure: the doctor says why it could not look. */
export type DoctorOutcome = 'ok' | 'failed' | 'not checked'

/** One row of the doctor's table. */
export interface DoctorCheck {
  check: string
  outcome: DoctorOutcome
  /** What was found, in a few words. */
  detail: string
  /** What to do about it (failed and not-checked rows). */
  advice?: string
}

/** What a vendor's own checks get: the adapter (its native client inside), the settings, and a ticket to look at. */
export interface VendorDoctorContext {
  connector: VendorConnector
  adapter: TicketingAdapter
  settings: Record<string, string>
  /** A ticket the read check found, for checks that look at one. */
  sampleTicketId?: string
}

/**
 * A vendor's own checks beyond the neutral ones: above all whether the API user may write,
 * learnt without writing. Each vendor file exports one.
 */
export type VendorDoctorChecks = (context: VendorDoctorContext) => Promise<DoctorCheck[]>

/** An error's message, which the transports have already cleared of secrets. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
