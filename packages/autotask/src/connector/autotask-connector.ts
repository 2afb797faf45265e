import type { DocumentedRateLimit } from '@ticketbridge/core'
import type { ApiMinimum, RequestCost, VendorConnector } from '@ticketbridge/http'
import { createAutotaskAdapter } from '../adapter/autotask-adapter'
import { autotaskRateLimitSource } from '../adapter/autotask-driver'
import { defaultHourlyRequestLimit } from '../client/autotask-client-settings'
import type { AutotaskSimulator } from '../simulator/autotask-simulator'
import { autotaskAdapterSettingsOf, autotaskConnectorSettings } from './autotask-connector-settings'
import { startAutotaskSimulator } from './autotask-connector-simulator'

/** Autotask's documented limit: 10,000 requests per rolling hour per database (autotask.md §15). */
export const autotaskDocumentedRateLimit: DocumentedRateLimit = {
  requests: defaultHourlyRequestLimit,
  windowMs: 3_600_000,
  source: autotaskRateLimitSource,
}

/**
 * How a request counts, by its address. Zone discovery is exempt from Autotask's limits
 * (autotask.md §3, §16); zone, threshold, metadata, companies, contacts, resources and roles
 * are the fixed cost of a run.
 */
export function autotaskRequestCost(url: string): RequestCost {
  return {
    rateLimited: !/\/ZoneInformation/i.test(url),
    fixedCost: /\/(ZoneInformation|ThresholdInformation|Companies|Contacts|Resources|ResourceRoles|Roles)(\/|\?|$)|\/entityInformation/i.test(url),
  }
}

/** The fewest requests Autotask's documented API needs to read and to write a help desk (autotask.md section numbers). */
export const autotaskApiMinimum: ApiMinimum = {
  read: ({ tickets, comments, files }) =>
    // POST /Tickets/query answers 500 rows a page (autotask.md §7).
    Math.ceil(tickets / 500) +
    // POST /TicketNotes/query with `ticketID in [≤500 ids]` (autotask.md §6: `in`, at most 500 conditions; §10), 500 rows a page.
    Math.max(Math.ceil(tickets / 500), Math.ceil(comments / 500)) +
    // POST /AttachmentInfo/query by ticketID covers ticket and note files alike (autotask.md §11).
    Math.max(Math.ceil(tickets / 500), Math.ceil(files / 500)) +
    // POST /TimeEntries/query with `ticketID in […]` (autotask.md §5, §6).
    Math.ceil(tickets / 500) +
    // GET /Tickets/{id}/Attachments/{id}: only the parent-child GET returns `data`, one file each (autotask.md §11).
    files,
  write: ({ tickets, comments, files }) =>
    // POST /Tickets creates one entity and answers `{itemId}`: no array form (autotask.md §5, §8); created in its final status.
    tickets +
    // POST /Tickets/{id}/Notes, one note each (autotask.md §10).
    comments +
    // POST /Tickets/{id}/Attachments (or /TicketNotes/{id}/Attachments) with base64 `data`, one file each (autotask.md §11).
    files,
}

/** What the CLI, the bench and the tests know of Autotask: `@ticketbridge/autotask/connector`. */
export const autotaskConnector: VendorConnector<AutotaskSimulator> = {
  vendor: 'autotask',
  title: 'Autotask',
  settings: autotaskConnectorSettings,
  rateLimit: autotaskDocumentedRateLimit,
  createAdapter: (settings, options) => createAutotaskAdapter(autotaskAdapterSettingsOf(settings, options)),
  // An API user belongs to one database: its name says which.
  instanceOf: (settings) => (settings.username ?? '').toLowerCase(),
  startSimulator: startAutotaskSimulator,
  requestCost: autotaskRequestCost,
  apiMinimum: autotaskApiMinimum,
}
