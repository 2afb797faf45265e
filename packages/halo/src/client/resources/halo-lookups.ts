import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalFlag, optionalId, optionalNumber, optionalText } from '../halo-schema-fields'

/** A lookup value (`Lookup`): one choice of a select field, or of a lookup set such as impact. */
export const haloLookupSchema = z.looseObject({
  id: haloId,
  lookupid: optionalId,
  name: optionalText,
  value2: optionalText,
  value3: optionalText,
  sequence: optionalNumber,
  inactive: optionalFlag,
})
export type HaloLookup = z.infer<typeof haloLookupSchema>

/**
 * Lookup values (`/Lookup`): the rows of one lookup set (`lookupid`), such as impact, urgency
 * or a custom select field's choices.
 */
export class HaloLookups extends HaloCollection<{
  row: HaloLookup
  listQuery: HaloListQuery<'/Lookup'>
  getQuery: HaloQueryOf<'/Lookup/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'Lookup'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Lookup', listKey: 'lookups', paged: false, row: haloLookupSchema, what: 'lookup value' })
  }
}
