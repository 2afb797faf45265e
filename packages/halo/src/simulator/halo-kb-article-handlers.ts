import { htmlToText, textToHtml } from '@ticketbridge/core'
import { formatHaloDate } from './halo-date-format'
import { haloError } from './halo-responses'
import type { HaloRoute } from './halo-route'
import { tableRoutes } from './halo-table-routes'
import type { HaloJson } from './halo-table'

/**
 * Knowledge base articles (`KBEntry`, halo.md §4.12): `{ page_no?, page_size?, record_count,
 * articles }` with paging, `search` (name, description, tags), `type` and `includeinactive`.
 * Plain and HTML descriptions are kept in step; `date_edited` follows every write.
 */
export function kbArticleRoutes(): HaloRoute[] {
  return tableRoutes({
    path: '/KBArticle',
    noun: 'Article',
    area: 'kb',
    table: (state) => state.kbArticles,
    listKey: 'articles',
    paged: true,
    searchFields: ['name', 'description', 'tag_string'],
    inactive: { field: 'inactive', parameter: 'includeinactive' },
    filter: (rows, query) => {
      const type = query.integer('type')
      return type === undefined ? rows : rows.filter((row) => row.type === type)
    },
    renderRow: (_state, record) => {
      const { description_html: _html, resolution_html: _resolution, ...row } = record
      return row
    },
    prepare: (input, fields, previous) => {
      const name = fields.name ?? previous?.name
      if (typeof name !== 'string' || name.trim() === '') throw haloError.exception('Name is a mandatory field')
      const record: HaloJson = { ...fields, date_edited: formatHaloDate(input.write.now) }
      if (fields.description !== undefined && fields.description_html === undefined) record.description_html = textToHtml(String(fields.description))
      if (fields.description_html !== undefined && fields.description === undefined) record.description = htmlToText(String(fields.description_html))
      return previous
        ? record
        : {
            type: 0,
            inactive: false,
            tag_string: '',
            tags: [],
            view_count: 0,
            useful_count: 0,
            date_created: formatHaloDate(input.write.now),
            ...record,
          }
    },
  })
}
