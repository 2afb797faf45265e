/**
 * @ticketbridge/rt: Request Tracker for ticketbridge.
 *
 * - `RtClient`: RT's two REST interfaces, `client.rest2` (REST2, RT 5) and `client.rest1`
 *   (REST 1.0, every RT), with token, basic and session authentication.
 * - `createRtAdapter`: the vendor-neutral `TicketingAdapter` over it (`adapter.client` is the
 *   `RtClient`): `createRtDriver` over an RT port (`createRtRest2Port`, `createRtRest1Port`), run
 *   by core's `createTicketingAdapter`.
 *
 * The RT simulator and the connector are separate entry points: `@ticketbridge/rt/simulator`,
 * `@ticketbridge/rt/connector`.
 */
export { RtClient, normaliseRtBaseUrl } from './client/rt-client'
export type { RtAuth, RtClientSettings, RtPasswordAuth, RtTokenAuth } from './client/rt-client-settings'
export type { RtUpload } from './client/rt-upload'
export { encodeMultipart, type MultipartFilePart, type MultipartTextPart } from './client/rt-multipart'
export * from './client/rest2/index'
export * from './client/rest1/index'

export { createRtAdapter, type RtAdapter } from './adapter/rt-adapter'
export type { RtAdapterSettings } from './adapter/rt-adapter-settings'
export { createRtDriver } from './adapter/rt-driver'
export type { RtDriverSettings } from './adapter/rt-driver-context'
export type { RtPort, RtTransactionKind } from './adapter/port/rt-port'
export { createRtRest1Port } from './adapter/port/rt-rest1-port'
export { createRtRest2Port } from './adapter/port/rt-rest2-port'
export { rtCapabilities } from './adapter/rt-capabilities'
export { defaultRtLifecycleStatuses, RtLifecycles, shippedRtLifecycles, type RtLifecycleStatuses } from './adapter/rt-lifecycles'
export { defaultRtPriorityBands, RtPriorities, type RtPriorityBand } from './adapter/rt-priorities'
export { buildTicketSql, ticketSqlDate, ticketSqlString } from './adapter/rt-ticket-sql'

// Every error class, so callers catch by class without importing core.
export * from '@ticketbridge/core/errors'
