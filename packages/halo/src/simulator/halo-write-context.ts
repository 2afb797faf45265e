import type { HaloSimulatorState } from './halo-simulator-state'

/** Who writes, and when. */
export interface HaloWriteContext {
  state: HaloSimulatorState
  now: number
  /** The agent the token acts as (the author of system actions). */
  agentId: number
}
