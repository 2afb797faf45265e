/**
 * @ticketbridge/autotask/simulator: a stateful fake of the Autotask PSA REST API, written once
 * as msw handlers (any origin) and also served on 127.0.0.1, with the vendor's spec check.
 */
export {
  createAutotaskSimulator,
  type AutotaskServeOptions,
  type AutotaskServedRequest,
  type AutotaskServedSimulator,
  type AutotaskSimulator,
} from './autotask-simulator'
export {
  apiUserResourceId,
  defaultAutotaskCredentials,
  type AutotaskSimulatorOptions,
} from './autotask-simulator-options'
export type { AutotaskSimulatorCredentials, AutotaskSimulatorUser } from './autotask-auth'
export type { AutotaskSimulatorFault, AutotaskSimulatorFaults } from './autotask-faults'
export type { AutotaskThresholdInformation } from './autotask-metadata-handlers'
export type { AutotaskZoneInformation } from './autotask-zone'
export type { AutotaskSimulatorClock } from './autotask-request-limits'
export { AutotaskSimulatorState, type AutotaskRecord, type AutotaskUserDefinedFieldValue } from './autotask-simulator-state'
export type { AutotaskPicklistValue } from './autotask-picklists'
export { autotaskFilterOperators } from '../spec/autotask-filter-operators'
export type { AutotaskUserDefinedField } from './autotask-user-defined-fields'
export { formatAutotaskDate } from './autotask-date'
export {
  checkAutotaskRequest,
  type AutotaskRequestToCheck,
  type AutotaskSpecViolation,
  type AutotaskSpecViolationKind,
} from '../spec/check-autotask-request'
export { autotaskSpecIndex, matchAutotaskPath, type AutotaskSpecIndex, type AutotaskSpecPath } from '../spec/autotask-spec-index'
