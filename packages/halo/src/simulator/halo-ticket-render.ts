import { renderCustomFields } from './halo-custom-fields'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { findPolicy, numberOrZero, typeFields } from './halo-ticket-validation'

/** Tickets as Halo answers them: list rows, and single tickets with names resolved and custom fields expanded. */

/** The list row of a ticket (lists are abbreviated; halo.md §3.2). */
const rowFields = [
  'id',
  'summary',
  'details',
  'dateoccurred',
  'tickettype_id',
  'status_id',
  'priority_id',
  'sla_id',
  'client_id',
  'client_name',
  'site_id',
  'site_name',
  'user_id',
  'user_name',
  'agent_id',
  'team',
  'category_1',
  'category_2',
  'onhold',
  'hasbeenclosed',
  'respondbydate',
  'fixbydate',
  'dateclosed',
  'lastactiondate',
  'last_update',
  'parent_id',
  'third_party_id',
  'deleted',
]

/** Names Halo resolves on ticket answers. */
function ticketNames(state: HaloSimulatorState, ticket: HaloJson): HaloJson {
  const user = state.users.get(ticket.user_id)
  const policy = findPolicy(state, numberOrZero(ticket.sla_id), numberOrZero(ticket.priority_id))
  return {
    tickettype_name: state.ticketTypes.get(ticket.tickettype_id)?.name ?? '',
    status_name: state.statuses.get(ticket.status_id)?.name ?? '',
    priority_name: policy?.name ?? '',
    sla_name: state.slas.get(ticket.sla_id)?.name ?? '',
    agent_name: ticket.agent_id ? (state.agents.get(ticket.agent_id)?.name ?? '') : '',
    client_name: state.clients.get(ticket.client_id)?.name ?? '',
    site_name: state.sites.get(ticket.site_id)?.name ?? '',
    user_name: user?.name ?? '',
    user_email: user?.emailaddress ?? '',
  }
}

/** A ticket as a list row: the abbreviated field set, no custom fields or HTML. */
export function renderTicketRow(state: HaloSimulatorState, ticket: HaloJson): HaloJson {
  const full = { ...ticket, ...ticketNames(state, ticket) }
  return Object.fromEntries(rowFields.filter((field) => field in full).map((field) => [field, full[field]]))
}

/**
 * A ticket as `GET /Tickets/{id}` answers: every stored field with names resolved and custom
 * fields expanded; `includedetails=true` adds the attachments and linked assets [I].
 */
export function renderTicket(state: HaloSimulatorState, ticket: HaloJson, includeDetails: boolean): HaloJson {
  const typeCustomIds = typeFields(state, ticket.tickettype_id)
    .filter((field) => field.custom)
    .map((field) => field.fieldid)
  const rendered: HaloJson = {
    ...ticket,
    ...ticketNames(state, ticket),
    customfields: renderCustomFields(state, ticket.customfields, 1, typeCustomIds),
  }
  if (includeDetails) {
    rendered.attachments = state.attachments
      .all()
      .filter((attachment) => attachment.ticket_id === ticket.id)
      .map((attachment) => ({ ...attachment }))
    const assetIds = Array.isArray(ticket.assets) ? (ticket.assets as HaloJson[]).map((asset) => asset.id) : []
    rendered.assets = assetIds.map((assetId) => state.assets.get(assetId)).filter((asset) => asset !== undefined)
    // An array of ids, as the spec's Faults declares it.
    rendered.child_ticket_ids = state.tickets
      .all()
      .filter((child) => child.parent_id === ticket.id && child.deleted !== true)
      .map((child) => child.id)
  }
  return rendered
}
