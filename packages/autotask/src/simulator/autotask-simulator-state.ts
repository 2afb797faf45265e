import { definitionOf } from './autotask-entity-definitions'
import { createDefaultPicklists, type AutotaskPicklists } from './autotask-picklists'
import { createDefaultUserDefinedFields, type AutotaskUserDefinedField } from './autotask-user-defined-fields'

/** A stored row: the entity's model properties by their spec names. */
export type AutotaskRecord = Record<string, unknown> & { id: number }

/** A user-defined field value on a record. */
export interface AutotaskUserDefinedFieldValue {
  name: string
  value: string | null
}

/**
 * The simulated tenant's database: one table per entity, rows kept in id order (ids only grow,
 * so insertion order is id order, which is the order Autotask answers queries in), attachment
 * bytes beside their rows, and the tenant's picklists and user-defined fields.
 */
export class AutotaskSimulatorState {
  readonly picklists: AutotaskPicklists = createDefaultPicklists()
  readonly userDefinedFields: Record<string, AutotaskUserDefinedField[]> = createDefaultUserDefinedFields()
  private readonly tables = new Map<string, Map<number, AutotaskRecord>>()
  private readonly attachmentBytes = new Map<string, string>()
  private readonly sequences = new Map<string, number>()
  private readonly highestIds = new Map<string, number>()

  /** Rows of an entity in id order. */
  rows(entity: string): AutotaskRecord[] {
    return [...this.table(entity).values()]
  }

  /** Number of rows of an entity. */
  count(entity: string): number {
    return this.table(entity).size
  }

  get(entity: string, id: number): AutotaskRecord | undefined {
    return this.table(entity).get(id)
  }

  /** Stores a new row, giving it the next id of its sequence when it has none. */
  insert(entity: string, row: Omit<AutotaskRecord, 'id'> & { id?: number }): AutotaskRecord {
    const id = typeof row.id === 'number' && row.id >= 0 ? row.id : this.nextId(entity)
    const stored = { ...row, id } as AutotaskRecord
    const sequence = this.sequenceName(entity)
    this.sequences.set(sequence, Math.max(this.sequences.get(sequence) ?? 0, id))
    const table = this.table(entity)
    const highest = this.highestIds.get(entity)
    if (highest === undefined || id > highest) this.highestIds.set(entity, id)
    if (highest !== undefined && id < highest) {
      // Keep id order when a caller seeds an older id.
      const rows = [...table.values(), stored].sort((left, right) => left.id - right.id)
      table.clear()
      for (const current of rows) table.set(current.id, current)
    } else {
      table.set(id, stored)
    }
    return stored
  }

  /** Replaces a stored row (same id). */
  update(entity: string, row: AutotaskRecord): void {
    this.table(entity).set(row.id, row)
  }

  remove(entity: string, id: number): boolean {
    this.attachmentBytes.delete(`${entity}:${id}`)
    return this.table(entity).delete(id)
  }

  /** The next id of an entity's sequence (attachments share one sequence, as in Autotask). */
  nextId(entity: string): number {
    const sequence = this.sequenceName(entity)
    const next = Math.max((this.sequences.get(sequence) ?? (definitionOf(entity).firstId ?? 1000) - 1) + 1, 1)
    this.sequences.set(sequence, next)
    return next
  }

  /** Base64 bytes of an attachment row. */
  attachmentData(entity: string, id: number): string | undefined {
    return this.attachmentBytes.get(`${entity}:${id}`)
  }

  setAttachmentData(entity: string, id: number, base64: string): void {
    this.attachmentBytes.set(`${entity}:${id}`, base64)
  }

  /** The user-defined fields of an entity (empty when it has none). */
  userDefinedFieldsOf(entity: string): AutotaskUserDefinedField[] {
    return this.userDefinedFields[entity] ?? []
  }

  private sequenceName(entity: string): string {
    return definitionOf(entity).idSequence ?? entity
  }

  private table(entity: string): Map<number, AutotaskRecord> {
    let table = this.tables.get(entity)
    if (!table) {
      table = new Map()
      this.tables.set(entity, table)
    }
    return table
  }
}
