import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloCustomFieldValueSchema, haloId, optionalDate, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/** A client (`Area`): the customer organization. */
export const haloClientSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  toplevel_id: optionalId,
  toplevel_name: optionalText,
  inactive: optionalFlag,
  datecreated: optionalDate,
  open_ticket_count: optionalNumber,
  customfields: z.array(haloCustomFieldValueSchema).nullish(),
  _warning: optionalText,
})
export type HaloClientRecord = z.infer<typeof haloClientSchema>

/** Clients (`/Client`, paged, key `clients`). */
export class HaloClients extends HaloCollection<{
  row: HaloClientRecord
  listQuery: HaloListQuery<'/Client'>
  getQuery: HaloQueryOf<'/Client/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Area'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Client', listKey: 'clients', paged: true, row: haloClientSchema, what: 'client' })
  }
}
