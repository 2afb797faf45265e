/**
 * @ticketbridge/rt/simulator: an in-memory Request Tracker 5.0.3 speaking REST 1.0 and REST2,
 * as msw handlers or served on 127.0.0.1, checked against recordings of a real RT.
 */
export { createRtSimulator, type RtSimulator, type RtServedSimulator } from './rt-simulator'
export type { RtSimulatorClock, RtSimulatorCredentials, RtSimulatorOptions } from './rt-simulator-options'
export type { RtFault, RtFaults } from './rt-faults'
export type { RtDatabase } from './rt-database'
export type { RtTicket, RtTransaction, RtAttachment, RtUser, RtQueue, RtCustomField } from './rt-records'
