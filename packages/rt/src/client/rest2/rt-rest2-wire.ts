import { type CallOptions, InvalidResponseError } from '@ticketbridge/core'
import type { HttpTransport, QueryParameters } from '@ticketbridge/http'
import { encodeMultipart } from '../rt-multipart'
import type { RtUpload } from '../rt-upload'
import type {
  Rest2AttachmentEncoding,
  Rest2ClientOptions,
  Rest2CollectionOptions,
  Rest2RecordOptions,
  Rest2RecordResponse,
} from './rt-rest2-client-options'
import { encodeRest2FileName } from './rt-rest2-file-name'
import type { Rest2Attachment, Rest2Collection, Rest2JsonCondition } from './rt-rest2-types'

/**
 * What every REST2 resource sends through: the transport and RT's record, collection and JSON
 * search shapes. `Rest2Client` is this base with its resources stacked on it (tickets, then
 * transactions, then the directory), so `client.rest2` stays one flat set of methods.
 */
export class Rest2Resource {
  protected readonly http: HttpTransport

  constructor(options: Rest2ClientOptions) {
    this.http = options.transport
  }

  /** The transport, for requests this client has no method for. */
  get transport(): HttpTransport {
    return this.http
  }

  protected async getRecord<T>(path: string, options: Rest2RecordOptions): Promise<Rest2RecordResponse<T>> {
    const { expand, ...call } = options
    const response = await this.http.get<T>(path, { ...call, ...(expand ? { query: expandQuery(expand) } : {}) })
    return {
      record: response.data,
      ...(response.headers.etag ? { etag: response.headers.etag } : {}),
      ...(response.headers['last-modified'] ? { lastModified: response.headers['last-modified'] } : {}),
    }
  }

  protected async getCollection<T>(path: string, query: QueryParameters, call: CallOptions): Promise<Rest2Collection<T>> {
    const response = await this.http.get<Rest2Collection<T>>(path, { ...call, query })
    return checkedCollection(response.data, path)
  }

  protected async searchByJson<T>(
    path: string,
    conditions: readonly Rest2JsonCondition[],
    options: Rest2CollectionOptions,
  ): Promise<Rest2Collection<T>> {
    const { query, call } = collectionRequest(options)
    // A search reads: safe to repeat, and it belongs in the read lane.
    const response = await this.http.post<Rest2Collection<T>>(path, conditions, { ...call, query, idempotent: true, lane: 'read' })
    return checkedCollection(response.data, path)
  }
}

/** The bytes of a `GET /attachment/<id>` record: its `Content` is base64 (with line breaks). */
export function decodeAttachmentContent(attachment: Pick<Rest2Attachment, 'Content'>): Uint8Array {
  const content = attachment.Content ?? ''
  return new Uint8Array(Buffer.from(content.replace(/\s+/g, ''), 'base64'))
}

/** Messages of a PUT or message answer: RT sends an array of strings. */
export function toMessages(data: unknown): string[] {
  if (Array.isArray(data)) return data.map((message) => String(message))
  if (typeof data === 'string' && data.trim() !== '') return [data]
  return []
}

/** A message or create body: plain JSON, JSON with base64 files, or multipart (a `JSON` part and `Attachments` file parts). */
export function messageBody(
  input: Readonly<Record<string, unknown>>,
  attachments: readonly RtUpload[] | undefined,
  encoding: Rest2AttachmentEncoding = 'json',
): { body: unknown; headers?: Record<string, string> } {
  if (!attachments || attachments.length === 0) return { body: input }
  if (encoding === 'multipart') {
    const multipart = encodeMultipart([
      { name: 'JSON', value: JSON.stringify(input), contentType: 'application/json' },
      ...attachments.map((attachment) => ({
        name: 'Attachments',
        filename: attachment.filename,
        contentType: attachment.contentType ?? 'application/octet-stream',
        data: attachment.data,
      })),
    ])
    return { body: multipart.body, headers: { 'Content-Type': multipart.contentType } }
  }
  return {
    body: {
      ...input,
      Attachments: attachments.map((attachment) => ({
        FileName: encodeRest2FileName(attachment.filename),
        FileType: attachment.contentType ?? 'application/octet-stream',
        FileContent: Buffer.from(attachment.data.buffer, attachment.data.byteOffset, attachment.data.byteLength).toString('base64'),
      })),
    },
  }
}

export function collectionRequest(options: Rest2CollectionOptions): { query: Record<string, string | number | string[]>; call: CallOptions } {
  const { page, perPage, orderBy, order, fields, expand, findDisabledRows, signal, timeoutMs } = options
  const query: Record<string, string | number | string[]> = {}
  if (page !== undefined) query.page = page
  if (perPage !== undefined) query.per_page = perPage
  if (orderBy !== undefined) query.orderby = typeof orderBy === 'string' ? [orderBy] : [...orderBy]
  if (order !== undefined) query.order = typeof order === 'string' ? [order] : [...order]
  if (fields !== undefined && fields.length > 0) query.fields = fields.join(',')
  if (findDisabledRows) query.find_disabled_rows = 1
  Object.assign(query, expand ? expandQuery(expand) : {})
  return { query, call: { ...(signal ? { signal } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) } }
}

function expandQuery(expand: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  return Object.fromEntries(Object.entries(expand).map(([field, subfields]) => [`fields[${field}]`, subfields.join(',')]))
}

export function pickCallOptions(options: CallOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
}

function checkedCollection<T>(data: Rest2Collection<T>, path: string): Rest2Collection<T> {
  if (typeof data !== 'object' || data === null || !Array.isArray(data.items)) throw invalid(`GET ${path}`, 'a collection with items', data)
  return data
}

/** RT's `Location` is relative (`/REST/2.0/ticket/3`, `/REST/2.0/transaction/68`): its last number. */
export function idFromLocation(location: string | undefined): string | undefined {
  return location === undefined ? undefined : /\/(\d+)\/?$/.exec(location)?.[1]
}

/** RT's ETags are quoted (`"58"`); accept them bare too. */
export function quoteEtag(etag: string): string {
  const trimmed = etag.trim()
  return /^(W\/)?".*"$/.test(trimmed) ? trimmed : `"${trimmed}"`
}

export function invalid(what: string, expected: string, body: unknown): InvalidResponseError {
  return new InvalidResponseError(`RT answered ${what} without ${expected}.`, {
    vendor: 'rt',
    body: typeof body === 'string' ? body : JSON.stringify(body ?? null),
  })
}

export function segment(value: string | number): string {
  return encodeURIComponent(String(value))
}
