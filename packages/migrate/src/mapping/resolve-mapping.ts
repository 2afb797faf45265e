import {
  type CustomFieldDefinition,
  didYouMean,
  type PriorityDefinition,
  type PrioritySelector,
  type Queue,
  type StatusCategory,
  type StatusDefinition,
  type StatusSelector,
  type Ticket,
  type TicketType,
} from '@ticketbridge/core'
import type { MappingFile } from './mapping-file'

/** The target's lookups, read once per run. */
export interface TargetLookups {
  statuses: StatusDefinition[]
  priorities: PriorityDefinition[]
  queues: Queue[]
  ticketTypes: TicketType[]
  customFields: CustomFieldDefinition[]
}

/** A source value the mapping could not place in the target. */
export interface UnmappedValue {
  kind: 'status' | 'priority' | 'queue' | 'ticketType' | 'customField'
  value: string
}

/** How each source value becomes a target value, decided once and applied to every ticket. */
export interface ResolvedMapping {
  status(ticket: Ticket): StatusSelector | UnmappedValue
  priority(ticket: Ticket): PrioritySelector | UnmappedValue
  queue(ticket: Ticket): { id: string } | UnmappedValue | undefined
  ticketType(ticket: Ticket): { id: string } | UnmappedValue | undefined
  /** Target key of a source custom field, or the field left unmapped. */
  customField(key: string): string | UnmappedValue
}

const same = (left: string | undefined, right: string | undefined) =>
  left !== undefined && right !== undefined && left.trim().toLowerCase() === right.trim().toLowerCase()

function findNamed<T extends { id: string; name: string }>(list: readonly T[], wanted: string): T | undefined {
  return list.find((entry) => entry.id === wanted) ?? list.find((entry) => same(entry.name, wanted))
}

/** The explicit entry for a source value, by its id or its name. */
function explicit<T>(table: Record<string, T>, reference: { id?: string; name?: string } | undefined): T | undefined {
  if (!reference) return undefined
  if (reference.id !== undefined && table[reference.id] !== undefined) return table[reference.id]
  const byName = Object.entries(table).find(([key]) => same(key, reference.name))
  return byName?.[1]
}

/** Where a status goes when the target has none of its category: the next closest, in order. */
const nearestCategories: Record<StatusCategory, StatusCategory[]> = {
  new: ['open'],
  open: ['new', 'pending'],
  pending: ['open'],
  resolved: ['closed'],
  closed: ['resolved'],
}

/**
 * Combines the mapping file with automatic mapping: an explicit entry wins; otherwise the same
 * name in the target; otherwise (statuses and priorities) the first target value of the same
 * category or level. What is left is reported as unmapped, with counts, before anything is written.
 */
export function resolveMapping(file: MappingFile, target: TargetLookups): ResolvedMapping {
  return {
    status(ticket) {
      const wanted = explicit(file.statuses, ticket.status)
      if (typeof wanted === 'object') return { category: wanted.category }
      if (typeof wanted === 'string') {
        const found = findNamed(target.statuses, wanted)
        return found ? { id: found.id } : { kind: 'status', value: `${ticket.status.name} → ${wanted} (not in the target)` }
      }
      const byName = target.statuses.find((status) => same(status.name, ticket.status.name))
      if (byName) return { id: byName.id }
      // The same category, else the nearest one: a target without a "resolved" status closes.
      for (const category of [ticket.status.category, ...nearestCategories[ticket.status.category]]) {
        const byCategory = target.statuses.find((status) => status.category === category)
        if (byCategory) return { id: byCategory.id }
      }
      return { kind: 'status', value: ticket.status.name }
    },
    priority(ticket) {
      const wanted = explicit(file.priorities, { id: ticket.priority.id, name: ticket.priority.name })
      if (typeof wanted === 'object') return { level: wanted.level }
      if (typeof wanted === 'string') {
        const found = findNamed(target.priorities, wanted)
        return found
          ? { id: found.id }
          : { kind: 'priority', value: `${ticket.priority.name ?? ticket.priority.level} → ${wanted} (not in the target)` }
      }
      const byName = ticket.priority.name ? target.priorities.find((priority) => same(priority.name, ticket.priority.name)) : undefined
      if (byName) return { id: byName.id }
      const byLevel = target.priorities.find((priority) => priority.level === ticket.priority.level)
      return byLevel ? { id: byLevel.id } : { kind: 'priority', value: ticket.priority.name ?? ticket.priority.level }
    },
    queue(ticket) {
      if (!ticket.queue) return undefined
      const wanted = explicit(file.queues, ticket.queue) ?? ticket.queue.name ?? ticket.queue.id
      const found = findNamed(target.queues, wanted)
      return found ? { id: found.id } : { kind: 'queue', value: ticket.queue.name ?? ticket.queue.id }
    },
    ticketType(ticket) {
      if (!ticket.type) return undefined
      const wanted = explicit(file.ticketTypes, ticket.type) ?? ticket.type.name ?? ticket.type.id
      const found = findNamed(target.ticketTypes, wanted)
      return found ? { id: found.id } : { kind: 'ticketType', value: ticket.type.name ?? ticket.type.id }
    },
    customField(key) {
      const wanted = file.customFields[key] ?? key
      const found =
        target.customFields.find((field) => field.key === wanted) ??
        target.customFields.find((field) => same(field.key, wanted) || same(field.label, wanted))
      return found ? found.key : { kind: 'customField', value: key }
    },
  }
}

export function isUnmapped(value: unknown): value is UnmappedValue {
  return typeof value === 'object' && value !== null && 'kind' in value && 'value' in value
}

/**
 * The mapping file's entries that name a target value the target does not have: a status,
 * priority, queue or ticket type by id or name. Each is a sentence naming the entry, the value
 * and what the target offers instead.
 */
export function missingMappingTargets(file: MappingFile, target: TargetLookups): string[] {
  const problems: string[] = []
  const check = (section: string, entries: Record<string, unknown>, list: readonly { id: string; name: string }[], what: string) => {
    for (const [source, wanted] of Object.entries(entries)) {
      if (typeof wanted !== 'string' || findNamed(list, wanted)) continue
      const offered = list
        .slice(0, 12)
        .map((entry) => entry.name)
        .join(', ')
      problems.push(
        `mapping ${section}."${source}" names the ${what} "${wanted}", which the target does not have (it has: ${offered}${list.length > 12 ? ', …' : ''}).${didYouMean(
          wanted,
          list.map((entry) => entry.name),
        )}`,
      )
    }
  }
  check('statuses', file.statuses, target.statuses, 'status')
  check('priorities', file.priorities, target.priorities, 'priority')
  check('queues', file.queues, target.queues, 'queue')
  check('ticketTypes', file.ticketTypes, target.ticketTypes, 'ticket type')
  return problems
}
