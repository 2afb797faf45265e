import { createSeededRandom } from '@ticketbridge/testkit/servers'
import { commitActionWrite, prepareActionWrite } from './halo-action-rules'
import { formatHaloDate } from './halo-date-format'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'
import { commitTicketWrite, prepareTicketWrite } from './halo-ticket-rules'
import type { HaloWriteContext } from './halo-write-context'

interface TicketTemplate {
  summary: string
  details: string
  category: string
  typeId: number
}

const templates: TicketTemplate[] = [
  { summary: 'Laptop will not boot', details: 'Black screen after the latest update; power light is on.', category: 'Hardware>Laptop', typeId: 1 },
  { summary: 'Printer on floor 2 is jammed', details: 'Paper jam error persists after clearing tray 2.', category: 'Hardware>Printer', typeId: 1 },
  {
    summary: 'VPN drops every 10 minutes',
    details: 'Since Monday the VPN disconnects roughly every ten minutes.',
    category: 'Network>VPN',
    typeId: 1,
  },
  {
    summary: 'Outlook keeps asking for password',
    details: 'Credential prompt loops even after entering the correct password.',
    category: 'Software>Email',
    typeId: 1,
  },
  {
    summary: 'New starter laptop request',
    details: 'Please prepare a standard laptop for a starter on the 1st.',
    category: 'Hardware>Laptop',
    typeId: 2,
  },
  {
    summary: 'Password reset',
    details: 'Locked out after too many attempts; please reset my password.',
    category: 'Access>Password Reset',
    typeId: 2,
  },
  { summary: 'Install Visio', details: 'Need Visio for process diagrams.', category: 'Software', typeId: 2 },
  {
    summary: 'Repeated Wi-Fi outages in warehouse',
    details: 'Access points in the warehouse drop clients several times a day.',
    category: 'Network',
    typeId: 3,
  },
]

const notes = [
  { text: 'Called the user and collected more details.', outcomeId: 2, hidden: false },
  { text: 'Checked the event logs; escalating to infrastructure.', outcomeId: 7, hidden: true },
  { text: 'Sent instructions to the user by email.', outcomeId: 1, hidden: false },
  { text: 'Replaced the part and tested.', outcomeId: 6, hidden: true, time: 0.75 },
  { text: 'Waiting for the user to confirm the fix.', outcomeId: 8, hidden: false },
]

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!
}

/** The first half of 2024, where the generated history lives (fixed, so seeds are reproducible). */
const historyStart = Date.UTC(2024, 0, 2, 8, 0, 0)
const historyLength = 180 * 24 * 3_600_000

/**
 * Generates `count` realistic tickets with a short history each: logged by a user of a site,
 * typed, categorised and prioritised, notes and emails from agents (some private, some with time),
 * and about half of them resolved or closed. Deterministic for a given `randomSeed`.
 */
export function generateSeedTickets(state: HaloSimulatorState, count: number, randomSeed = 20240502): void {
  const random = createSeededRandom(randomSeed).next
  const users = state.users.all().filter((user) => user.inactive !== true)
  const agents = state.agents
    .all()
    .filter((agent) => agent.isdisabled !== true && agent.isapiagent !== true && state.agentPermissions.get(agent.id as number) === 'write')
  const writesBefore = state.writes.length
  for (let index = 0; index < count; index += 1) {
    const template = pick(random, templates)
    const user = pick(random, users)
    const agent = random() < 0.2 ? undefined : pick(random, agents)
    let time = historyStart + Math.floor((index / Math.max(count, 1)) * historyLength + random() * 3_600_000 * 6)
    const context = (at: number, agentId: number): HaloWriteContext => ({ state, now: at, agentId })
    const input: HaloJson = {
      summary: template.summary,
      details: template.details,
      tickettype_id: template.typeId,
      user_id: user.id,
      priority_id: 1 + Math.floor(random() * 4),
      category_1: template.category,
      agent_id: agent?.id ?? 0,
      team: String(agent?.team ?? 'Service Desk'),
      dateoccurred: formatHaloDate(time),
      _isimport: true,
    }
    if (template.typeId === 1) input.customfields = [{ id: 146, value: 1 + Math.floor(random() * 3) }]
    const ticket = commitTicketWrite(
      context(time, (agent?.id as number) ?? 5),
      prepareTicketWrite(context(time, 5), input, 'reqs'),
      'reqs',
      'Tickets',
    )
    const noteCount = Math.floor(random() * 4)
    for (let noteIndex = 0; noteIndex < noteCount; noteIndex += 1) {
      time += Math.floor(random() * 8 * 3_600_000) + 600_000
      const note = pick(random, notes)
      const author = agent ?? pick(random, agents)
      commitActionWrite(
        context(time, author.id as number),
        prepareActionWrite(context(time, author.id as number), {
          ticket_id: ticket.id,
          outcome_id: note.outcomeId,
          note: note.text,
          hiddenfromuser: note.hidden,
          timetaken: note.time ?? 0,
        }),
      )
    }
    const fate = random()
    const finalStatus = fate < 0.4 ? 9 : fate < 0.5 ? 18 : fate < 0.7 ? 2 : fate < 0.8 ? 4 : undefined
    if (finalStatus !== undefined) {
      time += Math.floor(random() * 24 * 3_600_000) + 600_000
      commitTicketWrite(context(time, 5), prepareTicketWrite(context(time, 5), { id: ticket.id, status_id: finalStatus }, 'reqs'), 'reqs', 'Tickets')
    }
  }
  // Seeding is history, not client writes: keep the write log for what clients do.
  state.writes.length = writesBefore
}
