import { z } from 'zod'
import { HaloCollection, type HaloRequestContext } from '../halo-collection'
import type { HaloListQuery, HaloQueryOf, HaloWritable } from '../halo-openapi-types'
import { haloId, optionalDate, optionalFlag, optionalNumber, optionalText } from '../halo-schema-fields'

/** A knowledge-base article (`KBEntry`). */
export const haloArticleSchema = z.looseObject({
  id: haloId,
  name: optionalText,
  description: optionalText,
  description_html: optionalText,
  resolution: optionalText,
  resolution_html: optionalText,
  tag_string: optionalText,
  type: optionalNumber,
  inactive: optionalFlag,
  date_created: optionalDate,
  date_edited: optionalDate,
  next_review_date: optionalDate,
  view_count: optionalNumber,
  _warning: optionalText,
})
export type HaloArticle = z.infer<typeof haloArticleSchema>

/** Knowledge-base articles (`/KBArticle`, paged, key `articles`). */
export class HaloKnowledgeBase extends HaloCollection<{
  row: HaloArticle
  listQuery: HaloListQuery<'/KBArticle'>
  getQuery: HaloQueryOf<'/KBArticle/{id}', 'get'>
  deleteQuery: Record<never, never>
  input: HaloWritable<'KBEntry'>
}> {
  constructor(context: HaloRequestContext) {
    super(context, { path: '/KBArticle', listKey: 'articles', paged: true, row: haloArticleSchema, what: 'article' })
  }
}
