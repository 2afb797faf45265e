import type { CallOptions } from '@ticketbridge/core'
import type { AutotaskConnection } from './autotask-connection'
import {
  type AutotaskEntityInformation,
  type AutotaskField,
  type AutotaskPicklistValue,
  autotaskEntityInformationResultSchema,
  autotaskFieldsResultSchema,
  parseAutotaskResponse,
} from './autotask-schemas'

/** Options of metadata reads. */
export interface AutotaskMetadataOptions extends CallOptions {
  /** Read from Autotask even when a cached copy is fresh (and refresh the cache). */
  refresh?: boolean
}

/** A picklist field's values, with label ⇄ value lookups. */
export interface AutotaskPicklist {
  entity: string
  field: string
  /** Every value, active or not (old records may carry inactive ones), in sort order. */
  values: AutotaskPicklistValue[]
  /** The values that can be set. */
  active: AutotaskPicklistValue[]
  /** The value of a label (case-insensitive; active values first), as a number when it is one. */
  valueOf(label: string): number | string | undefined
  /** The label of a value. */
  labelOf(value: number | string | null | undefined): string | undefined
  /** The value Autotask marks as default, if any. */
  defaultValue(): number | string | undefined
}

interface CacheEntry<T> {
  value: Promise<T>
  expiresAt: number
  /** Set once the value resolved. */
  loaded?: boolean
}

/**
 * Entity metadata (`/{Entity}/entityInformation`, `/fields`, `/userDefinedFields`), cached per
 * entity for `metadataCacheTtlMs`. Metadata is per tenant and rarely changes, and every read
 * costs a request of the hourly budget; concurrent readers share one request.
 */
export class AutotaskMetadata {
  private readonly cache = new Map<string, CacheEntry<unknown>>()

  constructor(
    private readonly connection: AutotaskConnection,
    private readonly ttlMs: number,
  ) {}

  /** What the entity allows (`canCreate`, `canUpdate`, `canDelete`, `canQuery`, `hasUserDefinedFields`). */
  entityInformation(entity: string, options: AutotaskMetadataOptions = {}): Promise<AutotaskEntityInformation> {
    return this.cached(`${entity}/entityInformation`, options, async () => {
      const data = await this.get(`/${entity}/entityInformation`, options)
      return parseAutotaskResponse(autotaskEntityInformationResultSchema, data, `GET /${entity}/entityInformation`).info
    })
  }

  /** The entity's fields: types, required, read-only, queryable, references, picklists. */
  fields(entity: string, options: AutotaskMetadataOptions = {}): Promise<AutotaskField[]> {
    return this.cached(`${entity}/fields`, options, async () => {
      const data = await this.get(`/${entity}/entityInformation/fields`, options)
      return parseAutotaskResponse(autotaskFieldsResultSchema, data, `GET /${entity}/entityInformation/fields`).fields
    })
  }

  /** The entity's user-defined field definitions (name, label, type, picklist, required). */
  userDefinedFields(entity: string, options: AutotaskMetadataOptions = {}): Promise<AutotaskField[]> {
    return this.cached(`${entity}/userDefinedFields`, options, async () => {
      const data = await this.get(`/${entity}/entityInformation/userDefinedFields`, options)
      return parseAutotaskResponse(autotaskFieldsResultSchema, data, `GET /${entity}/entityInformation/userDefinedFields`).fields
    })
  }

  /** One field's definition, or undefined when the entity has no such field (names compare case-insensitively). */
  async field(entity: string, name: string, options: AutotaskMetadataOptions = {}): Promise<AutotaskField | undefined> {
    const fields = await this.fields(entity, options)
    return fields.find((field) => field.name.toLowerCase() === name.toLowerCase())
  }

  /** A picklist field's values with label ⇄ value lookups; an empty list when the field has none. */
  async picklist(entity: string, field: string, options: AutotaskMetadataOptions = {}): Promise<AutotaskPicklist> {
    const definition = await this.field(entity, field, options)
    return createPicklist(entity, definition?.name ?? field, definition?.picklistValues ?? [])
  }

  /** Forgets cached metadata, of one entity or of all. */
  clear(entity?: string): void {
    if (entity === undefined) this.cache.clear()
    else for (const key of [...this.cache.keys()]) if (key.startsWith(`${entity}/`)) this.cache.delete(key)
  }

  private async get(path: string, options: CallOptions): Promise<unknown> {
    const response = await this.connection.send<unknown>({
      method: 'GET',
      path,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    })
    return response.data
  }

  private cached<T>(key: string, options: AutotaskMetadataOptions, load: () => Promise<T>): Promise<T> {
    const entry = this.cache.get(key) as CacheEntry<T> | undefined
    if (entry && entry.expiresAt > Date.now() && !options.refresh) return entry.value
    const value = load()
    const fresh: CacheEntry<T> = { value, expiresAt: Date.now() + this.ttlMs }
    this.cache.set(key, fresh)
    value.then(
      () => {
        fresh.loaded = true
      },
      () => {
        if (this.cache.get(key) !== fresh) return
        // A failed refresh keeps what was known (until it expires); a failed first load is retried next time.
        if (entry?.loaded && entry.expiresAt > Date.now()) this.cache.set(key, entry)
        else this.cache.delete(key)
      },
    )
    return value
  }
}

/** Builds the lookups of a picklist. */
export function createPicklist(entity: string, field: string, values: readonly AutotaskPicklistValue[]): AutotaskPicklist {
  const sorted = [...values].sort((left, right) => (left.sortOrder ?? 0) - (right.sortOrder ?? 0))
  const active = sorted.filter((value) => value.isActive !== false)
  const typed = (value: string): number | string => (/^-?\d+$/.test(value) ? Number(value) : value)
  return {
    entity,
    field,
    values: sorted,
    active,
    valueOf(label) {
      const wanted = label.trim().toLowerCase()
      const found = active.find((value) => value.label.toLowerCase() === wanted) ?? sorted.find((value) => value.label.toLowerCase() === wanted)
      return found === undefined ? undefined : typed(found.value)
    },
    labelOf(value) {
      if (value === null || value === undefined) return undefined
      return sorted.find((entry) => entry.value === String(value))?.label
    },
    defaultValue() {
      const found = active.find((value) => value.isDefaultValue === true)
      return found === undefined ? undefined : typed(found.value)
    },
  }
}
