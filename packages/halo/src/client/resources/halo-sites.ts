import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloCustomFieldValueSchema, haloId, optionalFlag, optionalId, optionalText } from '../halo-schema-fields'

/** A site (`Site`) of a client; users belong to sites. */
export const haloSiteSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  /** Typed as a double by the spec; written back as an integer. */
  client_id: optionalId,
  client_name: optionalText,
  clientsite_name: optionalText,
  inactive: optionalFlag,
  sla_id: optionalId,
  timezone: optionalText,
  customfields: z.array(haloCustomFieldValueSchema).nullish(),
  _warning: optionalText,
})
export type HaloSite = z.infer<typeof haloSiteSchema>

/** Sites (`/Site`, paged, key `sites`). */
export class HaloSites extends HaloCollection<{
  row: HaloSite
  listQuery: HaloListQuery<'/Site'>
  getQuery: HaloQueryOf<'/Site/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Site'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Site', listKey: 'sites', paged: true, row: haloSiteSchema, what: 'site' })
  }
}
