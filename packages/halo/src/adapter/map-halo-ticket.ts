import { type CustomFieldValue, htmlToText, type Reference, type Ticket, type TicketPriority, type TicketStatus } from '@ticketbridge/core'
import type { HaloTicket } from '../client/resources/halo-tickets'
import type { HaloCustomFieldValue } from '../client/halo-schema-fields'
import { fromHaloDate, latestHaloDate, parseHaloInstant } from './halo-dates'
import { readExternalIdMarker, stripExternalIdMarker } from './halo-external-id'
import type { HaloNamedEntry, HaloPriorityEntry, HaloStatusEntry, HaloTicketFieldEntry } from './halo-instance-lookups'
import { mapHaloStatusCategory } from './map-halo-status-category'

/** What mapping a ticket needs from the instance. */
export interface HaloTicketMappingContext {
  statuses: readonly HaloStatusEntry[]
  priorities: readonly HaloPriorityEntry[]
  teams: readonly HaloNamedEntry[]
  ticketFields?: readonly HaloTicketFieldEntry[]
  externalId: { storage: 'marker' } | { storage: 'custom-field'; field: string }
}

/** Agents and end users share no id space: agents are `agent:<id>`, end users their plain id. */
export function agentReferenceId(agentId: number | string): string {
  return `agent:${agentId}`
}

const epoch = new Date(0).toISOString()

function isSet(id: number | null | undefined): id is number {
  return typeof id === 'number' && Number.isFinite(id) && id > 0
}

function textOrUndefined(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** A custom field value as the common model holds it: select fields by their label. */
function readHaloCustomFieldValue(field: HaloCustomFieldValue, definition: HaloTicketFieldEntry | undefined): CustomFieldValue {
  const type = definition?.type ?? field.type ?? undefined
  const display = textOrUndefined(field.display)
  if (type === 2) return display ?? (field.value === undefined || field.value === null ? null : String(field.value))
  if (type === 3) {
    if (display !== undefined) return display.split(/\s*,\s*/).filter(Boolean)
    if (Array.isArray(field.value)) return field.value.map(String)
  }
  const value = field.value
  // Date fields hold Halo's zone-less UTC: given out as every timestamp is, ISO UTC with `Z`.
  if (type === 4 && typeof value === 'string' && parseHaloInstant(value) !== undefined) return fromHaloDate(value) ?? null
  if (value === undefined || value === null) return display ?? null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (Array.isArray(value))
    return value.map((item) =>
      typeof item === 'object' && item !== null ? String((item as { name?: unknown }).name ?? JSON.stringify(item)) : String(item),
    )
  return display ?? JSON.stringify(value)
}

/**
 * A Halo ticket in the common model. Status categories and priority levels come from the
 * instance's lookups; dates become ISO UTC with `Z` and sentinels become absent; the
 * external-id marker is lifted out of the description.
 */
export function mapHaloTicket(row: HaloTicket, context: HaloTicketMappingContext): Ticket {
  const statusEntry = isSet(row.status_id) ? context.statuses.find((status) => status.id === String(row.status_id)) : undefined
  const statusName = statusEntry?.name ?? textOrUndefined(row.status_name) ?? (isSet(row.status_id) ? String(row.status_id) : 'Unknown')
  const status: TicketStatus = {
    category:
      statusEntry?.category ??
      mapHaloStatusCategory({ id: String(row.status_id ?? ''), name: statusName, ...(row.hasbeenclosed ? { closed: true } : {}) }),
    ...(isSet(row.status_id) ? { id: String(row.status_id) } : {}),
    name: statusName,
  }

  const priorityEntry = isSet(row.priority_id) ? context.priorities.find((priority) => priority.id === String(row.priority_id)) : undefined
  const priorityName = priorityEntry?.name ?? textOrUndefined(row.priority_name)
  const priority: TicketPriority = {
    level: priorityEntry?.level ?? 'normal',
    ...(isSet(row.priority_id) ? { id: String(row.priority_id) } : {}),
    ...(priorityName !== undefined ? { name: priorityName } : {}),
  }

  const detailsHtml = stripExternalIdMarker(textOrUndefined(row.details_html), 'html')
  const detailsText = stripExternalIdMarker(textOrUndefined(row.details), 'text')
  const description = {
    text: detailsText ?? (detailsHtml !== undefined ? htmlToText(detailsHtml) : ''),
    ...(detailsHtml !== undefined && detailsHtml.trim() !== '' ? { html: detailsHtml } : {}),
  }

  // Tickets name their team (the queue) by name; newer builds add team_id.
  const teamName = textOrUndefined(row.team)
  const teamEntry = isSet(row.team_id)
    ? context.teams.find((team) => team.id === String(row.team_id))
    : teamName !== undefined
      ? context.teams.find((team) => team.name.toLowerCase() === teamName.toLowerCase())
      : undefined
  const team: Reference | undefined = teamEntry
    ? { id: teamEntry.id, name: teamEntry.name }
    : isSet(row.team_id)
      ? { id: String(row.team_id), ...(teamName !== undefined ? { name: teamName } : {}) }
      : undefined

  const customFields: Record<string, CustomFieldValue> = {}
  for (const field of row.customfields ?? []) {
    const key = textOrUndefined(field.name) ?? (field.id !== undefined && field.id !== null ? String(field.id) : undefined)
    if (key === undefined) continue
    customFields[key] = readHaloCustomFieldValue(
      field,
      context.ticketFields?.find((entry) => entry.definition.key === key),
    )
  }

  const externalId =
    context.externalId.storage === 'marker'
      ? readExternalIdMarker(row)
      : (() => {
          const field = context.externalId.field
          const value = customFields[field]
          return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined
        })()

  const createdAt = fromHaloDate(row.dateoccurred) ?? fromHaloDate(row.datecreated) ?? latestHaloDate(row.last_update, row.lastactiondate) ?? epoch
  // The latest of Halo's stamps: whether an action moves `last_update` is inferred, not documented
  // (halo.md), and a `since` that missed a ticket whose only change is a reply would lose it.
  const updatedAt = latestHaloDate(row.last_update, row.lastactiondate, row.dateoccurred, row.datecreated) ?? createdAt
  const closedDate = fromHaloDate(row.dateclosed)
  const dueAt = fromHaloDate(row.deadlinedate) ?? fromHaloDate(row.fixbydate)

  return {
    id: String(row.id),
    vendor: 'halo',
    raw: row,
    subject: row.summary ?? '',
    description,
    status,
    priority,
    ...(team ? { queue: team, team } : {}),
    ...(isSet(row.tickettype_id)
      ? { type: { id: String(row.tickettype_id), ...(textOrUndefined(row.tickettype_name) ? { name: row.tickettype_name! } : {}) } }
      : {}),
    ...(isSet(row.user_id)
      ? {
          requester: {
            id: String(row.user_id),
            ...(textOrUndefined(row.user_name) ? { name: row.user_name! } : {}),
            ...(textOrUndefined(row.user_email) ? { email: row.user_email! } : {}),
          },
        }
      : {}),
    ...(isSet(row.agent_id)
      ? { assignee: { id: agentReferenceId(row.agent_id), ...(textOrUndefined(row.agent_name) ? { name: row.agent_name! } : {}) } }
      : {}),
    ...(isSet(row.client_id)
      ? { organization: { id: String(row.client_id), ...(textOrUndefined(row.client_name) ? { name: row.client_name! } : {}) } }
      : {}),
    tags: (row.tags ?? []).flatMap((tag) => (textOrUndefined(tag.text) ? [tag.text!] : [])),
    customFields,
    createdAt,
    updatedAt,
    ...(dueAt !== undefined ? { dueAt } : {}),
    ...(closedDate !== undefined && (status.category === 'resolved' || status.category === 'closed') ? { resolvedAt: closedDate } : {}),
    ...(closedDate !== undefined && status.category === 'closed' ? { closedAt: closedDate } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
  }
}
