import { formatHaloDate, parseHaloDate } from './halo-date-format'
import { haloEmptyOk, haloError, haloJson } from './halo-responses'
import { integerParameter, type HaloRoute, type HaloRouteInput } from './halo-route'
import type { HaloJson } from './halo-table'
import { actionsOf, commitActionWrite, isSystemAction, prepareActionWrite, renderAction, renderActionRow } from './halo-action-rules'
import { upsertAnswer, upsertElements } from './halo-upsert-body'

function ticketIdOf(input: HaloRouteInput, purpose: string): number {
  const ticketId = input.query.integer('ticket_id')
  // Action ids repeat across tickets, so one action is only addressable with its ticket (halo.md §4.2).
  if (ticketId === undefined) throw haloError.exception(`ticket_id is required to ${purpose} an action: action ids are numbered per ticket.`)
  const ticket = input.simulator.state.tickets.get(ticketId)
  if (!ticket || ticket.deleted === true) throw haloError.notFound(`Ticket ${ticketId}`)
  return ticketId
}

function findAction(input: HaloRouteInput, purpose: string): HaloJson {
  const ticketId = ticketIdOf(input, purpose)
  const action = actionsOf(input.write, ticketId).find((candidate) => String(candidate.id) === input.params.id)
  if (!action) throw haloError.notFound(`Action ${input.params.id} of ticket ${ticketId}`)
  return action
}

/**
 * `GET /Actions` filters: `ticket_id` (else every ticket's), `excludesys`, `excludeprivate`,
 * `agentonly` (private notes only), `conversationonly` (emails), `importantonly`,
 * `timeentriesonly` (time is logged on actions as `timetaken`), `startdate`/`enddate` on
 * `datetime`, `count`; `includehtmlnote` and `includeattachments` widen the rows. Oldest first [I].
 */
function listActions(input: HaloRouteInput): Response {
  const { query } = input
  const { state } = input.simulator
  const ticketId = query.integer('ticket_id')
  const tickets = ticketId !== undefined ? [ticketId] : [...state.actions.keys()]
  const start = parseHaloDate(query.get('startdate'))
  const end = parseHaloDate(query.get('enddate'))
  let rows = tickets
    .filter((id) => state.tickets.get(id)?.deleted !== true)
    .flatMap((id) => state.actions.get(id) ?? [])
    .filter((action) => {
      if (query.boolean('excludesys') === true && isSystemAction(input.write, action)) return false
      if (query.boolean('excludeprivate') === true && action.hiddenfromuser === true) return false
      if (query.boolean('agentonly') === true && action.hiddenfromuser !== true) return false
      if (query.boolean('conversationonly') === true && action.sendemail !== true && action.who_type !== 2) return false
      if (query.boolean('importantonly') === true && action.important !== true) return false
      if (query.boolean('timeentriesonly') === true && !(typeof action.timetaken === 'number' && action.timetaken > 0)) return false
      const when = parseHaloDate(action.datetime) ?? 0
      return (start === undefined || when >= start) && (end === undefined || when <= end)
    })
  if (ticketId === undefined) rows = rows.sort((left, right) => (parseHaloDate(left.datetime) ?? 0) - (parseHaloDate(right.datetime) ?? 0))
  const count = query.integer('count')
  if (count !== undefined && count > 0) rows = rows.slice(0, count)
  const options = { html: query.boolean('includehtmlnote') === true, attachments: query.boolean('includeattachments') === true }
  return haloJson({ record_count: rows.length, actions: rows.map((action) => renderActionRow(input.write, action, options)) })
}

function upsertActions(input: HaloRouteInput): Response {
  const prepared = upsertElements(input.body).map((element) => prepareActionWrite(input.write, element))
  const saved = prepared.map((write) => commitActionWrite(input.write, write))
  return upsertAnswer(saved.map((action) => renderAction(input.write, action)))
}

function deleteAction(input: HaloRouteInput): Response {
  const action = findAction(input, 'delete')
  const list = actionsOf(input.write, action.ticket_id as number)
  list.splice(list.indexOf(action), 1)
  input.simulator.state.writes.push({
    resource: 'Actions',
    id: action.id as number,
    ticketId: action.ticket_id as number,
    operation: 'delete',
    flags: {},
    at: formatHaloDate(input.write.now),
  })
  return haloEmptyOk()
}

/** `/Actions`: ticket notes, emails and time entries; ids are a per-ticket sequence. */
export function actionRoutes(): HaloRoute[] {
  return [
    { method: 'get', path: '/Actions', area: 'tickets', resolve: listActions },
    {
      method: 'get',
      path: '/Actions/:id',
      area: 'tickets',
      parameters: { id: integerParameter },
      resolve: (input) => haloJson(renderAction(input.write, findAction(input, 'read'))),
    },
    { method: 'post', path: '/Actions', area: 'tickets', resolve: upsertActions },
    { method: 'delete', path: '/Actions/:id', area: 'tickets', parameters: { id: integerParameter }, resolve: deleteAction },
  ]
}
