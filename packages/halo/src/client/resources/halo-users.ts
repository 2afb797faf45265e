import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { parseHaloResponse } from '../parse-halo-response'
import { haloCustomFieldValueSchema, haloId, optionalFlag, optionalId, optionalText } from '../halo-schema-fields'

/** An end user (`Users`): a contact who raises tickets. A user belongs to a site of a client. */
export const haloUserSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  firstname: optionalText,
  surname: optionalText,
  emailaddress: optionalText,
  phonenumber: optionalText,
  login: optionalText,
  /** Typed as a double by the spec (`95.0`); written back as an integer. */
  site_id: optionalId,
  site_id_int: optionalId,
  site_name: optionalText,
  client_id: optionalId,
  client_name: optionalText,
  inactive: optionalFlag,
  linked_agent_id: optionalId,
  customfields: z.array(haloCustomFieldValueSchema).nullish(),
  _warning: optionalText,
})
export type HaloUser = z.infer<typeof haloUserSchema>

/** End users (`/Users`, paged, key `users`). Creating one needs its `site_id`. */
export class HaloUsers extends HaloCollection<{
  row: HaloUser
  listQuery: HaloListQuery<'/Users'>
  getQuery: HaloQueryOf<'/Users/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Users'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Users', listKey: 'users', paged: true, row: haloUserSchema, what: 'user' })
  }

  /** The user the token runs as (portal applications). */
  async me(options: HaloCallOptions = {}): Promise<HaloUser> {
    const { data } = await this.context.transport.get<unknown>('/Users/me', options)
    return parseHaloResponse(haloUserSchema, data, 'user')
  }
}
