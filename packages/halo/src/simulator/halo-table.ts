import { randomUUID } from 'node:crypto'

/** A record as Halo sends it on the wire: its own field names, JSON values. */
export type HaloJson = Record<string, unknown>

/** Options of a {@link HaloTable}. */
export interface HaloTableOptions {
  /** First id handed out to a created record (Halo ids are positive int32). Default 1. */
  firstId?: number
  /** Ids are UUID strings (Halo's priority `Policy` rows) instead of integers. */
  uuidIds?: boolean
}

/**
 * One in-memory table of Halo records keyed by `id`, in id order for integer tables and in
 * insertion order for UUID tables. Records are stored as Halo JSON; callers copy before
 * handing them out, so a response can never alias the store.
 */
export class HaloTable {
  private readonly rows = new Map<number | string, HaloJson>()
  private nextId: number
  readonly uuidIds: boolean

  constructor(
    readonly resource: string,
    records: HaloJson[] = [],
    options: HaloTableOptions = {},
  ) {
    this.uuidIds = options.uuidIds ?? false
    this.nextId = options.firstId ?? 1
    for (const record of records) this.insert(record)
  }

  /** Parses an id from a URL segment or a body value the way this table keys records. */
  parseId(value: unknown): number | string | undefined {
    if (this.uuidIds) return typeof value === 'string' && value.length > 0 ? value.toLowerCase() : undefined
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined
  }

  get(id: unknown): HaloJson | undefined {
    const key = this.parseId(id)
    return key === undefined ? undefined : this.rows.get(key)
  }

  has(id: unknown): boolean {
    return this.get(id) !== undefined
  }

  /** Every record, integer tables in ascending id order. */
  all(): HaloJson[] {
    const records = [...this.rows.values()]
    if (!this.uuidIds) records.sort((left, right) => (left.id as number) - (right.id as number))
    return records
  }

  get size(): number {
    return this.rows.size
  }

  /** The id the next created record gets. */
  peekNextId(): number {
    return this.nextId
  }

  /** Stores a new record; one without a positive id (or a UUID table's id) gets the next one. */
  insert(record: HaloJson): HaloJson {
    const given = this.parseId(record.id)
    let id: number | string
    if (this.uuidIds) id = given ?? randomUUID()
    else if (typeof given === 'number' && given > 0) id = given
    else id = this.nextId
    if (typeof id === 'number') this.nextId = Math.max(this.nextId, id + 1)
    const { id: _ignored, ...fields } = record
    const stored = { id, ...fields }
    this.rows.set(id, stored)
    return stored
  }

  /** Replaces the stored record with the same id. */
  replace(record: HaloJson): HaloJson {
    const id = this.parseId(record.id)
    if (id === undefined || !this.rows.has(id)) throw new Error(`${this.resource} ${String(record.id)} does not exist.`)
    this.rows.set(id, record)
    return record
  }

  delete(id: unknown): boolean {
    const key = this.parseId(id)
    return key === undefined ? false : this.rows.delete(key)
  }
}
