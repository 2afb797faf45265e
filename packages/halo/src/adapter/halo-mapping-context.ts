import { type DriverCallContext, runConcurrently, type Ticket } from '@ticketbridge/core'
import type { HaloTicket } from '../client/resources/halo-tickets'
import type { HaloDriverContext } from './halo-driver-context'
import type { HaloNamedEntry, HaloPriorityEntry, HaloStatusEntry } from './halo-instance-lookups'
import { type HaloTicketMappingContext, mapHaloTicket } from './map-halo-ticket'

/**
 * What mapping a ticket needs from the instance: its statuses, priorities and teams (cached), read
 * side by side. A failure is thrown only once the other reads have settled, so none goes on unseen.
 */
export async function loadHaloMappingContext(halo: HaloDriverContext, context: DriverCallContext): Promise<HaloTicketMappingContext> {
  let statuses: HaloStatusEntry[] = []
  let priorities: HaloPriorityEntry[] = []
  let teams: HaloNamedEntry[] = []
  const reads = [
    async () => {
      statuses = await halo.lookups.statuses(context)
    },
    async () => {
      priorities = await halo.lookups.priorities(context)
    },
    async () => {
      teams = await halo.lookups.teams(context)
    },
  ]
  await runConcurrently(reads, reads.length, (read) => read())
  return { statuses, priorities, teams, externalId: halo.externalId }
}

/** A Halo ticket row in the common model, against the instance's lookups. */
export async function mapHaloTicketRow(halo: HaloDriverContext, row: HaloTicket, context: DriverCallContext): Promise<Ticket> {
  return mapHaloTicket(row, await loadHaloMappingContext(halo, context))
}
