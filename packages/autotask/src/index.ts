/**
 * @ticketbridge/autotask: the native Autotask PSA REST client (`AutotaskClient`, vendor field
 * names, every entity of the spec) and the TicketingAdapter over it (`createAutotaskAdapter`).
 * The simulator is a separate entry: `@ticketbridge/autotask/simulator`.
 */
export { AutotaskClient, type AutotaskRawRequest } from './client/autotask-client'
export {
  type AutotaskClientSettings,
  autotaskThreadLimit,
  defaultAttachmentMaxBytes,
  defaultHourlyRequestLimit,
  defaultZoneDiscoveryUrl,
} from './client/autotask-client-settings'
export { AutotaskEntity, type AutotaskUpdate, type AutotaskWrite, type AutotaskWriteOptions } from './client/autotask-entity'
export {
  type AutotaskComparisonOperator,
  type AutotaskExistenceOperator,
  type AutotaskFilter,
  autotaskFilter,
  type AutotaskFilterOperator,
  type AutotaskFilterValue,
  type AutotaskGroupOperator,
  type AutotaskListOperator,
  type AutotaskTextOperator,
  maximumOrConditions,
} from './client/autotask-filter'
export {
  type AutotaskListOptions,
  type AutotaskPagingMode,
  type AutotaskQuery,
  type AutotaskQueryPage,
  type AutotaskRecord,
  autotaskPageSizeLimit,
} from './client/autotask-query'
export { type AutotaskMetadataOptions, AutotaskMetadata, type AutotaskPicklist } from './client/autotask-metadata'
export type {
  AutotaskEntityInformation,
  AutotaskField,
  AutotaskPageDetails,
  AutotaskPicklistValue,
  AutotaskThresholdInformation,
} from './client/autotask-schemas'
export { type AutotaskNoteInput, type AutotaskTicket, type AutotaskTicketNote, AutotaskTicketNotes, AutotaskTickets } from './client/autotask-tickets'
export {
  type AutotaskAttachmentUpload,
  AutotaskAttachments,
  type AutotaskDownloadedAttachment,
  type AutotaskTicketAttachment,
  type AutotaskTicketNoteAttachment,
} from './client/autotask-attachments'
export type { AutotaskBatchOptions, AutotaskBatchResult } from './client/autotask-batch'
export type { AutotaskZone } from './client/autotask-zone'
export { classifyAutotaskMessages, createAutotaskErrorClassifier, readAutotaskErrors, type AutotaskErrorKind } from './client/autotask-classify-error'
export type {
  AutotaskChildOperation,
  AutotaskEntityModels,
  AutotaskEntityName,
  AutotaskEntityRoute,
  AutotaskRootOperation,
} from './generated/autotask-entities'
export { autotaskEntityRoutes } from './generated/autotask-entities'
export type { components as AutotaskComponents } from './generated/autotask-openapi'

export { type AutotaskAdapter, createAutotaskAdapter } from './adapter/autotask-adapter'
export type { AutotaskAdapterSettings } from './adapter/autotask-adapter-settings'
export { autotaskCapabilities } from './adapter/autotask-capabilities'
export { autotaskRateLimit, autotaskRateLimitSource, createAutotaskDriver } from './adapter/autotask-driver'

// Every error class, so callers catch by class without importing core.
export * from '@ticketbridge/core/errors'
