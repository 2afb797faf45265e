/**
 * REST2 collections (RT::REST2::Resource::Collection): the paging envelope
 * `{count, page, pages, per_page, total, items, next_page, prev_page}`, `fields=` expansion of
 * items (and `fields[Queue]=Name` sub-expansion), and the paging links RT builds from the request
 * URI, including URI.pm's escaping and RT's empty `=` pair when `page` is not the last parameter.
 */
import { formatW3cDate } from '../rt-dates'
import { PerlFloat, type PerlJsonValue } from '../rt-perl-json'
import { type RequestParameters, decodeFormComponent } from '../rt-request'
import { columnText } from './rt-rest2-columns'
import type { CollectionItem, Rest2Context } from './rt-rest2-context'
import { type JsonObject, reference, ticketCustomFields, ticketHyperlinks, userReference } from './rt-rest2-serialize'

/** The `{type, id, _url}` of an item. */
function itemReference(context: Rest2Context, item: CollectionItem): JsonObject {
  return item.kind === 'user' ? userReference(context, item.row.id) : reference(context, item.kind, item.row.id)
}

/** `_expand_object`: the reference plus the sub-fields asked for with `fields[<Field>]=a,b`. */
function expandObject(context: Rest2Context, parameters: RequestParameters, object: CollectionItem, field: string, prefix: string): JsonObject {
  const result = itemReference(context, object)
  const parameterName = `${prefix}[${field}]`
  const subfields = (parameters.values.get(parameterName)?.[0] ?? '').split(',').filter((subfield) => subfield)
  for (const subfield of subfields) result[subfield] = expandField(context, parameters, object, subfield, parameterName)
  return result
}

/** RT::REST2::Resource's expand_field (with the Tickets resource's role handling). */
export function expandField(
  context: Rest2Context,
  parameters: RequestParameters,
  item: CollectionItem,
  field: string,
  prefix = 'fields',
): PerlJsonValue {
  const { database } = context
  if (item.kind === 'ticket' && /^(Requestor|AdminCc|Cc)/.test(field)) {
    const role = /^(Requestor|AdminCc|Cc)/.exec(field)?.[1] as 'Requestor' | 'AdminCc' | 'Cc'
    return database
      .roleMembers(item.row.roleGroups[role])
      .map((user) => expandObject(context, parameters, { kind: 'user', row: user }, field, prefix))
  }
  if (field === 'CustomFields') {
    if (item.kind !== 'ticket') return ''
    return ticketCustomFields(context, item.row).map((entry) => {
      const expanded: JsonObject = { ...entry }
      const subfields = (parameters.values.get(`${prefix}[CustomFields]`)?.[0] ?? '').split(',').filter((subfield) => subfield)
      const customField = database.customFields.get(Number(entry.id))
      if (customField)
        for (const subfield of subfields)
          expanded[subfield] = expandField(context, parameters, { kind: 'customfield', row: customField }, subfield, `${prefix}[CustomFields]`)
      return expanded
    })
  }
  if (field === 'ContentLength' && item.kind === 'attachment') return String(item.row.content.length)
  if (field === '_hyperlinks' && item.kind === 'ticket') return ticketHyperlinks(context, item.row, context.user)
  if (field === 'Description' && item.kind === 'transaction') return ''
  const value = columnText(context, item, field)
  if (!value) return ''
  if ('date' in value) return formatW3cDate(value.date)
  if ('object' in value) return expandObject(context, parameters, value.object, field, prefix)
  return value.text ?? ''
}

/** URI.pm's query_form escaping of one key or value. */
function escapeQueryComponent(text: string): string {
  let out = ''
  for (const character of text) {
    if (/[;/?:@&=+,$[\]%]/.test(character)) out += `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    else if (character === ' ') out += '+'
    else if (/[A-Za-z0-9\-_.!~*'()]/.test(character)) out += character
    else for (const byte of Buffer.from(character, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** The request URI with `page` replaced, as RT builds next_page / prev_page. */
function pageLink(url: URL, page: number): string {
  const flat: (string | undefined)[] = []
  for (const pair of url.search.replace(/^\?/, '').split(/[&;]/)) {
    if (!pair) continue
    const equals = pair.indexOf('=')
    flat.push(decodeFormComponent(equals === -1 ? pair : pair.slice(0, equals)), equals === -1 ? '' : decodeFormComponent(pair.slice(equals + 1)))
  }
  const index = flat.indexOf('page')
  if (index !== -1) {
    flat[index] = undefined
    flat[index + 1] = undefined
    // Perl's delete shrinks an array only when the deleted slots are at its end.
    while (flat.length > 0 && flat[flat.length - 1] === undefined) flat.pop()
  }
  const parts: string[] = []
  for (let position = 0; position < flat.length; position += 2) {
    parts.push(`${escapeQueryComponent(flat[position] ?? '')}=${escapeQueryComponent(flat[position + 1] ?? '')}`)
  }
  parts.push(`page=${page}`)
  return `${url.origin}${url.pathname}?${parts.join('&')}`
}

/**
 * Sorts items by the request's `orderby` (repeatable, with matching `order` ASC/DESC), else by
 * the collection's own default order.
 */
export function orderItems(
  context: Rest2Context,
  parameters: RequestParameters,
  items: CollectionItem[],
  defaults: string[] = ['id'],
): CollectionItem[] {
  const orders = parameters.values.get('order') ?? []
  const requested = (parameters.values.get('orderby') ?? []).map((field, index) => ({
    field,
    descending: (orders[index] ?? 'ASC').toUpperCase() === 'DESC',
  }))
  const columns = requested.length > 0 ? requested : defaults.map((field) => ({ field, descending: false }))
  const key = (item: CollectionItem, field: string): string | number => {
    const value = columnText(context, item, field)
    if (!value) return ''
    if ('date' in value) return value.date ?? 0
    if ('object' in value) return value.object.row.id
    const stored = value.text ?? ''
    return /^-?\d+$/.test(stored) ? Number(stored) : stored.toLowerCase()
  }
  return [...items].sort((left, right) => {
    for (const column of columns) {
      const a = key(left, column.field)
      const b = key(right, column.field)
      if (a < b) return column.descending ? 1 : -1
      if (a > b) return column.descending ? -1 : 1
    }
    return left.row.id - right.row.id
  })
}

/** `per_page` and `page` as RT reads them (defaults 20 and 1; at most 100 per page). */
export function readPaging(parameters: RequestParameters): { perPage: number; page: number } {
  const perPageText = parameters.values.get('per_page')?.[0] ?? ''
  let perPage = /^\d+$/.test(perPageText) ? Number(perPageText) : 20
  if (perPage === 0) perPage = 20
  if (perPage > 100) perPage = 100
  const pageText = parameters.values.get('page')?.[0] ?? ''
  let page = /^\d+$/.test(pageText) ? Number(pageText) : 1
  if (page === 0) page = 1
  return { perPage, page }
}

/**
 * Builds a collection answer: the page of items (each a reference plus requested fields), the
 * counts, and next/prev links. `total` is null when the user may not count everything (RT:
 * CurrentUserCanSeeAll), which also drops `pages` and the links.
 */
export function collectionBody(
  context: Rest2Context,
  parameters: RequestParameters,
  url: URL,
  items: CollectionItem[],
  total: number | null,
): JsonObject {
  const { perPage, page } = readPaging(parameters)
  const fields = (parameters.values.get('fields')?.[0] ?? '').split(',').filter((field) => field !== '')
  const shown = items.slice((page - 1) * perPage, page * perPage).map((item) => {
    const result = itemReference(context, item)
    for (const field of fields) result[field] = expandField(context, parameters, item, field)
    return result
  })
  const pages = total === null ? null : Math.ceil(total / perPage)
  const body: JsonObject = {
    count: shown.length,
    page,
    pages: pages === 0 ? new PerlFloat(0) : pages,
    per_page: perPage,
    total,
    items: shown,
  }
  if (pages) {
    if (page < pages) body.next_page = pageLink(url, page + 1)
    if (page > 1) body.prev_page = pageLink(url, page > pages ? pages : page - 1)
  }
  return body
}
