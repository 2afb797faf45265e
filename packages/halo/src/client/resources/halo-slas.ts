import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalId, optionalText } from '../halo-schema-fields'
import { haloPrioritySchema } from './halo-priorities'

/** An SLA (`SlaHead`), with its priorities when asked. */
export const haloSlaSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  workday_id: optionalId,
  /** Some builds return only ids here (halo.md §4.6). */
  priorities: z.array(z.union([haloPrioritySchema, z.number(), z.string()])).nullish(),
})
export type HaloSla = z.infer<typeof haloSlaSchema>

/** SLAs (`/SLA`); `get(id, { includedetails: true })` includes their priorities. */
export class HaloSlas extends HaloCollection<{
  row: HaloSla
  listQuery: HaloListQuery<'/SLA'>
  getQuery: HaloQueryOf<'/SLA/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'SlaHead'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/SLA', listKey: 'slas', paged: false, row: haloSlaSchema, what: 'SLA' })
  }
}
