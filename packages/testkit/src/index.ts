/**
 * @ticketbridge/testkit: the conformance suite every TicketingAdapter runs, and helpers to test
 * adapters against simulators (msw interception, or msw handlers served on 127.0.0.1).
 */
export { describeTicketingAdapter } from './conformance/describe-ticketing-adapter'
export type {
  ConformanceContext,
  ConformanceFault,
  ConformanceFaults,
  ConformanceHarness,
  ConformanceOptions,
} from './conformance/conformance-harness'
export { expectRejection, type ErrorClassLike } from './conformance/catch-error'
export { renderError } from './conformance/cases/secret-cases'
export { testBytes } from './conformance/cases/attachment-cases'
export { serveHandlers, type ServedHandlers, type ServeHandlersOptions } from './servers/serve-handlers'
export { createMockServer, type MockServer } from './servers/create-mock-server'
export type { RecordedRequest } from './servers/recorded-request'
export { createFaultProxy, type FaultProxy } from './servers/create-fault-proxy'
export { captureLogs, type CapturedLogs } from './logs/capture-logs'
export {
  daylightSavingChanges,
  daylightSavingInstants,
  instantAfter,
  useMachineTimeZone,
} from './time-zones/daylight-saving-instants'
