import { autotaskEntityModel, canonicalPropertyName } from '../spec/autotask-spec-index'
import { formatAutotaskDate, parseAutotaskDate } from './autotask-date'
import { definitionOf, singularEntityName } from './autotask-entity-definitions'
import { hasUserDefinedFields, picklistOf, recordPropertiesOf } from './autotask-entity-metadata'
import { autotaskAfterWriteEffects, autotaskEntityRules, type AutotaskRuleContext, type AutotaskWriteActor } from './autotask-entity-rules'
import type { AutotaskRecord, AutotaskSimulatorState, AutotaskUserDefinedFieldValue } from './autotask-simulator-state'

/** A create (POST), partial update (PATCH) or full replace (PUT) of one row. */
export interface AutotaskWriteRequest {
  entity: string
  operation: 'create' | 'update' | 'replace'
  body: unknown
  /** The parent of a child route (`/Tickets/{parentId}/Notes`). */
  parent?: { entity: string; id: number }
  actor: AutotaskWriteActor
  state: AutotaskSimulatorState
  /** Checks an attachment's decoded size against the API limits; returns an error message or nothing. */
  admitAttachment?: (bytes: number) => string | undefined
}

/** The outcome: the stored row, or the status and `errors` Autotask answers. */
export type AutotaskWriteResult = { ok: true; record: AutotaskRecord } | { ok: false; status: number; errors: string[] }

const clrTypes: Record<string, string> = {
  integer: 'System.Int32',
  long: 'System.Int64',
  double: 'System.Double',
  boolean: 'System.Boolean',
  datetime: 'System.DateTime',
}

/** Converts a JSON value to the field's type as Autotask's JSON binding would, or explains why not. */
function convertFieldValue(value: unknown, dataType: string, field: string): { value: unknown } | { error: string } {
  if (value === null || value === undefined) return { value: null }
  const failure = { error: `Error converting value ${JSON.stringify(value)} to type '${clrTypes[dataType] ?? 'System.String'}'. Path '${field}'.` }
  switch (dataType) {
    case 'integer':
    case 'long': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
      return Number.isInteger(number) ? { value: number } : failure
    }
    case 'double': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
      return Number.isFinite(number) ? { value: number } : failure
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value }
      if (value === 'true' || value === 'false') return { value: value === 'true' }
      return failure
    case 'datetime': {
      const parsed = parseAutotaskDate(value)
      return parsed === undefined ? failure : { value: formatAutotaskDate(parsed) }
    }
    case 'string':
      return typeof value === 'object' ? failure : { value: String(value) }
    default:
      return { value }
  }
}

/** A row with every model property present (null), and every tenant UDF with a null value. */
export function blankRecord(entity: string, state: AutotaskSimulatorState): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const property of recordPropertiesOf(entity)) record[property] = null
  if (hasUserDefinedFields(entity)) record.userDefinedFields = state.userDefinedFieldsOf(entity).map((field) => ({ name: field.name, value: null }))
  return record
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

/**
 * Applies one write the way Autotask does: property names in any casing, unknown and read-only
 * properties ignored, values converted to the field types, children linked to the parent in
 * the URL, tenant defaults filled, then validated (required fields, lengths, picklists and
 * their parents, references, user-defined fields, the entity's business rules). Validation
 * failures come back as HTTP 500 with every message, the way Autotask reports them.
 */
export function writeAutotaskRecord(request: AutotaskWriteRequest): AutotaskWriteResult {
  const { entity, state, actor } = request
  const singular = singularEntityName(entity)
  const model = autotaskEntityModel(entity)
  const definition = definitionOf(entity)
  if (!model) return { ok: false, status: 500, errors: [`The ${entity} entity cannot be written.`] }
  if (!isPlainObject(request.body)) return { ok: false, status: 500, errors: [`The request body must be a ${singular} object.`] }

  const errors: string[] = []
  const readOnly = new Set(['id', ...(model.readOnly ?? []), ...(definition.readOnly ?? [])])
  const values = new Map<string, unknown>()
  let userDefinedFields: AutotaskUserDefinedFieldValue[] | undefined
  let attachmentData: string | undefined
  let requestedId: number | undefined
  for (const [key, raw] of Object.entries(request.body)) {
    const field = canonicalPropertyName(model, key)
    if (!field) continue
    if (field === 'userDefinedFields') {
      userDefinedFields = readUserDefinedFields(raw, errors)
      continue
    }
    if (field === 'id') {
      const converted = convertFieldValue(raw, 'long', 'id')
      if ('error' in converted) errors.push(converted.error)
      else if (typeof converted.value === 'number') requestedId = converted.value
      continue
    }
    if (field === 'data' && (entity === 'TicketAttachments' || entity === 'TicketNoteAttachments')) {
      if (typeof raw === 'string' && raw !== '') attachmentData = raw
      continue
    }
    if (readOnly.has(field)) continue
    const converted = convertFieldValue(raw, model.properties[field]!, field)
    if ('error' in converted) errors.push(converted.error)
    else values.set(field, converted.value)
  }
  if (errors.length > 0) return { ok: false, status: 500, errors }

  const parentLink = request.parent ? definition.parentLinks?.[request.parent.entity] : undefined
  let record: Record<string, unknown>
  let previous: AutotaskRecord | undefined
  if (request.operation === 'create') {
    record = blankRecord(entity, state)
    for (const [field, value] of values) record[field] = value
    for (const [field, fill] of Object.entries(definition.defaulted ?? {})) {
      if (!isBlank(record[field])) continue
      const value = fill(actor.now)
      record[field] = model.properties[field] === 'datetime' && typeof value === 'number' ? formatAutotaskDate(value) : value
    }
  } else {
    if (requestedId === undefined) return { ok: false, status: 500, errors: [`The id of the ${singular} to update is missing from the body.`] }
    previous = state.get(entity, requestedId)
    if (!previous || (parentLink && request.parent && previous[parentLink] !== request.parent.id)) {
      return {
        ok: false,
        status: 404,
        errors: [
          `The ${singular} with id ${requestedId} does not exist${request.parent ? ` under ${request.parent.entity} ${request.parent.id}` : ''}.`,
        ],
      }
    }
    if (request.operation === 'update') {
      record = { ...previous }
    } else {
      // PUT replaces: writable fields the body leaves out become null (autotask.md §8).
      record = blankRecord(entity, state)
      for (const field of Object.keys(record)) if (readOnly.has(field) || field === parentLink) record[field] = previous[field]
    }
    for (const [field, value] of values) record[field] = value
  }
  if (parentLink && request.parent) {
    record[parentLink] = request.parent.id
    values.set(parentLink, request.parent.id)
  }
  if (userDefinedFields)
    record.userDefinedFields = mergeUserDefinedFields(entity, state, record, userDefinedFields, request.operation === 'replace', errors)

  const changed = new Set(request.operation === 'replace' ? Object.keys(record).filter((field) => !readOnly.has(field)) : values.keys())
  const context: AutotaskRuleContext = {
    entity,
    operation: request.operation === 'create' ? 'create' : 'update',
    record,
    ...(previous ? { previous } : {}),
    changed,
    state,
    actor,
    ...(attachmentData !== undefined ? { attachmentBytes: Buffer.from(attachmentData, 'base64').length } : {}),
  }
  if (attachmentData !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(attachmentData.replace(/\s/g, ''))) {
    errors.push('The data field is not valid base64.')
  }
  errors.push(...(autotaskEntityRules[entity]?.(context) ?? []))
  errors.push(...validateRecord(entity, record, changed, state))
  if (errors.length === 0 && context.attachmentBytes !== undefined && request.admitAttachment) {
    const refusal = request.admitAttachment(context.attachmentBytes)
    if (refusal) errors.push(refusal)
  }
  if (errors.length > 0) return { ok: false, status: 500, errors }

  let stored: AutotaskRecord
  if (request.operation === 'create') {
    delete record.id
    stored = state.insert(entity, record)
    if (attachmentData !== undefined) state.setAttachmentData(entity, stored.id, attachmentData.replace(/\s/g, ''))
  } else {
    stored = record as AutotaskRecord
    state.update(entity, stored)
  }
  autotaskAfterWriteEffects[entity]?.({ ...context, record: stored })
  return { ok: true, record: stored }
}

function readUserDefinedFields(raw: unknown, errors: string[]): AutotaskUserDefinedFieldValue[] {
  if (raw === null || raw === undefined) return []
  if (!Array.isArray(raw)) {
    errors.push("userDefinedFields must be an array of { name, value } objects. Path 'userDefinedFields'.")
    return []
  }
  const entries: AutotaskUserDefinedFieldValue[] = []
  for (const entry of raw) {
    const name = isPlainObject(entry) ? Object.entries(entry).find(([key]) => key.toLowerCase() === 'name')?.[1] : undefined
    const value = isPlainObject(entry) ? Object.entries(entry).find(([key]) => key.toLowerCase() === 'value')?.[1] : undefined
    if (typeof name !== 'string' || name === '') {
      errors.push('Each user-defined field needs a name.')
      continue
    }
    entries.push({ name, value: value === null || value === undefined ? null : String(value) })
  }
  return entries
}

function mergeUserDefinedFields(
  entity: string,
  state: AutotaskSimulatorState,
  record: Record<string, unknown>,
  given: AutotaskUserDefinedFieldValue[],
  replace: boolean,
  errors: string[],
): AutotaskUserDefinedFieldValue[] {
  const definitions = state.userDefinedFieldsOf(entity)
  const current = new Map<string, string | null>()
  for (const entry of (record.userDefinedFields ?? []) as AutotaskUserDefinedFieldValue[]) current.set(entry.name, replace ? null : entry.value)
  for (const entry of given) {
    const definition = definitions.find((field) => field.name.toLowerCase() === entry.name.toLowerCase())
    if (!definition) {
      errors.push(`The user-defined field '${entry.name}' does not exist on the ${singularEntityName(entity)} entity.`)
      continue
    }
    const value = entry.value
    if (value !== null) {
      if ((definition.type === 'integer' && !/^-?\d+$/.test(value)) || (definition.type === 'double' && Number.isNaN(Number(value)))) {
        errors.push(`The value '${value}' of the user-defined field '${definition.name}' is not a number.`)
      } else if (definition.type === 'datetime' && parseAutotaskDate(value) === undefined) {
        errors.push(`The value '${value}' of the user-defined field '${definition.name}' is not a date.`)
      } else if (definition.type === 'list' && !definition.picklistValues?.some((option) => String(option.value) === value)) {
        errors.push(`The value '${value}' is not an option of the user-defined field '${definition.name}'.`)
      } else if (definition.length !== undefined && value.length > definition.length) {
        errors.push(`String value exceeds maximum length (field:${definition.name})`)
      }
    }
    current.set(definition.name, value)
  }
  return definitions.map((field) => ({ name: field.name, value: current.get(field.name) ?? null }))
}

/** Required fields, lengths, picklists (active when set now, right parent), references. */
function validateRecord(entity: string, record: Record<string, unknown>, changed: Set<string>, state: AutotaskSimulatorState): string[] {
  const errors: string[] = []
  const definition = definitionOf(entity)
  for (const field of definition.required ?? []) {
    if (isBlank(record[field])) errors.push(`Missing Required Field: ${field}`)
  }
  for (const [field, length] of Object.entries(definition.lengths ?? {})) {
    const value = record[field]
    if (typeof value === 'string' && value.length > length) errors.push(`String value exceeds maximum length (field:${field})`)
  }
  for (const field of Object.keys(state.picklists[entity] ?? {})) {
    const value = record[field]
    if (value === null || value === undefined || !changed.has(field)) continue
    const option = picklistOf(state, entity, field)?.find((candidate) => candidate.value === value)
    if (!option) {
      errors.push(`Value does not reference an existing entity for ${field}.`)
      continue
    }
    if (option.isActive === false) errors.push(`The value ${String(value)} (${option.label}) of ${field} is inactive and cannot be set.`)
    const parentField = definition.picklistParents?.[field]
    if (parentField && option.parentValue !== undefined && option.parentValue !== record[parentField]) {
      errors.push(`The ${field} ${String(value)} (${option.label}) does not belong to ${parentField} ${String(record[parentField])}.`)
    }
  }
  for (const [field, target] of Object.entries(definition.references ?? {})) {
    const value = record[field]
    if (value === null || value === undefined || !changed.has(field)) continue
    if (!state.get(target, Number(value))) errors.push(`Value does not reference an existing entity for ${field}.`)
  }
  return errors
}
