import { type CallOptions, InvalidResponseError, NotFoundError, type Paginated, UnsupportedOperationError, ValidationError } from '@ticketbridge/core'
import type { AutotaskEntityRoute } from '../generated/autotask-entities'
import { type AutotaskBatchOptions, type AutotaskBatchResult, runAutotaskBatch } from './autotask-batch'
import type { AutotaskConnection } from './autotask-connection'
import type { AutotaskFilter } from './autotask-filter'
import type { AutotaskMetadata, AutotaskMetadataOptions, AutotaskPicklist } from './autotask-metadata'
import {
  type AutotaskListOptions,
  type AutotaskQuery,
  type AutotaskQueryPage,
  type AutotaskRecord,
  queryAll,
  queryCount,
  queryIn,
  queryPage,
  toQueryBody,
} from './autotask-query'
import {
  type AutotaskEntityInformation,
  type AutotaskField,
  autotaskItemResultSchema,
  autotaskOperationResultSchema,
  autotaskQueryResultSchema,
  autotaskRecordSchema,
  parseAutotaskResponse,
} from './autotask-schemas'

/** A record to create: the entity's fields (vendor names). */
export type AutotaskWrite<Model> = { [Key in keyof Model]?: Model[Key] | null }

/** A partial update: the id and the fields to change. */
export type AutotaskUpdate<Model> = AutotaskWrite<Model> & { id: number }

/** Options of writes to child entities, which go through their parent's URL. */
export interface AutotaskWriteOptions extends CallOptions {
  /**
   * The parent's id for child entities (a ticket's id for TicketNotes, a company's for Contacts).
   * Taken from the record's parent field (`ticketID`, `companyID`, …) when not given.
   */
  parentId?: number
  /** Act as this resource for this write only; `null` writes as the API user. */
  impersonationResourceId?: number | null
}

/** The field of a child entity's record that holds its parent's id, where the spec's model has one. */
const parentIdFields: Record<string, string> = {
  TicketNotes: 'ticketID',
  TicketAttachments: 'ticketID',
  TicketNoteAttachments: 'ticketNoteID',
  Contacts: 'companyID',
  CompanyNotes: 'companyID',
  CompanyLocations: 'companyID',
  ProjectNotes: 'projectID',
  Tasks: 'projectID',
  Phases: 'projectID',
  TaskNotes: 'taskID',
  ContractNotes: 'contractID',
  ConfigurationItemNotes: 'configurationItemID',
  ResourceRoles: 'resourceID',
  TicketCharges: 'ticketID',
  TicketChecklistItems: 'ticketID',
  TicketSecondaryResources: 'ticketID',
  TicketAdditionalContacts: 'ticketID',
  TicketAdditionalConfigurationItems: 'ticketID',
}

/**
 * Every operation of one Autotask entity, typed with its generated model and limited to the
 * routes the spec gives it: `query`, `queryAll`, `count`, `get`, `create`, `update` (PATCH with
 * the id in the body), `replace` (PUT), `delete`, batches, and the entity's metadata. Operations
 * the entity lacks throw UnsupportedOperationError before anything is sent; child entities
 * (TicketNotes, Contacts, …) write through their parent's URL.
 */
export class AutotaskEntity<Model> {
  constructor(
    protected readonly connection: AutotaskConnection,
    protected readonly metadataCache: AutotaskMetadata,
    /** The entity name, the URL segment after `/V1.0/`. */
    readonly name: string,
    /** The routes the spec gives this entity. */
    readonly route: AutotaskEntityRoute,
  ) {}

  /** One page of a query, as Autotask answered it (at most 500 records; see `queryAll`). */
  async query(query: AutotaskQuery = {}, options: CallOptions = {}): Promise<AutotaskQueryPage<AutotaskRecord<Model>>> {
    this.require(this.route.root.includes('query'), 'query')
    return queryPage<AutotaskRecord<Model>>(this.connection, this.name, toQueryBody(query), options)
  }

  /** Every matching record, 500 per request, paged by id (or by next-page URL). A failing page rejects the listing. */
  queryAll(query: AutotaskQuery = {}, options: AutotaskListOptions = {}): Paginated<AutotaskRecord<Model>> {
    this.require(this.route.root.includes('query'), 'query')
    return queryAll<AutotaskRecord<Model>>(this.connection, this.name, query, options)
  }

  /** The records whose `field` is in `values`, however many (split into `in` lists of at most 500). */
  queryIn(
    field: string,
    values: readonly (string | number)[],
    query: AutotaskQuery = {},
    options: CallOptions & { udf?: boolean } = {},
  ): Paginated<AutotaskRecord<Model>> {
    this.require(this.route.root.includes('query'), 'query')
    return queryIn<AutotaskRecord<Model>>(this.connection, this.name, field, values, query, options)
  }

  /** How many records match (`/query/count`, one request). */
  count(filter: readonly AutotaskFilter[] = [], options: CallOptions = {}): Promise<number> {
    this.require(this.route.root.includes('count'), 'count')
    return queryCount(this.connection, this.name, filter, options)
  }

  /**
   * One record by id. Missing records (HTTP 404, or 200 with `item: null`) are NotFoundError.
   * Child entities without a root GET need `parentId`.
   */
  async get(id: number, options: CallOptions & { parentId?: number } = {}): Promise<AutotaskRecord<Model>> {
    checkId(id, 'id')
    let path: string
    if (this.route.root.includes('get')) path = `/${this.name}/${id}`
    else if (this.route.parent?.operations.includes('get')) path = `${this.parentPath(options.parentId, 'get')}/${id}`
    else throw this.unsupported('get')
    const response = await this.connection.send<unknown>({ method: 'GET', path, ...callOptions(options) })
    const item = readSingleRecord(response.data, `GET ${path}`)
    if (!item) {
      throw new NotFoundError(
        `Not found (HTTP 200 with no item on GET ${path}): ${this.name} ${id} does not exist or is not visible to this API user.`,
        {
          status: 404,
          vendor: 'autotask',
          method: 'GET',
          url: path,
        },
      )
    }
    return item as AutotaskRecord<Model>
  }

  /** Creates a record and returns its new id. Not retried after a timeout or 5xx: look it up before trying again. */
  async create(record: AutotaskWrite<Model>, options: AutotaskWriteOptions = {}): Promise<number> {
    const path = this.writePath('create', record, options)
    const body = { ...record } as Record<string, unknown>
    // Autotask assigns ids; `id: 0` is how its own examples ask for a new record.
    if (body.id === undefined || body.id === null) delete body.id
    return this.write('POST', path, body, options)
  }

  /** Changes the given fields only (`PATCH` with the id in the body) and returns the id. */
  async update(record: AutotaskUpdate<Model>, options: AutotaskWriteOptions = {}): Promise<number> {
    checkId(record.id, 'id')
    return this.write('PATCH', this.writePath('update', record, options), record, options)
  }

  /** Replaces the whole record (`PUT`): fields left out become empty. Prefer `update`. */
  async replace(record: AutotaskUpdate<Model>, options: AutotaskWriteOptions = {}): Promise<number> {
    checkId(record.id, 'id')
    return this.write('PUT', this.writePath('replace', record, options), record, options)
  }

  /** Deletes a record, where the entity allows it (27 root entities and some children). */
  async delete(id: number, options: AutotaskWriteOptions = {}): Promise<void> {
    checkId(id, 'id')
    let path: string
    if (this.route.root.includes('delete')) path = `/${this.name}/${id}`
    else if (this.route.parent?.operations.includes('delete')) path = `${this.parentPath(options.parentId, 'delete')}/${id}`
    else throw this.unsupported('delete')
    await this.connection.send<unknown>({
      method: 'DELETE',
      path,
      ...callOptions(options),
      ...(options.impersonationResourceId !== undefined ? { impersonationResourceId: options.impersonationResourceId } : {}),
    })
  }

  /** Creates many records, at most the per-endpoint limit at once; every item's outcome, in order. */
  createMany(
    records: readonly AutotaskWrite<Model>[],
    options: AutotaskBatchOptions & Pick<AutotaskWriteOptions, 'parentId'> = {},
  ): Promise<AutotaskBatchResult<number>[]> {
    return this.batch(records, (record) => this.create(record, this.batchWriteOptions(options)), options)
  }

  /** Updates many records (PATCH each), at most the per-endpoint limit at once. */
  updateMany(
    records: readonly AutotaskUpdate<Model>[],
    options: AutotaskBatchOptions & Pick<AutotaskWriteOptions, 'parentId'> = {},
  ): Promise<AutotaskBatchResult<number>[]> {
    return this.batch(records, (record) => this.update(record, this.batchWriteOptions(options)), options)
  }

  /** Deletes many records, at most the per-endpoint limit at once. */
  deleteMany(
    ids: readonly number[],
    options: AutotaskBatchOptions & Pick<AutotaskWriteOptions, 'parentId'> = {},
  ): Promise<AutotaskBatchResult<void>[]> {
    // Checked before any request: a batch that cannot run at all fails as a whole.
    if (!this.route.root.includes('delete') && !this.route.parent?.operations.includes('delete')) throw this.unsupported('delete')
    return this.batch(ids, (id) => this.delete(id, this.batchWriteOptions(options)), options)
  }

  /** What the entity allows on this tenant (cached). */
  entityInformation(options: AutotaskMetadataOptions = {}): Promise<AutotaskEntityInformation> {
    return this.metadataCache.entityInformation(this.name, options)
  }

  /** The entity's fields (cached). */
  fields(options: AutotaskMetadataOptions = {}): Promise<AutotaskField[]> {
    return this.metadataCache.fields(this.name, options)
  }

  /** The entity's user-defined fields (cached). */
  userDefinedFields(options: AutotaskMetadataOptions = {}): Promise<AutotaskField[]> {
    return this.metadataCache.userDefinedFields(this.name, options)
  }

  /** A picklist field's values with label ⇄ value lookups (cached). */
  picklist(field: string, options: AutotaskMetadataOptions = {}): Promise<AutotaskPicklist> {
    return this.metadataCache.picklist(this.name, field, options)
  }

  protected async write(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, options: AutotaskWriteOptions): Promise<number> {
    const response = await this.connection.send<unknown>({
      method,
      path,
      body,
      ...callOptions(options),
      ...(options.impersonationResourceId !== undefined ? { impersonationResourceId: options.impersonationResourceId } : {}),
    })
    const parsed = parseAutotaskResponse(autotaskOperationResultSchema, response.data, `${method} ${path}`)
    const itemId = parsed.itemId ?? (body as { id?: number }).id
    if (typeof itemId !== 'number') {
      throw new InvalidResponseError(`Autotask accepted ${method} ${path} but returned no itemId.`, {
        vendor: 'autotask',
        status: response.status,
        url: path,
      })
    }
    return itemId
  }

  private batch<Item, Value>(
    items: readonly Item[],
    work: (item: Item) => Promise<Value>,
    options: AutotaskBatchOptions,
  ): Promise<AutotaskBatchResult<Value>[]> {
    return runAutotaskBatch(items, work, {
      concurrency: options.concurrency ?? this.connection.settings.concurrencyPerEndpoint,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.stopOnError ? { stopOnError: true } : {}),
    })
  }

  private batchWriteOptions(options: AutotaskBatchOptions & Pick<AutotaskWriteOptions, 'parentId'>): AutotaskWriteOptions {
    return {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.parentId !== undefined ? { parentId: options.parentId } : {}),
    }
  }

  /** Where a create, update or replace goes: the entity's own URL, or its parent's. */
  private writePath(operation: 'create' | 'update' | 'replace', record: object, options: AutotaskWriteOptions): string {
    const parentField = parentIdFields[this.name]
    const recordParentId = parentField === undefined ? undefined : (record as Record<string, unknown>)[parentField]
    const parentId = options.parentId ?? (typeof recordParentId === 'number' ? recordParentId : undefined)
    const childAllows = this.route.parent?.operations.includes(operation) === true
    if (this.route.root.includes(operation) && (parentId === undefined || !childAllows)) return `/${this.name}`
    if (childAllows) return this.parentPath(parentId, operation)
    throw this.unsupported(operation)
  }

  private parentPath(parentId: number | undefined, operation: string): string {
    const parent = this.route.parent!
    if (parentId === undefined) {
      throw new ValidationError(
        `${this.name} ${operation} goes through its parent (/${parent.entity}/{parentId}/${parent.segment}): pass parentId${parentIdFields[this.name] ? ` or set ${parentIdFields[this.name]}` : ''}. Nothing was sent.`,
        { status: 0, vendor: 'autotask', issues: [{ field: 'parentId', message: `the ${parent.entity} id is required` }] },
      )
    }
    checkId(parentId, 'parentId')
    return `/${parent.entity}/${parentId}/${parent.segment}`
  }

  protected require(allowed: boolean, operation: string): void {
    if (!allowed) throw this.unsupported(operation)
  }

  protected unsupported(operation: string): UnsupportedOperationError {
    return new UnsupportedOperationError(`${this.name}.${operation}`, {
      vendor: 'autotask',
      reason: `the Autotask REST API has no ${operation} route for ${this.name}`,
    })
  }
}

function checkId(id: unknown, field: string): asserts id is number {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
    throw new ValidationError(`${field} must be a whole Autotask id; got ${JSON.stringify(id)}. Nothing was sent.`, {
      status: 0,
      vendor: 'autotask',
      issues: [{ field, message: 'must be a whole number ≥ 0' }],
    })
  }
}

function callOptions(options: CallOptions): CallOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) }
}

/**
 * The record of a single-record answer. Root GETs answer `{"item": {...}}` (`item: null` when
 * missing); parent-child GETs answer the model itself or, on some zones, `{"items": [...]}`.
 */
export function readSingleRecord(data: unknown, what: string): { id: number } | undefined {
  if (typeof data === 'object' && data !== null && 'item' in data)
    return parseAutotaskResponse(autotaskItemResultSchema, data, what).item ?? undefined
  if (typeof data === 'object' && data !== null && 'items' in data) return parseAutotaskResponse(autotaskQueryResultSchema, data, what).items[0]
  if (data === null || data === undefined || data === '') return undefined
  return parseAutotaskResponse(autotaskRecordSchema, data, what)
}
