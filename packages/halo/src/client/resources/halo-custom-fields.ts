import { z } from 'zod'
import { type HaloCallOptions, HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'
import { haloLookupSchema } from './halo-lookups'

/** A field definition (`FieldInfo`): system and custom fields, with select values when asked. */
export const haloFieldInfoSchema = z.looseObject({
  id: optionalId,
  name: optionalText,
  label: optionalText,
  hint: optionalText,
  type: optionalNumber,
  inputtype: optionalNumber,
  /** Non-zero for custom fields. */
  custom: optionalNumber,
  mandatory: optionalFlag,
  readonly: optionalFlag,
  /** The lookup set holding a select field's values. */
  lookup: optionalId,
  usage: optionalNumber,
  values: z.array(haloLookupSchema.partial({ id: true })).nullish(),
})
export type HaloFieldInfo = z.infer<typeof haloFieldInfoSchema>

/**
 * Field definitions (`/FieldInfo`), custom fields included. `typeid` picks the entity
 * (1 tickets, 2 clients, 3 sites, 5 assets [L]); `includevalues` adds select values.
 *
 * @example
 * const ticketFields = await client.customFields.list({ typeid: 1, includevalues: true }).toArray({ limit: 1000 })
 */
export class HaloCustomFields extends HaloCollection<{
  row: HaloFieldInfo
  listQuery: HaloListQuery<'/FieldInfo'>
  getQuery: HaloQueryOf<'/FieldInfo/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'FieldInfo'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/FieldInfo', listKey: 'fields', paged: false, row: haloFieldInfoSchema, what: 'field definition' })
  }

  /** One definition with its lookup values unless `getlookupvalues: false`. */
  override get(id: number | string, query: HaloQueryOf<'/FieldInfo/{id}', 'get'> = {}, options: HaloCallOptions = {}): Promise<HaloFieldInfo> {
    return super.get(id, { getlookupvalues: true, ...query }, options)
  }
}
