import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalId, optionalText } from '../halo-schema-fields'

/** A category (`CategoryDetail`): `value` is the path shown on tickets, such as `Hardware>Laptop`. */
export const haloCategorySchema = z.looseObject({
  id: haloId,
  value: optionalText,
  category_name: optionalText,
  /** Which of the four category fields it belongs to. */
  type_id: optionalId,
  sla_id: optionalId,
  priority_id: optionalId,
})
export type HaloCategory = z.infer<typeof haloCategorySchema>

/** Ticket categories (`/Category`); filter with `type_id` (1 to 4) and `tickettype_id`. */
export class HaloCategories extends HaloCollection<{
  row: HaloCategory
  listQuery: HaloListQuery<'/Category'>
  getQuery: HaloQueryOf<'/Category/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'CategoryDetail'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/Category', listKey: 'categories', paged: false, row: haloCategorySchema, what: 'category' })
  }
}
