import { haloError } from './halo-responses'
import { customFieldValues } from './halo-custom-fields'
import { haloFieldRule } from './halo-seed-lookups'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'

/** The checks of a ticket write: int32 ids, the ticket type's mandatory fields, references that must exist. */

/** Ticket fields that hold ids Halo binds as int32 (a posted `95.0` fails to bind, halo.md §3.5). */
export const ticketIntegerFields = ['tickettype_id', 'status_id', 'priority_id', 'sla_id', 'client_id', 'site_id', 'user_id', 'agent_id', 'parent_id']

/** A number as stored, 0 for anything else. */
export function numberOrZero(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/** A label and the value as sent, for error messages. */
export function describe(label: string, value: unknown): string {
  return `${label} ${JSON.stringify(value)}`
}

/** An id field as Halo binds it to int32: an integer or integer text, else the 400 Newtonsoft gives. */
export function requireInteger(fields: HaloJson, key: string): number | undefined {
  const value = fields[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value)
  throw haloError.exception(
    `Error converting value ${JSON.stringify(value)} to type 'System.Int32'. Path '${key}'.`,
    400,
    'Newtonsoft.Json.JsonSerializationException',
  )
}

function mandatoryMessage(label: string): string {
  return `${label} is a mandatory field`
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim().length > 0 && !/^(<p>\s*<\/p>|<br\s*\/?>)$/i.test(value.trim())
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** Field rules of a ticket type: `{ fieldname, label, rule }` for each field it lists. */
export function typeFields(
  state: HaloSimulatorState,
  typeId: unknown,
): { fieldid: number; fieldname: string; label: string; rule: number; custom: boolean }[] {
  const type = state.ticketTypes.get(typeId)
  const fields = Array.isArray(type?.fields) ? (type.fields as HaloJson[]) : []
  return fields.map((field) => {
    const info = (field.fieldinfo ?? {}) as HaloJson
    return {
      fieldid: field.fieldid as number,
      fieldname: String(field.fieldname),
      label: String(info.label ?? field.fieldname),
      rule: numberOrZero(field.technew),
      custom: info.custom === 1,
    }
  })
}

/** Throws Halo's "<label> is a mandatory field" for the first mandatory field of the ticket type left empty. */
export function checkMandatoryFields(state: HaloSimulatorState, record: HaloJson): void {
  const values = new Map(customFieldValues(record).map((entry) => [entry.id, entry.value]))
  for (const field of typeFields(state, record.tickettype_id)) {
    if (field.rule !== haloFieldRule.mandatory) continue
    const value = field.custom
      ? values.get(field.fieldid)
      : field.fieldname === 'details'
        ? record.details || record.details_html
        : record[field.fieldname]
    if (!hasValue(value)) throw haloError.exception(mandatoryMessage(field.label))
  }
}

/** The priority policy of a ticket's SLA, or a 400 when the priority is not in it. */
export function findPolicy(state: HaloSimulatorState, slaId: number, priorityId: number): HaloJson | undefined {
  return state.priorities.all().find((policy) => policy.slaid === slaId && policy.priorityid === priorityId)
}

/** Checks every reference a write sets (type, status, SLA and priority, agent, client, site, user, team, parent); resolves the team name. */
export function checkReferences(state: HaloSimulatorState, fields: HaloJson, merged: HaloJson): void {
  if (fields.tickettype_id !== undefined && !state.ticketTypes.has(merged.tickettype_id)) {
    throw haloError.result(`${describe('Ticket type', merged.tickettype_id)} does not exist.`)
  }
  if (fields.status_id !== undefined && !state.statuses.has(merged.status_id))
    throw haloError.result(`${describe('Status', merged.status_id)} does not exist.`)
  if (fields.sla_id !== undefined && merged.sla_id !== 0 && !state.slas.has(merged.sla_id))
    throw haloError.result(`${describe('SLA', merged.sla_id)} does not exist.`)
  if (fields.priority_id !== undefined || fields.sla_id !== undefined) {
    if (!findPolicy(state, numberOrZero(merged.sla_id), numberOrZero(merged.priority_id))) {
      const sla = state.slas.get(merged.sla_id)
      throw haloError.result(`${describe('Priority', merged.priority_id)} is not valid for SLA '${String(sla?.name ?? merged.sla_id)}'.`)
    }
  }
  if (fields.agent_id !== undefined && merged.agent_id !== 0) {
    const agent = state.agents.get(merged.agent_id)
    if (!agent) throw haloError.result(`${describe('Agent', merged.agent_id)} does not exist.`)
    if (agent.isdisabled === true) throw haloError.result(`Agent '${String(agent.name)}' is disabled and cannot be assigned tickets.`)
  }
  if (fields.client_id !== undefined && merged.client_id !== 0 && !state.clients.has(merged.client_id))
    throw haloError.result(`${describe('Client', merged.client_id)} does not exist.`)
  if (fields.site_id !== undefined && merged.site_id !== 0) {
    const site = state.sites.get(merged.site_id)
    if (!site) throw haloError.result(`${describe('Site', merged.site_id)} does not exist.`)
    if (merged.client_id !== 0 && site.client_id !== merged.client_id)
      throw haloError.result(`Site ${String(merged.site_id)} does not belong to client ${String(merged.client_id)}.`)
  }
  if (fields.user_id !== undefined && merged.user_id !== 0) {
    const user = state.users.get(merged.user_id)
    if (!user) throw haloError.result(`${describe('User', merged.user_id)} does not exist.`)
    if (merged.site_id !== 0 && user.site_id !== merged.site_id)
      throw haloError.result(`User ${String(merged.user_id)} does not belong to site ${String(merged.site_id)}.`)
  }
  if (fields.team !== undefined && merged.team !== '') {
    const team = state.teams.all().find((candidate) => String(candidate.name).toLowerCase() === String(merged.team).toLowerCase())
    if (!team) throw haloError.result(`Team '${String(merged.team)}' does not exist.`)
    merged.team = team.name
  }
  if (fields.parent_id !== undefined && merged.parent_id !== 0) {
    if (merged.parent_id === merged.id) throw haloError.result('A ticket cannot be its own parent.')
    if (!state.tickets.has(merged.parent_id)) throw haloError.result(`${describe('Parent ticket', merged.parent_id)} does not exist.`)
  }
}
