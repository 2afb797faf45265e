import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalNumber, optionalText } from '../halo-schema-fields'

/** A ticket status (`TStatus`). Each instance defines its own; never assume 9 means closed. */
export const haloStatusSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  shortname: optionalText,
  /** Halo's class of the status (values undocumented, [I]). */
  type: optionalNumber,
  sequence: optionalNumber,
  colour: optionalText,
  /** How the status affects the SLA clock (hold, release, …). */
  slaaction: optionalText,
})
export type HaloStatus = z.infer<typeof haloStatusSchema>

/**
 * Ticket statuses (`/Status`, a bare array). `excludeclosed` and `excludepending` tell which
 * statuses the instance itself counts as closed or pending.
 */
export class HaloStatuses extends HaloCollection<{
  row: HaloStatus
  listQuery: HaloListQuery<'/Status'>
  getQuery: HaloQueryOf<'/Status/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'TStatus'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Status', listKey: 'statuses', paged: false, row: haloStatusSchema, what: 'status' })
  }
}
