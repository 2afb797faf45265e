/**
 * @ticketbridge/halo: HaloPSA, HaloITSM and HaloServiceDesk for ticketbridge. The native client
 * (`HaloClient`: Halo's own field names, every resource, typed raw calls for the whole spec) and
 * the TicketingAdapter over it (`createHaloAdapter`, core's runtime over `createHaloDriver`). The
 * simulator is at `@ticketbridge/halo/simulator`, the connector (for the CLI, the bench and tests)
 * at `@ticketbridge/halo/connector`.
 */
export { HaloClient, haloDefaultRateLimit } from './client/halo-client'
export type { HaloClientSettings, HaloGrant } from './client/halo-client-settings'
export type { HaloTokenEndpoint } from './client/halo-authentication'
export type { HaloAuthorizationStart } from './client/halo-authorization-code'
export { HaloCollection, haloPageSizeLimit, type HaloCallOptions, type HaloPage } from './client/halo-collection'
export type { HaloRawOptions } from './client/halo-raw-api'
export type {
  HaloBodyOf,
  HaloListQuery,
  HaloMethod,
  HaloPath,
  HaloPathParametersOf,
  HaloPathWith,
  HaloQueryOf,
  HaloRawAnswer,
  HaloResponseOf,
  HaloSchema,
  HaloWritable,
} from './client/halo-openapi-types'
export type { paths as HaloPaths, components as HaloComponents } from './generated/halo-openapi'
export type { HaloResponses, HaloUpserted, HaloWrappedList } from './generated/halo-responses'
export { defaultRateLimitDelayMs, parseHaloValidationIssues } from './client/halo-classify-error'
export type { HaloCustomFieldValue } from './client/halo-schema-fields'

export { HaloTickets, haloTicketSchema, type HaloTicket, type HaloTicketInput, type HaloTicketQuery } from './client/resources/halo-tickets'
export { HaloProjects } from './client/resources/halo-projects'
export {
  HaloActions,
  haloActionSchema,
  type HaloAction,
  type HaloActionInput,
  type HaloActionQuery,
  type HaloEmailInput,
  type HaloNoteInput,
} from './client/resources/halo-actions'
export {
  HaloAttachments,
  haloAttachmentSchema,
  type HaloAttachment,
  type HaloAttachmentQuery,
  type HaloAttachmentUpload,
} from './client/resources/halo-attachments'
export { HaloTimeEntries, type HaloTimeEntryInput } from './client/resources/halo-time-entries'
export { HaloTicketTypes, haloTicketTypeSchema, type HaloTicketType, type HaloTicketTypeField } from './client/resources/halo-ticket-types'
export { HaloStatuses, haloStatusSchema, type HaloStatus } from './client/resources/halo-statuses'
export { HaloPriorities, haloPrioritySchema, type HaloPriority } from './client/resources/halo-priorities'
export { HaloSlas, haloSlaSchema, type HaloSla } from './client/resources/halo-slas'
export { HaloOutcomes, haloOutcomeSchema, type HaloOutcome } from './client/resources/halo-outcomes'
export { HaloCategories, haloCategorySchema, type HaloCategory } from './client/resources/halo-categories'
export { HaloCustomFields, haloFieldInfoSchema, type HaloFieldInfo } from './client/resources/halo-custom-fields'
export { HaloLookups, haloLookupSchema, type HaloLookup } from './client/resources/halo-lookups'
export { HaloUsers, haloUserSchema, type HaloUser } from './client/resources/halo-users'
export { HaloClients, haloClientSchema, type HaloClientRecord } from './client/resources/halo-clients'
export { HaloSites, haloSiteSchema, type HaloSite } from './client/resources/halo-sites'
export { HaloAgents, haloAgentSchema, type HaloAgent } from './client/resources/halo-agents'
export { HaloTeams, haloTeamSchema, type HaloTeam } from './client/resources/halo-teams'
export { HaloAssets, haloAssetSchema, type HaloAsset } from './client/resources/halo-assets'
export { HaloKnowledgeBase, haloArticleSchema, type HaloArticle } from './client/resources/halo-knowledge-base'

export { createHaloAdapter, type HaloAdapter } from './adapter/halo-adapter'
export { createHaloDriver } from './adapter/halo-driver'
export {
  resolveHaloAdapterSettings,
  type HaloAdapterOptions,
  type HaloAdapterSettings,
  type ResolvedHaloAdapterOptions,
  type ResolvedHaloAdapterSettings,
} from './adapter/halo-adapter-settings'
export { haloCapabilities, haloUnsupportedReasons } from './adapter/halo-capabilities'
export { haloDocumentedRateLimit } from './adapter/halo-rate-limit'
export { fromHaloDate, toHaloDate } from './adapter/halo-dates'

// Every error class, so callers catch by class without importing core.
export * from '@ticketbridge/core/errors'
