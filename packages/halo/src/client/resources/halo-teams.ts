import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/** A team (`SectionDetail`); tickets name their team by `team` (the name). */
export const haloTeamSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  sequence: optionalNumber,
  department_id: optionalId,
  department_name: optionalText,
  inactive: optionalFlag,
  forrequests: optionalFlag,
  foropps: optionalFlag,
  forprojects: optionalFlag,
  agents: z.array(z.unknown()).nullish(),
})
export type HaloTeam = z.infer<typeof haloTeamSchema>

/** Teams (`/Team`); `get(id, { includeagents: true })` lists members. */
export class HaloTeams extends HaloCollection<{
  row: HaloTeam
  listQuery: HaloListQuery<'/Team'>
  getQuery: HaloQueryOf<'/Team/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'SectionDetail'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Team', listKey: 'teams', paged: false, row: haloTeamSchema, what: 'team' })
  }
}
