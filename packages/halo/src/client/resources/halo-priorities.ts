import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/**
 * A priority within one SLA (`Policy`). Its own `id` is a UUID; tickets refer to the integer
 * `priorityid` in `priority_id`. The same `priorityid` appears once per SLA.
 */
export const haloPrioritySchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  slaid: optionalId,
  priorityid: optionalId,
  name: optionalText,
  responsetime: optionalNumber,
  responseunits: optionalText,
  fixtime: optionalNumber,
  fixunits: optionalText,
  colour: optionalText,
  ishidden: optionalFlag,
})
export type HaloPriority = z.infer<typeof haloPrioritySchema>

/** Priorities (`/Priority`, a bare array; filter with `slaid`). `get` takes the policy's UUID. */
export class HaloPriorities extends HaloCollection<{
  row: HaloPriority
  listQuery: HaloListQuery<'/Priority'>
  getQuery: HaloQueryOf<'/Priority/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Policy'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Priority', listKey: 'priorities', paged: false, row: haloPrioritySchema, what: 'priority', idKind: 'string' })
  }
}
