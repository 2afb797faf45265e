import { matchesTicketQuery, secondsAtRateLimit, type Ticket, type TicketingAdapter } from '@ticketbridge/core'
import type { MappingFile, MappingFileInput } from '../mapping/mapping-file'
import { resolveMapping } from '../mapping/resolve-mapping'
import { estimateRequests } from './estimate-requests'
import { MigrationTarget } from './migration-target'
import { resolveMigrationSettings } from './migration-setup'
import { type PreflightReport, runPreflight } from './preflight'
import { checkPhaseFilter, type MigrationPhaseFilter, sourceTicketQuery } from './source-ticket-query'

/** One phase of a cut-over: what it moves, and what that costs at the vendors' budgets. */
export interface CutOverPhasePlan {
  label: string
  /** What the phase's run is given as `only`; absent for the phase that moves the rest. */
  only?: MigrationPhaseFilter
  tickets: number
  requests: { source: number; target: number }
  /** Seconds at each end's rate limit; absent where an end has none. */
  secondsAtRateLimit: { source?: number; target?: number }
}

/** The phases of a cut-over, the last one being everything else. */
export interface CutOverPhase {
  label: string
  only?: MigrationPhaseFilter
}

/** The usual cut-over: live work first (agents start on the new desk with it), then the history. */
export const standardCutOver: readonly CutOverPhase[] = [
  { label: 'open work (new, open, pending)', only: { statusCategories: ['new', 'open', 'pending'] } },
  { label: 'history (everything else)' },
]

/**
 * Plans a cut-over: one preflight pass over the whole source (listing, a sample of comments and
 * files) splits the tickets by the first phase whose filter they pass, and prices each phase
 * with the same rules as a run. Nothing is written.
 */
export async function planCutOver(options: {
  source: TicketingAdapter
  target: TicketingAdapter
  mapping?: MappingFile | MappingFileInput
  phases?: readonly CutOverPhase[]
  allowUnmapped?: boolean
  signal?: AbortSignal
}): Promise<{ phases: CutOverPhasePlan[]; preflight: PreflightReport }> {
  const phases = (options.phases ?? standardCutOver).map((phase) => ({ ...phase, ...(phase.only ? { only: checkPhaseFilter(phase.only) } : {}) }))
  const { mappingFile } = resolveMigrationSettings({
    source: options.source,
    target: options.target,
    order: 'source',
    ...(options.mapping ? { mapping: options.mapping } : {}),
  })
  const target = new MigrationTarget(options.target, false, options.signal)
  const lookups = await target.lookups()
  const counted = phases.map(() => ({ tickets: 0, closedTickets: 0, people: new Set<string>() }))
  const queries = phases.map((phase) => (phase.only ? sourceTicketQuery({ only: phase.only }) : undefined))
  const countTicket = (ticket: Ticket) => {
    const index = queries.findIndex((query) => query === undefined || matchesTicketQuery(ticket, query))
    const phase = counted[index === -1 ? counted.length - 1 : index]!
    phase.tickets += 1
    if (ticket.status.category === 'resolved' || ticket.status.category === 'closed') phase.closedTickets += 1
    for (const person of [ticket.requester, ticket.assignee]) if (person) phase.people.add(person.id)
  }
  const preflight = await runPreflight({
    source: options.source,
    target: options.target,
    mapping: resolveMapping(mappingFile, lookups),
    mappingFile,
    targetLookups: lookups,
    onTicket: countTicket,
    ...(options.allowUnmapped ? { allowUnmapped: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const { estimate } = preflight
  const timeEntriesMove = options.source.capabilities.timeEntries && options.target.capabilities.timeEntries
  const relationsMove = options.source.capabilities.relations && options.target.capabilities.relations
  // A person is found or made once, by the first phase that names them.
  const peopleSeen = new Set<string>()
  const plans = phases.map((phase, index) => {
    const { tickets, closedTickets, people } = counted[index]!
    const newPeople = [...people].filter((id) => !peopleSeen.has(id))
    for (const id of newPeople) peopleSeen.add(id)
    const requests = estimateRequests(
      { ...estimate, tickets, closedTickets, people: newPeople.length, timeEntriesMove, relationsMove },
      options.source.capabilities,
      options.target.capabilities,
    )
    const seconds = (adapter: TicketingAdapter, count: number) => {
      const atBudget = secondsAtRateLimit(count, adapter.rateLimit)
      return atBudget === undefined ? undefined : Math.ceil(atBudget)
    }
    const sourceSeconds = tickets > 0 ? seconds(options.source, requests.source) : 0
    const targetSeconds = tickets > 0 ? seconds(options.target, requests.target) : 0
    return {
      label: phase.label,
      ...(phase.only ? { only: phase.only } : {}),
      tickets,
      requests: tickets > 0 ? { source: Math.ceil(requests.source), target: Math.ceil(requests.target) } : { source: 0, target: 0 },
      secondsAtRateLimit: {
        ...(sourceSeconds !== undefined ? { source: sourceSeconds } : {}),
        ...(targetSeconds !== undefined ? { target: targetSeconds } : {}),
      },
    }
  })
  return { phases: plans, preflight }
}
