/** What every REST2 route shares: the route signature, request bodies, record headers, collection answers. */
import { formatW3cDate } from '../rt-dates'
import { PerlJsonSyntaxError, parsePerlJson } from '../rt-perl-json'
import type { RequestParameters, SimulatorRequest } from '../rt-request'
import { collectionBody, orderItems } from './rt-rest2-collections'
import { Rest2ExpansionCrash } from './rt-rest2-columns'
import type { CollectionItem, Rest2Context } from './rt-rest2-context'
import { emptyAnswer, errorAnswer, jsonAnswer, mediaType } from './rt-rest2-http'
import { type JsonCondition, filterByJson, readJsonConditions } from './rt-rest2-json-query'
import { type Rest2Data, uploadedFiles } from './rt-rest2-ticket-writes'

/** Answers one request whose path matched the route's pattern. */
export type Route = (context: Rest2Context, request: SimulatorRequest, parameters: RequestParameters, match: RegExpExecArray) => Response

/** Routes in the order they are tried: the first pattern matching the path answers. */
export type Rest2Routes = [RegExp, Route][]

/** The request body as a JSON object, or the 400 RT answers for malformed JSON (RequestBodyIsJSON). */
export function jsonBody(request: SimulatorRequest): Rest2Data | Response {
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
export function writableBody(request: SimulatorRequest, parameters: RequestParameters): Rest2Data | Response {
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

/** The query string's parameters, which RT merges into a written record's data. */
export function queryParameters(request: SimulatorRequest): Rest2Data {
  const data: Rest2Data = {}
  for (const [name, value] of new URLSearchParams(request.url.search)) data[name] = value
  return data
}

/** The ETag and Last-Modified headers of a single record. */
export function recordHeaders(etag: string | undefined, lastModified: number | undefined): Record<string, string> {
  return {
    ...(etag !== undefined ? { etag: `"${etag}"` } : {}),
    ...(lastModified !== undefined ? { 'last-modified': formatW3cDate(lastModified) } : {}),
  }
}

/** A record's ETag: the id of its newest transaction. */
export function newestTransactionId(context: Rest2Context, objectType: string, objectId: number): string | undefined {
  const transactions = context.database.objectTransactions(objectType, objectId)
  const last = transactions[transactions.length - 1]
  return last ? String(last.id) : undefined
}

/** The 405 a read-only resource answers to anything but GET and HEAD. */
export function readOnly(request: SimulatorRequest): Response | undefined {
  return request.method === 'GET' || request.method === 'HEAD' ? undefined : errorAnswer(405)
}

/** A collection's paged answer, or the empty 500 RT gives when an expansion crashes. */
export function collectionAnswer(
  context: Rest2Context,
  request: SimulatorRequest,
  parameters: RequestParameters,
  items: CollectionItem[],
  total: number | null,
): Response {
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
export function jsonCollection(
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
  const filtered = orderItems(
    context,
    parameters,
    filterByJson(context, items, conditions as JsonCondition[], options.searchable),
    options.defaultOrder,
  )
  return collectionAnswer(context, request, parameters, filtered, total(filtered.length))
}

/** Whether the user may count everything in a generic collection (RT: SuperUser). */
export function seesAll(context: Rest2Context): boolean {
  return context.database.hasRight(context.user.id, 'SuperUser')
}
