import type { HaloRequestContext } from '../halo-collection'
import { HaloTickets } from './halo-tickets'

/**
 * Projects (`/Projects`): tickets in the `prjs` domain, with the same schema, filters and
 * list key (`tickets`) as `/Tickets` (halo.md §4.13).
 */
export class HaloProjects extends HaloTickets {
  constructor(context: HaloRequestContext) {
    super(context, '/Projects', 'project')
  }
}
