/**
 * `@ticketbridge/testkit/servers`: serving msw handlers on 127.0.0.1, msw interception with a
 * request log, and a fault-injecting proxy. No test runner needed: simulators use this at run time.
 */
export { serveHandlers, type ServedHandlers, type ServeHandlersOptions } from './serve-handlers'
export { createMockServer, type MockServer } from './create-mock-server'
export { createFaultProxy, type FaultProxy, type ProxyFault, type ProxyFaults } from './create-fault-proxy'
export type { RecordedRequest } from './recorded-request'
export type { ConformanceFault, ConformanceFaults } from '../conformance/conformance-harness'
export { createFaultQueue, type FaultQueue, type FaultScope } from './create-fault-queue'
export type { ServedVendorSimulator, VendorSimulator } from './vendor-simulator'
export { createSeededRandom, type SeededRandom } from './create-seeded-random'
