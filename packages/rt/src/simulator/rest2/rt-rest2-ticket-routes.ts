/** REST2's ticket resources: a ticket (read, create, update, delete, take), its messages, search and bulk writes. */
import { nobodyUserId } from '../rt-database'
import { PerlJsonSyntaxError, parsePerlJson, toCompactPerlJson } from '../rt-perl-json'
import type { RequestParameters, SimulatorRequest } from '../rt-request'
import { canSeeTicket } from '../rt-ticket-actions'
import { setTicketOwner, setTicketStatus } from '../rt-ticket-fields'
import { searchTickets, ticketSqlErrorText } from '../rt-ticket-search'
import { TicketSqlError } from '../rt-ticket-sql'
import { expandField } from './rt-rest2-collections'
import type { CollectionItem, Rest2Context } from './rt-rest2-context'
import { emptyAnswer, errorAnswer, jsonAnswer, mediaType, preconditionAnswer } from './rt-rest2-http'
import { type Rest2Routes, collectionAnswer, jsonBody, newestTransactionId, queryParameters, recordHeaders, writableBody } from './rt-rest2-route'
import { reference, serializeTicket } from './rt-rest2-serialize'
import { type Rest2Data, addRest2Message, createRest2Ticket, deserializeRecord, updateRest2Ticket, uploadedFiles } from './rt-rest2-ticket-writes'

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
      if (field && field in record)
        record[field] = expandField(context, parameters, { kind: 'ticket', row: ticket }, field) as (typeof record)[string]
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
    headers: {
      server: 'Plack::Handler::Starlet',
      location: `/REST/2.0/ticket/${created.ticket.id}`,
      'content-type': 'application/json; charset=utf-8',
    },
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

/** `/ticket`, `/ticket/<id>` with its messages and take/untake/steal, `/tickets` and `/tickets/bulk`. */
export const ticketRoutes: Rest2Routes = [
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
      const order = (parameters.values.get('orderby') ?? []).map((field, index) => ({
        field,
        descending: (orders[index] ?? 'ASC').toUpperCase() === 'DESC',
      }))
      try {
        const tickets = searchTickets(context.database, context.user, query, order)
        return collectionAnswer(
          context,
          request,
          parameters,
          tickets.map((row): CollectionItem => ({ kind: 'ticket', row })),
          tickets.length,
        )
      } catch (error) {
        if (error instanceof TicketSqlError) return errorAnswer(400, ticketSqlErrorText(error, 'rest2'))
        throw error
      }
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
        results.push(
          created.ticket ? reference(context, 'ticket', created.ticket.id) : { message: created.messages[0] ?? 'Create failed for unknown reason' },
        )
      }
      const status = request.method === 'POST' ? 201 : 200
      return new Response(Buffer.from(toCompactPerlJson(results as never), 'utf8'), {
        status,
        statusText: status === 201 ? 'Created' : 'OK',
        headers: {
          server: 'Plack::Handler::Starlet',
          'content-type': 'application/json; charset="utf-8"',
          ...(status === 201 ? { location: '/REST/2.0/tickets/bulk' } : {}),
        },
      })
    },
  ],
]
