import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/** An outcome (`TOutcome`): the kind of an action, required on every new one. */
export const haloOutcomeSchema = z.looseObject({
  id: haloId,
  /** The outcome's name. */
  outcome: optionalText,
  buttonname: optionalText,
  labellong: optionalText,
  systemid: optionalNumber,
  sequence: optionalNumber,
  hidden: optionalFlag,
  /** Actions with this outcome are hidden from the end user by default. */
  hidefromuser: optionalFlag,
  newstatus: optionalId,
  /** Whether the action emails the end user (an int in the spec, a boolean on some builds). */
  sendemail: z.union([z.boolean(), z.number()]).nullish(),
  workflow_id: optionalId,
})
export type HaloOutcome = z.infer<typeof haloOutcomeSchema>

/** Outcomes (`/Outcome`, a bare array): which ones an agent may use depends on the ticket type's workflow. */
export class HaloOutcomes extends HaloCollection<{
  row: HaloOutcome
  listQuery: HaloListQuery<'/Outcome'>
  getQuery: HaloQueryOf<'/Outcome/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'TOutcome'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Outcome', listKey: 'outcomes', paged: false, row: haloOutcomeSchema, what: 'outcome' })
  }
}
