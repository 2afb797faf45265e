/**
 * REST2 collections (RT::REST2::Resource::Collection): the paging envelope
 * `{count, page, pages, per_page, total, items, next_page, prev_page}`, `fields=` expansion of
 * items (and `fields[Queue]=Name` sub-expansion), and the paging links RT builds from the request
 * URI, including URI.pm's escaping and RT's empty `=` pair when `page` is not the last parameter.
 */
import type { RtAttachment, RtCustomField, RtGroup, RtQueue, RtTicket, RtTransaction, RtUser } from '../rt-database'
import { formatW3cDate } from '../rt-dates'
import { PerlFloat, type PerlJsonValue } from '../rt-perl-json'
import { type RequestContext, type RequestParameters, decodeFormComponent } from '../rt-request'
import { type JsonObject, reference, ticketCustomFields, ticketHyperlinks, userReference } from './rt-rest2-serialize'

/** A REST2 request's context: the authenticated user on top of the shared one. */
export interface Rest2Context extends RequestContext {
  user: RtUser
}

/** A row a collection lists. */
export type CollectionItem =
  | { kind: 'ticket'; row: RtTicket }
  | { kind: 'transaction'; row: RtTransaction }
  | { kind: 'attachment'; row: RtAttachment }
  | { kind: 'queue'; row: RtQueue }
  | { kind: 'user'; row: RtUser }
  | { kind: 'customfield'; row: RtCustomField }
  | { kind: 'group'; row: RtGroup }

/** RT answers 500 with an empty body when `fields=Parent` meets a top-level attachment. */
export class Rest2ExpansionCrash extends Error {
  override readonly name = 'Rest2ExpansionCrash'
}

/** The `{type, id, _url}` of an item. */
export function itemReference(context: Rest2Context, item: CollectionItem): JsonObject {
  return item.kind === 'user' ? userReference(context, item.row.id) : reference(context, item.kind, item.row.id)
}

type FieldValue = { text: string | null } | { object: CollectionItem } | { date: number | null }

function asItem(kind: 'user' | 'queue' | 'ticket' | 'transaction' | 'attachment', context: Rest2Context, id: number): CollectionItem | undefined {
  const { database } = context
  if (kind === 'user') {
    const row = database.users.get(id)
    return row ? { kind, row } : undefined
  }
  if (kind === 'queue') {
    const row = database.queues.get(id)
    return row ? { kind, row } : undefined
  }
  if (kind === 'ticket') {
    const row = database.tickets.get(id)
    return row ? { kind, row } : undefined
  }
  if (kind === 'transaction') {
    const row = database.transactions.get(id)
    return row ? { kind, row } : undefined
  }
  const row = database.attachments.get(id)
  return row ? { kind, row } : undefined
}

/** A column of a record as RT's `_Accessible` sees it: text, a date, or another record. */
export function columnText(context: Rest2Context, item: CollectionItem, field: string): FieldValue | undefined {
  const text = (value: string | number | null | undefined): FieldValue => ({ text: value === null || value === undefined ? null : String(value) })
  const object = (kind: 'user' | 'queue', id: number): FieldValue => {
    const target = asItem(kind, context, id)
    return target ? { object: target } : { text: String(id) }
  }
  switch (item.kind) {
    case 'ticket': {
      const ticket = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(ticket.id),
        EffectiveId: () => text(ticket.effectiveId),
        Queue: () => object('queue', ticket.queueId),
        Type: () => text(ticket.type),
        Owner: () => object('user', ticket.ownerId),
        Subject: () => text(ticket.subject),
        InitialPriority: () => text(ticket.initialPriority),
        FinalPriority: () => text(ticket.finalPriority),
        Priority: () => text(ticket.priority),
        TimeEstimated: () => text(ticket.timeEstimated),
        TimeWorked: () => text(ticket.timeWorked),
        TimeLeft: () => text(ticket.timeLeft),
        Status: () => text(ticket.status),
        SLA: () => text(null),
        IssueStatement: () => text(null),
        Resolution: () => text(null),
        Disabled: () => text(null),
        IsMerged: () => text(null),
        Told: () => ({ date: ticket.told }),
        Starts: () => ({ date: ticket.starts }),
        Started: () => ({ date: ticket.started }),
        Due: () => ({ date: ticket.due }),
        Resolved: () => ({ date: ticket.resolved }),
        LastUpdated: () => ({ date: ticket.lastUpdated }),
        Created: () => ({ date: ticket.created }),
        LastUpdatedBy: () => object('user', ticket.lastUpdatedById),
        Creator: () => object('user', ticket.creatorId),
      }
      return map[field]?.()
    }
    case 'transaction': {
      const transaction = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(transaction.id),
        ObjectType: () => text(transaction.objectType),
        ObjectId: () => text(transaction.objectId),
        TimeTaken: () => text(transaction.timeTaken),
        Type: () => text(transaction.type),
        Field: () => text(transaction.field),
        OldValue: () => text(transaction.oldValue),
        NewValue: () => text(transaction.newValue),
        ReferenceType: () => text(transaction.referenceType),
        OldReference: () => text(transaction.oldReference),
        NewReference: () => text(transaction.newReference),
        Data: () => text(transaction.data),
        Creator: () => object('user', transaction.creatorId),
        Created: () => ({ date: transaction.created }),
      }
      return map[field]?.()
    }
    case 'attachment': {
      const attachment = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(attachment.id),
        TransactionId: () => text(attachment.transactionId),
        MessageId: () => text(attachment.messageId),
        Parent: () => {
          const parent = asItem('attachment', context, attachment.parentId)
          if (!parent) throw new Rest2ExpansionCrash('Can\'t call method on an undefined value')
          return { object: parent }
        },
        Subject: () => text(attachment.subject),
        Filename: () => text(attachment.filename),
        ContentType: () => text(attachment.contentType),
        ContentEncoding: () => text(attachment.contentEncoding),
        Content: () => text(/^multipart\//i.test(attachment.contentType) ? '' : attachment.content.toString('utf8')),
        Headers: () => text(attachment.headers),
        Creator: () => object('user', attachment.creatorId),
        Created: () => ({ date: attachment.created }),
      }
      return map[field]?.()
    }
    case 'queue': {
      const queue = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(queue.id),
        Name: () => text(queue.name),
        Description: () => text(queue.description),
        CorrespondAddress: () => text(queue.correspondAddress),
        CommentAddress: () => text(queue.commentAddress),
        Lifecycle: () => text(queue.lifecycle),
        SortOrder: () => text(queue.sortOrder),
        Disabled: () => text(queue.disabled),
        SLADisabled: () => text(queue.slaDisabled),
        Creator: () => object('user', queue.creatorId),
        Created: () => ({ date: queue.created }),
        LastUpdatedBy: () => object('user', queue.lastUpdatedById),
        LastUpdated: () => ({ date: queue.lastUpdated }),
      }
      return map[field]?.()
    }
    case 'user': {
      const user = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(user.id),
        Name: () => text(user.name),
        EmailAddress: () => text(user.emailAddress),
        RealName: () => text(user.realName),
        Gecos: () => text(user.gecos),
        Comments: () => text(user.comments),
        Organization: () => text(user.organization),
        Creator: () => object('user', user.creatorId),
        Created: () => ({ date: user.created }),
        LastUpdatedBy: () => object('user', user.lastUpdatedById),
        LastUpdated: () => ({ date: user.lastUpdated }),
      }
      return map[field]?.()
    }
    case 'group': {
      const group = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(group.id),
        Name: () => text(group.name),
        Domain: () => text(group.domain),
        Instance: () => text(group.instance),
        Description: () => text(''),
        Created: () => ({ date: group.created }),
      }
      return map[field]?.()
    }
    case 'customfield': {
      const customField = item.row
      const map: Record<string, () => FieldValue> = {
        id: () => text(customField.id),
        Name: () => text(customField.name),
        Description: () => text(customField.description),
        Type: () => text(customField.type),
        LookupType: () => text(customField.lookupType),
        MaxValues: () => text(customField.maxValues),
        Pattern: () => text(customField.pattern),
        EntryHint: () => text(customField.entryHint),
        SortOrder: () => text(customField.sortOrder),
        Disabled: () => text(customField.disabled ? 1 : 0),
        Created: () => ({ date: customField.created }),
        LastUpdated: () => ({ date: customField.lastUpdated }),
      }
      return map[field]?.()
    }
  }
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
export function expandField(context: Rest2Context, parameters: RequestParameters, item: CollectionItem, field: string, prefix = 'fields'): PerlJsonValue {
  const { database } = context
  if (item.kind === 'ticket' && /^(Requestor|AdminCc|Cc)/.test(field)) {
    const role = /^(Requestor|AdminCc|Cc)/.exec(field)?.[1] as 'Requestor' | 'AdminCc' | 'Cc'
    return database.roleMembers(item.row.roleGroups[role]).map((user) => expandObject(context, parameters, { kind: 'user', row: user }, field, prefix))
  }
  if (field === 'CustomFields') {
    if (item.kind !== 'ticket') return ''
    return ticketCustomFields(context, item.row).map((entry) => {
      const expanded: JsonObject = { ...entry }
      const subfields = (parameters.values.get(`${prefix}[CustomFields]`)?.[0] ?? '').split(',').filter((subfield) => subfield)
      const customField = database.customFields.get(Number(entry.id))
      if (customField) for (const subfield of subfields) expanded[subfield] = expandField(context, parameters, { kind: 'customfield', row: customField }, subfield, `${prefix}[CustomFields]`)
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
export function orderItems(context: Rest2Context, parameters: RequestParameters, items: CollectionItem[], defaults: string[] = ['id']): CollectionItem[] {
  const orders = parameters.values.get('order') ?? []
  const requested = (parameters.values.get('orderby') ?? []).map((field, index) => ({ field, descending: (orders[index] ?? 'ASC').toUpperCase() === 'DESC' }))
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
