/**
 * The REST2 entry point: authentication, RT's dispatch table (the routes RT::REST2's resources
 * declare), and each resource's answers, status codes and quirks as RT 5.0.3 gives them.
 */
import { type RtTicket, nobodyUserId } from '../rt-database'
import { formatW3cDate } from '../rt-dates'
import { PerlJsonSyntaxError, parsePerlJson, toCompactPerlJson } from '../rt-perl-json'
import { type RequestContext, type RequestParameters, type SimulatorRequest, readParameters } from '../rt-request'
import { TicketSqlError } from '../rt-ticket-sql'
import { searchTickets, searchTransactions, ticketSqlErrorText } from '../rt-ticket-search'
import { canSeeTicket, setTicketOwner, setTicketStatus } from '../rt-ticket-actions'
import { type CollectionItem, type Rest2Context, Rest2ExpansionCrash, collectionBody, expandField, orderItems, readPaging } from './rt-rest2-collections'
import { type JsonCondition, filterByJson, readJsonConditions } from './rt-rest2-json-query'
import { createRest2User, updateRest2User } from './rt-rest2-user-writes'
import {
  authenticateRest2,
  emptyAnswer,
  errorAnswer,
  jsonAnswer,
  mediaType,
  preconditionAnswer,
  textAnswer,
  unauthorizedAnswer,
} from './rt-rest2-http'
import {
  canSeeQueue,
  reference,
  serializeAttachment,
  serializeCustomField,
  serializeQueue,
  serializeTicket,
  serializeTransaction,
  serializeUser,
} from './rt-rest2-serialize'
import { type Rest2Data, addRest2Message, createRest2Ticket, deserializeRecord, updateRest2Ticket, uploadedFiles } from './rt-rest2-ticket-writes'
import { toCompactPerlJson as compactJson } from '../rt-perl-json'

type Route = (context: Rest2Context, request: SimulatorRequest, parameters: RequestParameters, match: RegExpExecArray) => Response

/** The request body as a JSON object, or the 400 RT answers for malformed JSON (RequestBodyIsJSON). */
function jsonBody(request: SimulatorRequest): Rest2Data | Response {
  if (mediaType(request) !== 'application/json' || request.body.length === 0) return {}
  try {
    const value = parsePerlJson(request.body.toString('utf8'))
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return errorAnswer(400, 'JSON object must be a HASH')
    return value as Rest2Data
  } catch (error) {
    if (error instanceof PerlJsonSyntaxError) return errorAnswer(400, `JSON parse error: ${error.message}\n`)
    throw error
  }
}

/** A writable resource's body: JSON, or multipart with a `JSON` part and uploaded files. */
function writableBody(request: SimulatorRequest, parameters: RequestParameters): Rest2Data | Response {
  const type = mediaType(request)
  if (type === 'multipart/form-data') {
    const json = parameters.values.get('JSON')?.[0]
    if (!json) return errorAnswer(400, 'Json is a required field for multipart/form-data')
    const data = parsePerlJson(json) as Rest2Data
    const files = uploadedFiles(parameters.parts)
    if (files.length > 0) data.Attachments = files
    return data
  }
  if (type !== 'application/json') return errorAnswer(415)
  return jsonBody(request)
}

function queryParameters(request: SimulatorRequest): Rest2Data {
  const data: Rest2Data = {}
  for (const [name, value] of new URLSearchParams(request.url.search)) data[name] = value
  return data
}

function recordHeaders(etag: string | undefined, lastModified: number | undefined): Record<string, string> {
  return { ...(etag !== undefined ? { etag: `"${etag}"` } : {}), ...(lastModified !== undefined ? { 'last-modified': formatW3cDate(lastModified) } : {}) }
}

function newestTransactionId(context: Rest2Context, objectType: string, objectId: number): string | undefined {
  const transactions = context.database.objectTransactions(objectType, objectId)
  const last = transactions[transactions.length - 1]
  return last ? String(last.id) : undefined
}

function ticketRoute(context: Rest2Context, request: SimulatorRequest, parameters: RequestParameters, match: RegExpExecArray): Response {
  const { database } = context
  const allowed = ['GET', 'HEAD', 'DELETE', 'PUT', 'POST']
  if (!allowed.includes(request.method)) return errorAnswer(405)
  const isWrite = request.method === 'PUT' || request.method === 'POST'
  let body: Rest2Data | Response = {}
  if (isWrite && mediaType(request) === 'application/json') {
    body = jsonBody(request)
    if (body instanceof Response) return body
  }
  const ticket = match[1] ? database.tickets.get(Number(match[1])) : undefined
  if (ticket && !canSeeTicket(database, context.user)) return errorAnswer(403)
  const etag = ticket ? newestTransactionId(context, 'RT::Ticket', ticket.id) : undefined
  const precondition = preconditionAnswer(request, !!ticket, etag)
  if (precondition) return precondition
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (!ticket) return errorAnswer(404)
    const record = serializeTicket(context, ticket, context.user)
    // `fields[Queue]=Name` expands a reference on a single record too, as on collection items.
    for (const [name] of parameters.values) {
      const field = /^fields\[(\w+)\]$/.exec(name)?.[1]
      if (field && field in record) record[field] = expandField(context, parameters, { kind: 'ticket', row: ticket }, field) as (typeof record)[string]
    }
    return jsonAnswer(200, record, recordHeaders(etag, ticket.lastUpdated))
  }
  if (request.method === 'DELETE') {
    if (!ticket) return errorAnswer(404)
    const result = setTicketStatus(context, context.user, ticket, 'deleted')
    return result.ok ? emptyAnswer(204) : errorAnswer(400, result.message)
  }
  const data = writableBody(request, parameters)
  if (data instanceof Response) return data
  Object.assign(data, queryParameters(request))
  deserializeRecord(data)
  if (request.method === 'PUT') {
    if (!ticket) return errorAnswer(404, 'Resource does not exist; use POST to create')
    const messages: string[] = []
    // PUT /ticket/<id>/take|untake|steal: RT runs the action before the update.
    if (match[2]) messages.push(setTicketOwner(context, context.user, ticket, match[2] === 'untake' ? nobodyUserId : context.user.id).message)
    messages.push(...updateRest2Ticket(context, ticket, data))
    return jsonAnswer(200, messages, {}, false)
  }
  if (ticket) return errorAnswer(409, 'Resource already exists; use PUT to update')
  const created = createRest2Ticket(context, data)
  if (!created.ticket) return errorAnswer(created.status, created.messages[0])
  return new Response(Buffer.from(toCompactPerlJson(reference(context, 'ticket', created.ticket.id)), 'utf8'), {
    status: 201,
    statusText: 'Created',
    headers: { server: 'Plack::Handler::Starlet', location: `/REST/2.0/ticket/${created.ticket.id}`, 'content-type': 'application/json; charset=utf-8' },
  })
}

function messageRoute(context: Rest2Context, request: SimulatorRequest, parameters: RequestParameters, match: RegExpExecArray): Response {
  if (request.method !== 'POST') return errorAnswer(405)
  const ticket = context.database.tickets.get(Number(match[1]))
  const kind = match[2] === 'comment' ? 'Comment' : 'Correspond'
  // The message resource has no ETag, so any If-Match but `*` fails.
  const precondition = preconditionAnswer(request, true, undefined)
  if (precondition) return precondition
  const type = mediaType(request)
  let outcome
  if (type === 'text/plain' || type === 'text/html') {
    outcome = addRest2Message(context, ticket, kind, {}, { content: request.body.toString('utf8'), contentType: type })
  } else if (type === 'application/json') {
    let body: unknown
    try {
      body = parsePerlJson(request.body.toString('utf8'))
    } catch {
      return errorAnswer(500)
    }
    outcome = addRest2Message(context, ticket, kind, body as Rest2Data)
  } else if (type === 'multipart/form-data') {
    const json = parameters.values.get('JSON')?.[0]
    if (!json) return errorAnswer(400, 'JSON is a required field for multipart/form-data')
    const body = parsePerlJson(json) as Rest2Data
    const files = uploadedFiles(parameters.parts)
    if (files.length > 0) body.Attachments = files
    outcome = addRest2Message(context, ticket, kind, body)
  } else {
    return errorAnswer(415)
  }
  if (outcome.status !== 201 || outcome.transactionId === undefined) return errorAnswer(outcome.status, outcome.messages.join('\n'))
  return jsonAnswer(201, outcome.messages, { location: `/REST/2.0/transaction/${outcome.transactionId}` })
}

function readOnly(request: SimulatorRequest): Response | undefined {
  return request.method === 'GET' || request.method === 'HEAD' ? undefined : errorAnswer(405)
}

function collectionAnswer(context: Rest2Context, request: SimulatorRequest, parameters: RequestParameters, items: CollectionItem[], total: number | null): Response {
  try {
    return jsonAnswer(200, collectionBody(context, parameters, request.url, items, total))
  } catch (error) {
    if (error instanceof Rest2ExpansionCrash) return emptyAnswer(500, { 'content-type': 'application/json; charset="utf-8"' })
    throw error
  }
}

/**
 * A collection searchable with JSON conditions (QueryByJSON): GET or POST, conditions from the
 * body (POST) or `?query=[...]`, then RT's default order unless `orderby` is given.
 */
function jsonCollection(
  context: Rest2Context,
  request: SimulatorRequest,
  parameters: RequestParameters,
  items: CollectionItem[],
  total: (count: number) => number | null,
  options: { defaultOrder?: string[]; searchable?: Set<string> } = {},
): Response {
  if (!['GET', 'HEAD', 'POST'].includes(request.method)) return errorAnswer(405)
  const conditions = readJsonConditions(request)
  if (conditions instanceof Response) return conditions
  const filtered = orderItems(context, parameters, filterByJson(context, items, conditions as JsonCondition[], options.searchable), options.defaultOrder)
  return collectionAnswer(context, request, parameters, filtered, total(filtered.length))
}

/** Whether the user may count everything in a generic collection (RT: SuperUser). */
function seesAll(context: Rest2Context): boolean {
  return context.database.hasRight(context.user.id, 'SuperUser')
}

const routes: [RegExp, Route][] = [
  [
    /^\/rt\/?$/,
    (context, request) => {
      const refused = request.method === 'GET' ? undefined : errorAnswer(405)
      if (refused) return refused
      return jsonAnswer(200, { Version: context.database.identity.version, ...(seesAll(context) ? { Plugins: [] } : {}) })
    },
  ],
  [/^\/ticket\/?$/, ticketRoute],
  [/^\/ticket\/(\d+)\/?$/, ticketRoute],
  [/^\/ticket\/(\d+)\/(correspond|comment)$/, messageRoute],
  [/^\/ticket\/(\d+)\/(take|untake|steal)$/, ticketRoute],
  [
    /^\/tickets\/?$/,
    (context, request, parameters) => {
      if (!['GET', 'HEAD', 'POST'].includes(request.method)) return errorAnswer(405)
      const query = parameters.values.get('query')?.[0] ?? ''
      const orders = parameters.values.get('order') ?? []
      const order = (parameters.values.get('orderby') ?? []).map((field, index) => ({ field, descending: (orders[index] ?? 'ASC').toUpperCase() === 'DESC' }))
      try {
        const tickets = searchTickets(context.database, context.user, query, order)
        return collectionAnswer(context, request, parameters, tickets.map((row): CollectionItem => ({ kind: 'ticket', row })), tickets.length)
      } catch (error) {
        if (error instanceof TicketSqlError) return errorAnswer(400, ticketSqlErrorText(error, 'rest2'))
        throw error
      }
    },
  ],
  [
    /^\/(ticket|queue|user)\/([^/]+)\/history\/?$/,
    (context, request, parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const { database } = context
      let items: CollectionItem[] = []
      if (match[1] === 'ticket' && /^\d+$/.test(match[2] ?? '')) {
        const ticket = database.tickets.get(Number(match[2]))
        if (ticket && canSeeTicket(database, context.user)) items = database.ticketTransactions(ticket.id).map((row) => ({ kind: 'transaction', row }))
      } else if (match[1] === 'queue') {
        const queue = database.findQueue(decodeURIComponent(match[2] ?? ''))
        if (queue && canSeeQueue(database, context.user)) items = database.objectTransactions('RT::Queue', queue.id).map((row) => ({ kind: 'transaction', row }))
      } else if (match[1] === 'user') {
        const user = database.findUser(decodeURIComponent(match[2] ?? ''))
        if (user && seesAll(context)) items = database.objectTransactions('RT::User', user.id).map((row) => ({ kind: 'transaction', row }))
      }
      return collectionAnswer(context, request, parameters, items, seesAll(context) ? items.length : null)
    },
  ],
  [
    /^\/transactions\/?$/,
    (context, request, parameters) => {
      if (!['GET', 'HEAD', 'POST'].includes(request.method)) return errorAnswer(405)
      const query = parameters.values.get('query')?.[0] ?? ''
      const visible = canSeeTicket(context.database, context.user)
      const total = (count: number): number | null => (seesAll(context) ? count : null)
      if (mediaType(request) === 'application/json' || /^\s*\[/.test(query)) {
        const items = visible ? [...context.database.transactions.values()].map((row): CollectionItem => ({ kind: 'transaction', row })) : []
        return jsonCollection(context, request, parameters, items, total, { defaultOrder: ['Created', 'id'] })
      }
      try {
        const transactions = searchTransactions(context.database, context.user, query)
        const items = orderItems(context, parameters, transactions.map((row): CollectionItem => ({ kind: 'transaction', row })), ['Created', 'id'])
        return collectionAnswer(context, request, parameters, items, total(items.length))
      } catch (error) {
        if (error instanceof TicketSqlError) return errorAnswer(400, ticketSqlErrorText(error, 'rest2'))
        throw error
      }
    },
  ],
  [
    /^\/transaction\/(\d+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const transaction = context.database.transactions.get(Number(match[1]))
      // RT checks rights on the transaction's object before anything else; a missing one crashes.
      if (!transaction) return errorAnswer(500)
      if (transaction.objectType === 'RT::Ticket' && !canSeeTicket(context.database, context.user)) return errorAnswer(403)
      return jsonAnswer(200, serializeTransaction(context, transaction))
    },
  ],
  [
    /^\/transaction\/(\d+)\/attachments\/?$/,
    (context, request, parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const transaction = context.database.transactions.get(Number(match[1]))
      if (!transaction) return textAnswer(500, 'Internal Server Error')
      const visible = transaction.objectType !== 'RT::Ticket' || canSeeTicket(context.database, context.user)
      const items = visible ? context.database.transactionAttachments(transaction.id).map((row): CollectionItem => ({ kind: 'attachment', row })) : []
      return collectionAnswer(context, request, parameters, items, seesAll(context) ? items.length : null)
    },
  ],
  [
    /^\/ticket\/(\d+)\/attachments\/?$/,
    (context, request, parameters, match) => {
      const ticket = context.database.tickets.get(Number(match[1]))
      const visible = ticket !== undefined && canSeeTicket(context.database, context.user)
      const items = visible ? context.database.ticketAttachments((ticket as RtTicket).id).map((row): CollectionItem => ({ kind: 'attachment', row })) : []
      return jsonCollection(context, request, parameters, items, (count) => (seesAll(context) ? count : null))
    },
  ],
  [
    /^\/attachments\/?$/,
    (context, request, parameters) => {
      const items = canSeeTicket(context.database, context.user) ? [...context.database.attachments.values()].map((row): CollectionItem => ({ kind: 'attachment', row })) : []
      return jsonCollection(context, request, parameters, items, (count) => (seesAll(context) ? count : null))
    },
  ],
  [
    /^\/attachment\/(\d+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const attachment = context.database.attachments.get(Number(match[1]))
      if (!attachment) return errorAnswer(500)
      if (!canSeeTicket(context.database, context.user)) return errorAnswer(403)
      return jsonAnswer(200, serializeAttachment(context, attachment))
    },
  ],
  [
    /^\/queues\/all\/?$/,
    (context, request, parameters) => {
      const refused = readOnly(request)
      if (refused) return refused
      const queues = canSeeQueue(context.database, context.user) ? [...context.database.queues.values()].filter((queue) => queue.disabled === 0) : []
      return collectionAnswer(context, request, parameters, queues.map((row): CollectionItem => ({ kind: 'queue', row })), seesAll(context) ? queues.length : null)
    },
  ],
  [
    /^\/queues\/?$/,
    (context, request, parameters) => {
      const queues = canSeeQueue(context.database, context.user) ? [...context.database.queues.values()].filter((queue) => queue.disabled === 0) : []
      return jsonCollection(context, request, parameters, queues.map((row): CollectionItem => ({ kind: 'queue', row })), (count) => (seesAll(context) ? count : null), { defaultOrder: ['SortOrder', 'Name'] })
    },
  ],
  [
    /^\/queue\/([^/]+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const queue = context.database.findQueue(decodeURIComponent(match[1] ?? ''))
      if (queue && !canSeeQueue(context.database, context.user)) return errorAnswer(403)
      const etag = queue ? newestTransactionId(context, 'RT::Queue', queue.id) : undefined
      const precondition = preconditionAnswer(request, !!queue, etag)
      if (precondition) return precondition
      if (!queue) return errorAnswer(404)
      return jsonAnswer(200, serializeQueue(context, queue, context.user), recordHeaders(etag, queue.lastUpdated))
    },
  ],
  [
    /^\/user\/?$/,
    (context, request) => {
      if (request.method !== 'POST') return errorAnswer(405)
      if (mediaType(request) !== 'application/json') return errorAnswer(415)
      const body = jsonBody(request)
      if (body instanceof Response) return body
      const created = createRest2User(context, deserializeRecord(body))
      if (!('user' in created)) return errorAnswer(created.status, created.message)
      return new Response(Buffer.from(compactJson(reference(context, 'user', created.user.name)), 'utf8'), {
        status: 201,
        statusText: 'Created',
        headers: { server: 'Plack::Handler::Starlet', location: `/REST/2.0/user/${created.user.id}`, 'content-type': 'application/json; charset=utf-8' },
      })
    },
  ],
  [
    /^\/user\/([^/]+)\/?$/,
    (context, request, _parameters, match) => {
      if (!['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].includes(request.method)) return errorAnswer(405)
      let body: Rest2Data | Response = {}
      if (request.method === 'PUT' && mediaType(request) === 'application/json') {
        body = jsonBody(request)
        if (body instanceof Response) return body
      }
      const user = context.database.findUser(decodeURIComponent(match[1] ?? ''))
      if (!context.user.privileged && user?.id !== context.user.id) return errorAnswer(403)
      const etag = user ? newestTransactionId(context, 'RT::User', user.id) : undefined
      const precondition = preconditionAnswer(request, !!user, etag)
      if (precondition) return precondition
      if (request.method === 'PUT') {
        if (mediaType(request) !== 'application/json') return errorAnswer(415)
        if (!user) return errorAnswer(404, 'Resource does not exist; use POST to create')
        const result = updateRest2User(context, user, deserializeRecord(body))
        if (!Array.isArray(result)) return errorAnswer(result.status, result.message)
        return jsonAnswer(200, result, {}, false)
      }
      if (request.method === 'POST') return user ? errorAnswer(409, 'Resource already exists; use PUT to update') : errorAnswer(404)
      if (request.method === 'DELETE') {
        if (!user) return errorAnswer(404)
        if (!context.database.hasRight(context.user.id, 'AdminUsers')) return errorAnswer(403)
        user.disabled = true
        return emptyAnswer(204)
      }
      if (!user) return errorAnswer(404)
      return jsonAnswer(200, serializeUser(context, user, context.user), recordHeaders(etag, user.lastUpdated))
    },
  ],
  [
    /^\/users\/?$/,
    (context, request, parameters) => {
      if (!context.user.privileged) return errorAnswer(403)
      const admin = context.database.hasRight(context.user.id, 'AdminUsers')
      const users = [...context.database.users.values()].filter((user) => !user.disabled)
      const searchable = admin ? undefined : new Set(['RealName', 'EmailAddress', 'Name'])
      return jsonCollection(context, request, parameters, users.map((row): CollectionItem => ({ kind: 'user', row })), (count) => (seesAll(context) ? count : null), { defaultOrder: ['Name'], ...(searchable ? { searchable } : {}) })
    },
  ],
  [
    /^\/groups\/?$/,
    (context, request, parameters) => {
      const groups = [...context.database.groups.values()].filter((group) => group.domain !== 'ACLEquivalence')
      return jsonCollection(context, request, parameters, groups.map((row): CollectionItem => ({ kind: 'group', row })), (count) => (seesAll(context) ? count : null), { defaultOrder: ['Name'] })
    },
  ],
  [
    /^\/group\/(\d+)\/members\/?$/,
    (context, request, parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const group = context.database.groups.get(Number(match[1]))
      if (!group || !context.database.hasRight(context.user.id, 'AdminGroupMembership')) return errorAnswer(403)
      const flag = (name: string, fallback: boolean): boolean => {
        const value = parameters.values.get(name)?.[0]
        return value === undefined ? fallback : value !== '0' && value !== ''
      }
      const members = group.memberIds
        .map((id) => (context.database.users.has(id) ? { type: 'user', id } : context.database.groups.has(id) ? { type: 'group', id } : undefined))
        .filter((member): member is { type: string; id: number } => member !== undefined)
        .filter((member) => (member.type === 'user' ? flag('users', true) : flag('groups', true)))
      const { perPage, page } = readPaging(parameters)
      const shown = members.slice((page - 1) * perPage, page * perPage).map((member) => ({ type: member.type, id: member.id, _url: `${context.baseUrl}/REST/2.0/${member.type}/${member.id}` }))
      return jsonAnswer(200, { count: shown.length, total: members.length, per_page: perPage, page, items: shown })
    },
  ],
  [
    /^\/customfield\/(\d+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const customField = context.database.customFields.get(Number(match[1]))
      if (customField && !context.database.hasRight(context.user.id, 'SeeCustomField')) return errorAnswer(403)
      const etag = customField ? formatW3cDate(customField.lastUpdated) : undefined
      const precondition = preconditionAnswer(request, !!customField, etag)
      if (precondition) return precondition
      if (!customField) return errorAnswer(404)
      return jsonAnswer(200, serializeCustomField(context, customField), recordHeaders(etag, customField.lastUpdated))
    },
  ],
  [
    /^\/customfields\/?$/,
    (context, request, parameters) => {
      const visible = context.database.hasRight(context.user.id, 'SeeCustomField')
      const fields = visible ? [...context.database.customFields.values()].filter((field) => !field.disabled) : []
      return jsonCollection(context, request, parameters, fields.map((row): CollectionItem => ({ kind: 'customfield', row })), (count) => (seesAll(context) ? count : null), { defaultOrder: ['SortOrder', 'id'] })
    },
  ],
  [
    /^\/tickets\/bulk(?:\/(correspond|comment))?\/?$/,
    (context, request, _parameters, match) => {
      if (!['PUT', 'POST'].includes(request.method)) return errorAnswer(405)
      if (mediaType(request) !== 'application/json') return errorAnswer(415)
      let inputs: unknown
      try {
        inputs = request.body.length > 0 ? parsePerlJson(request.body.toString('utf8')) : []
      } catch (error) {
        if (error instanceof PerlJsonSyntaxError) return errorAnswer(400, `JSON parse error: ${error.message}\n`)
        throw error
      }
      if (!Array.isArray(inputs)) return errorAnswer(400, 'JSON object must be a ARRAY')
      const results: unknown[] = []
      for (const input of inputs as Rest2Data[]) {
        const data = { ...input }
        if (request.method === 'PUT' || match[1]) {
          const id = data.id
          delete data.id
          const ticket = /^\d+$/.test(String(id ?? '')) ? context.database.tickets.get(Number(id)) : undefined
          if (!ticket) {
            results.push([id ?? null, 'Resource does not exist'])
            continue
          }
          if (request.method === 'PUT') results.push([id, ...updateRest2Ticket(context, ticket, deserializeRecord(data))])
          else results.push([id, ...addRest2Message(context, ticket, match[1] === 'comment' ? 'Comment' : 'Correspond', data).messages])
          continue
        }
        const created = createRest2Ticket(context, deserializeRecord(data))
        results.push(created.ticket ? reference(context, 'ticket', created.ticket.id) : { message: created.messages[0] ?? 'Create failed for unknown reason' })
      }
      const status = request.method === 'POST' ? 201 : 200
      return new Response(Buffer.from(compactJson(results as never), 'utf8'), {
        status,
        statusText: status === 201 ? 'Created' : 'OK',
        headers: { server: 'Plack::Handler::Starlet', 'content-type': 'application/json; charset="utf-8"', ...(status === 201 ? { location: '/REST/2.0/tickets/bulk' } : {}) },
      })
    },
  ],
]

/** Answers a request under `/REST/2.0`. `path` is what follows `/REST/2.0`. */
export function handleRest2(request: SimulatorRequest, context: RequestContext, path: string): Response {
  // Bodies are form parameters only when they are not JSON (ProcessPOSTasGET, multipart uploads).
  const parameters = readParameters(request, mediaType(request) !== 'application/json')
  const user = authenticateRest2(context.database, request, parameters)
  if (!user) return unauthorizedAnswer(request)
  const rest2Context: Rest2Context = { ...context, user }
  for (const [pattern, route] of routes) {
    const match = pattern.exec(path)
    if (match) {
      const response = route(rest2Context, request, parameters, match)
      if (request.method === 'HEAD') return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
      return response
    }
  }
  return errorAnswer(404)
}
