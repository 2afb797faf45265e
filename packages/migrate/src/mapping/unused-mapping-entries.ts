import { didYouMean, type Ticket } from '@ticketbridge/core'
import type { MappingFile } from './mapping-file'

type MappedSection = 'statuses' | 'priorities' | 'queues' | 'ticketTypes' | 'customFields'

/**
 * The source values the listed tickets carry, per mapping section: ids and names as the mapping
 * may name them. A mapping entry none of them matches is most likely a typo.
 */
export class SeenSourceValues {
  private readonly seen: Record<MappedSection, Map<string, string>> = {
    statuses: new Map(),
    priorities: new Map(),
    queues: new Map(),
    ticketTypes: new Map(),
    customFields: new Map(),
  }

  note(ticket: Ticket): void {
    this.add('statuses', ticket.status.name, ticket.status.id)
    this.add('priorities', ticket.priority.name, ticket.priority.id)
    if (ticket.queue) this.add('queues', ticket.queue.name, ticket.queue.id)
    if (ticket.type) this.add('ticketTypes', ticket.type.name, ticket.type.id)
    for (const key of Object.keys(ticket.customFields)) this.add('customFields', key)
  }

  /** One warning per mapping entry that matches no listed ticket's value, with the nearest value seen. */
  unusedEntries(file: MappingFile): string[] {
    const warnings: string[] = []
    for (const section of Object.keys(this.seen) as MappedSection[]) {
      const values = this.seen[section]
      for (const key of Object.keys(file[section])) {
        if (values.has(key.trim().toLowerCase())) continue
        const names = [...new Set(values.values())]
        warnings.push(
          `mapping ${section}."${key}" matches no ${section === 'customFields' ? 'custom field' : 'value'} of the tickets listed in the source; it changes nothing.${didYouMean(key, names)}`,
        )
      }
    }
    return warnings
  }

  private add(section: MappedSection, name: string | undefined, id?: string): void {
    // Names match the mapping case-blind, as resolveMapping does; ids match as written.
    if (name) this.seen[section].set(name.trim().toLowerCase(), name)
    if (id !== undefined && !this.seen[section].has(id.toLowerCase())) this.seen[section].set(id.toLowerCase(), name ?? id)
  }
}
