/**
 * @ticketbridge/halo/simulator: a stateful in-memory Halo (HaloPSA / HaloITSM / HaloServiceDesk)
 * written as msw handlers, also served on 127.0.0.1.
 */
export {
  createHaloSimulator,
  type HaloServeOptions,
  type HaloServedRequest,
  type HaloServedSimulator,
  type HaloSimulator,
} from './halo-simulator'
export type { HaloFault, HaloFaults } from './halo-faults'
export type { HaloSimulatorCredentials, HaloSession, HaloScopeArea } from './halo-auth'
export type { HaloSimulatorClock, HaloSimulatorOptions, HaloRateLimitOptions, HaloSimulatorCredentialOptions } from './halo-simulator-options'
export type { HaloSimulatorState, HaloWriteRecord, HaloTicketDomain, HaloAttachmentContent } from './halo-simulator-state'
export type { HaloSpecViolationRecord } from './halo-spec-enforcement'
export { HaloTable, type HaloJson } from './halo-table'
export { formatHaloDate, parseHaloDate, haloEmptyDate } from './halo-date-format'
export { haloRateLimitText } from './halo-rate-limit'
export { checkHaloRequest, type HaloRequestToCheck, type HaloSpecViolation, type HaloSpecViolationKind } from '../spec/check-halo-request'
