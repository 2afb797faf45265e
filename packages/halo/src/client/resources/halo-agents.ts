import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { parseHaloResponse } from '../parse-halo-response'
import { haloId, optionalFlag, optionalText } from '../halo-schema-fields'

/** An agent (`Uname`): a technician who works tickets. */
export const haloAgentSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  email: optionalText,
  /** The agent's default team, by name. */
  team: optionalText,
  isdisabled: optionalFlag,
  is_agent: optionalFlag,
  isapiagent: optionalFlag,
  firstname: optionalText,
  surname: optionalText,
  jobtitle: optionalText,
  teams: z.array(z.unknown()).nullish(),
})
export type HaloAgent = z.infer<typeof haloAgentSchema>

/** Agents (`/Agent`, a bare array). */
export class HaloAgents extends HaloCollection<{
  row: HaloAgent
  listQuery: HaloListQuery<'/Agent'>
  getQuery: HaloQueryOf<'/Agent/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Uname'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Agent', listKey: 'agents', paged: false, row: haloAgentSchema, what: 'agent' })
  }

  /** The agent the token runs as: the cheapest check that credentials and scopes work. */
  async me(options: HaloCallOptions = {}): Promise<HaloAgent> {
    const { data } = await this.context.transport.get<unknown>('/Agent/me', options)
    return parseHaloResponse(haloAgentSchema, data, 'agent')
  }
}
