import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloCustomFieldValueSchema, haloId, optionalFlag, optionalId, optionalText } from '../halo-schema-fields'

/** An asset (`Device`); link one to a ticket with `assets: [{ id }]` on the ticket. */
export const haloAssetSchema = z.looseObject({
  id: haloId,
  inventory_number: optionalText,
  key_field: optionalText,
  client_id: optionalId,
  client_name: optionalText,
  site_id: optionalId,
  site_name: optionalText,
  assettype_id: optionalId,
  assettype_name: optionalText,
  status_id: optionalId,
  inactive: optionalFlag,
  fields: z.array(z.unknown()).nullish(),
  customfields: z.array(haloCustomFieldValueSchema).nullish(),
  _warning: optionalText,
})
export type HaloAsset = z.infer<typeof haloAssetSchema>

/** Assets (`/Asset`, paged, key `assets`). */
export class HaloAssets extends HaloCollection<{
  row: HaloAsset
  listQuery: HaloListQuery<'/Asset'>
  getQuery: HaloQueryOf<'/Asset/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Device'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Asset', listKey: 'assets', paged: true, row: haloAssetSchema, what: 'asset' })
  }
}
