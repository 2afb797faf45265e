import { type AdapterWarning, type CallOptions, type CheckedTicketCreate, type CheckedTicketUpdate, textToHtml } from '@ticketbridge/core'
import type { HaloTicket, HaloTicketInput } from '../client/resources/halo-tickets'
import { toHaloDate } from './halo-dates'
import { appendExternalIdMarker, readExternalIdMarker, stripExternalIdMarker } from './halo-external-id'
import type { HaloInputResolver } from './halo-input-resolver'
import { haloInlineFiles } from './halo-inline-files'

/** A checked create or update input. */
export type CheckedTicketInput = CheckedTicketCreate | CheckedTicketUpdate

/** What building a payload needs. */
export interface TicketPayloadContext {
  resolver: HaloInputResolver
  externalId: { storage: 'marker' } | { storage: 'custom-field'; field: string }
  /** Default ticket type of new tickets. */
  ticketTypeId?: number
  /** The ticket as Halo holds it now (updates). */
  existing?: HaloTicket
  callOptions: CallOptions
  warnings: AdapterWarning[]
}

/**
 * The Halo fields of a create or update, with Halo's names: `summary`, `details` and
 * `details_html`, `tickettype_id`, `status_id`, `priority_id`, `team` (the team's name),
 * `user_id` with that user's `site_id`, `agent_id`, `client_id`, `tags`, `customfields`,
 * `deadlinedate`. Selectors are resolved against the instance; the external id goes where
 * the settings say. Values Halo cannot take are warnings, never silently dropped.
 */
export async function buildHaloTicketPayload(input: CheckedTicketInput, context: TicketPayloadContext): Promise<HaloTicketInput> {
  const { resolver, callOptions, warnings, existing } = context
  const payload: HaloTicketInput = {}
  if (input.subject !== undefined) payload.summary = input.subject

  // The description, with the external-id marker kept at its end.
  const markerId = context.externalId.storage === 'marker' ? (input.externalId ?? (existing ? readExternalIdMarker(existing) : undefined)) : undefined
  if (input.description !== undefined) {
    const text = input.description.text
    const html = input.description.html
    payload.details = markerId !== undefined ? appendExternalIdMarker(text, markerId, 'text') : text
    // An update without HTML replaces the old HTML too, or Halo would keep showing it.
    const newHtml = html ?? (existing?.details_html ? textToHtml(text) : undefined)
    if (newHtml !== undefined) payload.details_html = markerId !== undefined ? appendExternalIdMarker(newHtml, markerId, 'html') : newHtml
  } else if (input.externalId !== undefined && context.externalId.storage === 'marker') {
    // Only the external id changes: rewrite the current details with the new marker.
    const currentText = stripExternalIdMarker(existing?.details ?? '', 'text') ?? ''
    payload.details = appendExternalIdMarker(currentText, input.externalId, 'text')
    if (existing?.details_html) payload.details_html = appendExternalIdMarker(existing.details_html, input.externalId, 'html')
  }

  if (input.status) payload.status_id = Number((await resolver.status(input.status, 'status', callOptions)).id)
  if (input.priority) payload.priority_id = Number((await resolver.priority(input.priority, 'priority', callOptions)).id)
  if (input.type) payload.tickettype_id = Number((await resolver.ticketType(input.type, 'type', callOptions)).id)
  else if (existing === undefined && context.ticketTypeId !== undefined) payload.tickettype_id = context.ticketTypeId

  // Halo has one team per ticket; queue and team both name it.
  if (input.queue && input.team && JSON.stringify(input.queue) !== JSON.stringify(input.team)) {
    warnings.push({ type: 'substituted', field: 'team', message: 'Halo keeps one team per ticket; the queue was used and team left out.' })
  }
  const teamSelector = input.queue ?? input.team
  if (teamSelector) payload.team = (await resolver.team(teamSelector, input.queue ? 'queue' : 'team', callOptions)).name

  let requesterClientWins = false
  if (input.requester) {
    const user = await resolver.endUser(input.requester, 'requester', callOptions)
    payload.user_id = Number(user.id)
    const organizationId = input.organization ? await resolver.clientId(input.organization, 'organization', callOptions) : undefined
    // Halo wants the user's site beside a specific user (halo.md §4.1), and a site belongs to one
    // client: a ticket's client is its user's. A requester Halo keeps under another client (the
    // same person in two merged help desks) keeps the ticket, under that client, with a warning.
    const siteId = user.site_id_int ?? user.site_id
    const userClientId = typeof user.client_id === 'number' && user.client_id > 0 ? user.client_id : undefined
    requesterClientWins = organizationId !== undefined && userClientId !== undefined && userClientId !== organizationId
    if (requesterClientWins) {
      warnings.push({
        type: 'substituted',
        field: 'organization',
        message: `The requester is kept under another client in Halo (client ${userClientId}), and Halo ties a ticket to its user's site: the ticket is under that client.`,
      })
    }
    if (typeof siteId === 'number' && siteId > 0) payload.site_id = Math.trunc(siteId)
    if ((organizationId === undefined || requesterClientWins) && userClientId !== undefined) payload.client_id = userClientId
  }
  if (input.assignee) payload.agent_id = await resolver.agentId(input.assignee, 'assignee', callOptions)
  if (input.organization && !requesterClientWins) payload.client_id = await resolver.clientId(input.organization, 'organization', callOptions)
  if (input.tags) payload.tags = input.tags.map((text) => ({ text }))
  if (input.dueAt !== undefined) payload.deadlinedate = toHaloDate(input.dueAt)

  const customFields = await resolver.customFields(input.customFields ?? {}, warnings, callOptions)
  if (input.externalId !== undefined && context.externalId.storage === 'custom-field') {
    customFields.push({ name: context.externalId.field, value: input.externalId })
  }
  if (customFields.length > 0) payload.customfields = customFields as HaloTicketInput['customfields']

  if (input.createdAt !== undefined) {
    warnings.push({
      type: 'unsupported',
      field: 'createdAt',
      message:
        'Halo does not document writing a ticket’s creation time through the API; the ticket carries the time it was created. Send vendorOptions.halo.dateoccurred to try it.',
    })
  }
  // Files ride inside the ticket (swagger `Faults.attachments`): creates only.
  const files = 'attachments' in input ? input.attachments : undefined
  if (files?.length) Object.assign(payload, { attachments: haloInlineFiles(files) })
  const vendorFields = input.vendorOptions?.halo
  if (vendorFields) Object.assign(payload, vendorFields)
  return payload
}
