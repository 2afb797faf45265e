import { type CallOptions, createPaginated, InvalidResponseError, type Paginated, ValidationError } from '@ticketbridge/core'
import { type HttpTransport, pageNumberPaging, type QueryParameters } from '@ticketbridge/http'
import type { z } from 'zod'
import { checkHaloQueryKeys } from './halo-query-keys'
import { parseHaloResponse } from './parse-halo-response'
import { readHaloList } from './read-halo-list'

/** Options every client call takes. */
export type HaloCallOptions = CallOptions

/** What a resource group needs from its client. */
export interface HaloRequestContext {
  readonly transport: HttpTransport
  /** Records per POST when writing many. */
  readonly batchSize: number
}

/** One page of a paged list, as Halo returned it. */
export interface HaloPage<Row> {
  rows: Row[]
  /** All matches (`record_count`), when Halo reported it. */
  recordCount?: number
  pageNumber: number
  /** The page size asked for (Halo may return fewer even when more remain). */
  pageSize: number
}

/** Largest page Halo returns; larger `page_size` values are cut to it silently (halo.md §3.3). */
export const haloPageSizeLimit = 100

/** The types of one resource group: its rows and the parameters of its calls. */
export interface HaloCollectionTypes {
  row: object
  listQuery: object
  getQuery: object
  deleteQuery: object
  input: object
}

/** How one resource is reached. */
export interface HaloCollectionDefinition<Row> {
  /** The collection path relative to `/api`: `/Tickets`. */
  path: string
  /** The key of the list in wrapper answers: `tickets`. Bare-array endpoints ignore it. */
  listKey: string
  /** Whether the list takes `pageinate`, `page_size` and `page_no`. */
  paged: boolean
  /** Tolerant schema of a row. */
  row: z.ZodType<Row>
  /** Names the record in errors: `ticket`. */
  what: string
  /** Integer ids (most) or strings (priority policies are UUIDs). Defaults to integer. */
  idKind?: 'integer' | 'string'
}

/** Anything a list query may carry. */
type QueryObject = Record<string, unknown>

function toQuery(query: object | undefined): QueryParameters {
  const result: Record<string, string | number | boolean> = {}
  for (const [name, value] of Object.entries((query ?? {}) as QueryObject)) {
    if (value === undefined || value === null) continue
    // Halo's "(array of int)" filters are comma-joined strings (halo.md §3.4).
    result[name] = Array.isArray(value) ? value.join(',') : (value as string | number | boolean)
  }
  return result
}

/** Ids typed as doubles (`site_id: 95.0`) or text are written back as integers: Halo rejects `95.0`. */
function toWritable(record: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(record as QueryObject)) {
    if (value === undefined) continue
    const isIdField = name === 'id' || name.endsWith('_id') || name.endsWith('id_int')
    if (isIdField && typeof value === 'string' && /^-?\d+(\.0+)?$/.test(value.trim())) copy[name] = Math.trunc(Number(value))
    else if (isIdField && typeof value === 'number' && Number.isFinite(value)) copy[name] = Math.trunc(value)
    else copy[name] = value
  }
  return copy
}

function hasRecordId(record: object, idKind: 'integer' | 'string'): boolean {
  const id = (record as QueryObject).id
  if (idKind === 'string') return typeof id === 'string' && id.trim() !== ''
  const numeric = typeof id === 'string' ? Number(id) : id
  return typeof numeric === 'number' && Number.isInteger(numeric) && numeric > 0
}

/** Refused before sending: nothing reached Halo. */
export function localValidationError(what: string, field: string, message: string): ValidationError {
  return new ValidationError(`Invalid ${what}: ${field}: ${message}. Nothing was sent.`, { status: 0, vendor: 'halo', issues: [{ field, message }] })
}

/**
 * A Halo resource reached the way nearly all of them are: `GET path` lists (paged or a bare
 * array), `GET path/{id}` reads one, `POST path` with an array creates or updates (an upsert),
 * `DELETE path/{id}` deletes. Resource groups extend it with their own calls.
 */
export class HaloCollection<Types extends HaloCollectionTypes> {
  constructor(
    protected readonly context: HaloRequestContext,
    protected readonly definition: HaloCollectionDefinition<Types['row']>,
  ) {}

  /** One page of the list (paged resources), or the whole list (bare-array resources). */
  async listPage(
    query: Types['listQuery'] & { page_no?: number; page_size?: number } = {} as Types['listQuery'],
    options: HaloCallOptions = {},
  ): Promise<HaloPage<Types['row']>> {
    const { path, paged, listKey, row, what } = this.definition
    const pageNumber = Math.max(1, Math.trunc(Number((query as QueryObject).page_no ?? 1)))
    const pageSize = Math.min(haloPageSizeLimit, Math.max(1, Math.trunc(Number((query as QueryObject).page_size ?? haloPageSizeLimit))))
    checkHaloQueryKeys('get', path, query, 'resource')
    const parameters = paged ? { ...toQuery(query), pageinate: true, page_size: pageSize, page_no: pageNumber } : toQuery(query)
    const { data } = await this.context.transport.get<unknown>(path, { query: parameters, ...options })
    const answer = readHaloList(data, listKey, { path })
    return {
      rows: answer.rows.map((item) => parseHaloResponse(row, item, what)),
      ...(answer.recordCount !== undefined ? { recordCount: answer.recordCount } : {}),
      pageNumber,
      pageSize,
    }
  }

  /**
   * Every matching record, page after page as they are iterated. Paging follows what Halo
   * returned, never what was asked: pages are cut to 100 whatever `page_size` says, and listing
   * goes on until `record_count` rows arrived (or, without a count, until an empty page).
   */
  list(query: Types['listQuery'] & { page_size?: number } = {} as Types['listQuery'], options: HaloCallOptions = {}): Paginated<Types['row']> {
    if (!this.definition.paged) {
      return createPaginated(async (_cursor, callOptions) => ({ items: (await this.listPage(query, callOptions)).rows }), options)
    }
    const requestedPageSize = Math.min(haloPageSizeLimit, Math.max(1, Math.trunc(Number((query as QueryObject).page_size ?? haloPageSizeLimit))))
    return pageNumberPaging({
      requestedPageSize,
      vendor: 'halo',
      callOptions: options,
      fetch: async (pageNumber, pageSize, callOptions) => {
        const page = await this.listPage({ ...query, page_no: pageNumber, page_size: pageSize }, callOptions)
        return { items: page.rows, ...(page.recordCount !== undefined ? { total: page.recordCount } : {}) }
      },
    })
  }

  /** One record. Single-record answers carry more than list rows (custom fields, HTML, names). */
  async get(id: number | string, query: Types['getQuery'] = {} as Types['getQuery'], options: HaloCallOptions = {}): Promise<Types['row']> {
    checkHaloQueryKeys('get', `${this.definition.path}/{id}`, query, 'resource')
    const { data } = await this.context.transport.get<unknown>(`${this.definition.path}/${encodeURIComponent(String(id))}`, {
      query: toQuery(query),
      ...options,
    })
    return parseHaloResponse(this.definition.row, data, this.definition.what)
  }

  /** Creates one record (POSTed as a one-element array; it must not carry an id). */
  async create(record: Types['input'], options: HaloCallOptions = {}): Promise<Types['row']> {
    const [created] = await this.createMany([record], options)
    if (created === undefined)
      throw new InvalidResponseError(`Halo answered the ${this.definition.what} create without the saved record.`, { vendor: 'halo' })
    return created
  }

  /**
   * Creates records in batches (one POST of up to `batchSize` records each). A record with an
   * id is refused: Halo would update that record instead.
   */
  async createMany(records: readonly Types['input'][], options: HaloCallOptions = {}): Promise<Types['row'][]> {
    records.forEach((record, index) => {
      if (hasRecordId(record, this.definition.idKind ?? 'integer')) {
        throw localValidationError(
          this.definition.what,
          records.length > 1 ? `[${index}].id` : 'id',
          'a new record has no id; use update() to change an existing one',
        )
      }
    })
    return this.upsert(records, options)
  }

  /**
   * Updates one record: only the fields sent change. The id is required: without it Halo
   * would silently create a duplicate (halo.md §3.1).
   */
  async update(record: Types['input'] & { id: number | string }, options: HaloCallOptions = {}): Promise<Types['row']> {
    const [updated] = await this.updateMany([record], options)
    if (updated === undefined)
      throw new InvalidResponseError(`Halo answered the ${this.definition.what} update without the saved record.`, { vendor: 'halo' })
    return updated
  }

  /** Updates records in batches; every one must carry its id. */
  async updateMany(records: readonly (Types['input'] & { id: number | string })[], options: HaloCallOptions = {}): Promise<Types['row'][]> {
    records.forEach((record, index) => {
      if (!hasRecordId(record, this.definition.idKind ?? 'integer')) {
        throw localValidationError(
          this.definition.what,
          records.length > 1 ? `[${index}].id` : 'id',
          this.definition.idKind === 'string'
            ? 'an update needs the record id'
            : 'an update needs the record’s positive integer id; without it Halo would create a duplicate',
        )
      }
    })
    return this.upsert(records, options)
  }

  /** Deletes one record. */
  async delete(id: number | string, query: Types['deleteQuery'] = {} as Types['deleteQuery'], options: HaloCallOptions = {}): Promise<void> {
    checkHaloQueryKeys('delete', `${this.definition.path}/{id}`, query, 'resource')
    await this.context.transport.delete(`${this.definition.path}/${encodeURIComponent(String(id))}`, {
      query: toQuery(query),
      expect: 'any',
      ...options,
    })
  }

  /** POSTs records in batches and returns the saved records in order. */
  protected async upsert(records: readonly object[], options: HaloCallOptions, path = this.definition.path): Promise<Types['row'][]> {
    const saved: Types['row'][] = []
    for (let start = 0; start < records.length; start += this.context.batchSize) {
      const batch = records.slice(start, start + this.context.batchSize).map(toWritable)
      const { data } = await this.context.transport.post<unknown>(path, batch, { expect: 'any', ...options })
      saved.push(
        ...readUpsertAnswer(data, batch.length, this.definition.what).map((item) =>
          parseHaloResponse(this.definition.row, item, this.definition.what),
        ),
      )
    }
    return saved
  }
}

/**
 * A POST answers with the saved record(s): a one-element batch usually comes back as an
 * object, a larger one as an array; both are accepted (halo.md §3.1).
 */
function readUpsertAnswer(data: unknown, sent: number, what: string): unknown[] {
  if (Array.isArray(data)) return data
  if (typeof data === 'object' && data !== null) return [data]
  if (sent === 0) return []
  throw new InvalidResponseError(
    `Halo answered the ${what} write with ${data === undefined || data === '' ? 'an empty body' : 'something that is not a record'}; the saved record is unknown.`,
    {
      vendor: 'halo',
      ...(typeof data === 'string' ? { body: data } : {}),
    },
  )
}

export { toQuery as toHaloQuery }
