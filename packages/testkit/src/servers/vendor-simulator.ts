import type { RequestHandler } from 'msw'
import type { RecordedRequest } from './recorded-request'
import type { ServeHandlersOptions } from './serve-handlers'

/** A vendor simulator served on 127.0.0.1; vendors add their own addresses (a zone URL, a token server). */
export interface ServedVendorSimulator {
  /** Origin of the server, such as `http://127.0.0.1:40123`. */
  readonly url: string
  readonly port: number
  /** Requests served so far, oldest first (with `record`). */
  readonly requests: RecordedRequest[]
  close(): Promise<void>
}

/**
 * What every vendor simulator offers, whatever the vendor: msw handlers for in-process
 * interception, a server on 127.0.0.1, its state for assertions, the conformance suite's faults,
 * the credentials it accepts, and seeding. Each vendor's simulator extends it with its own extras.
 */
export interface VendorSimulator<Served extends ServedVendorSimulator, State, Faults, Credentials, ServeOptions = ServeHandlersOptions> {
  /** msw handlers answering any origin, for in-process interception. */
  readonly handlers: RequestHandler[]
  /** Serves the handlers on 127.0.0.1 (each call starts another server over the same state). */
  serve(options?: ServeOptions): Promise<Served>
  /** The simulated help desk's data, for assertions. */
  readonly state: State
  /** Faults to play on the next requests (the conformance suite's vocabulary). */
  readonly faults: Faults
  /** The accounts and secrets the simulator accepts. */
  readonly credentials: Credentials
  /** Creates `count` tickets whose subjects contain `marker`, directly in the store. */
  seedTickets(count: number, marker: string): Promise<void>
  /** Back to the state just after creation: seed data, no faults, an empty request log. */
  reset(): void
}
