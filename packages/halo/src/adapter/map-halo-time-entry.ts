import { htmlToText, type TimeEntry } from '@ticketbridge/core'
import type { HaloAction } from '../client/resources/halo-actions'
import { fromHaloDate } from './halo-dates'
import { agentReferenceId } from './map-halo-ticket'

/**
 * Whether `comments.list` lists this action too: it lists every action but system ones
 * (`excludesys`), which are those whose outcome is a system outcome [I].
 */
export function isHaloCommentAction(action: Pick<HaloAction, 'outcome_id'>, systemOutcomeIds: ReadonlySet<string>): boolean {
  return action.outcome_id === undefined || action.outcome_id === null || !systemOutcomeIds.has(String(action.outcome_id))
}

/**
 * An action carrying `timetaken` (hours) as a time entry in minutes. Halo records time on
 * actions, so an action that is also a comment (`isComment`, see {@link isHaloCommentAction}) is
 * named as the entry's `commentId`: the same id `mapHaloComment` gives it.
 */
export function mapHaloTimeEntry(action: HaloAction, ticketId: string, isComment: boolean): TimeEntry {
  const hours = typeof action.timetaken === 'number' ? action.timetaken : 0
  const note = action.note ? action.note : action.note_html ? htmlToText(action.note_html) : undefined
  const agentId = action.who_agentid ?? action.actionby_agent_id
  const startedAt = fromHaloDate(action.actionarrivaldate)
  const billable = (action as { actisbillable?: unknown }).actisbillable
  return {
    id: String(action.id),
    vendor: 'halo',
    raw: action,
    ticketId: action.ticket_id ? String(action.ticket_id) : ticketId,
    ...(isComment ? { commentId: String(action.id) } : {}),
    // Hours as doubles: round to the millisecond's worth of a minute to undo float noise.
    minutes: Math.round(hours * 60 * 1000) / 1000,
    ...(note !== undefined && note !== '' ? { note } : {}),
    ...(typeof agentId === 'number' && agentId > 0 ? { person: { id: agentReferenceId(agentId), ...(action.who ? { name: action.who } : {}) } } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(typeof billable === 'boolean' ? { billable } : {}),
  }
}
