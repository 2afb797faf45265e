import type { HaloResponseShape } from './build-halo-response-map'
import { haloUndeclaredAnswerFields } from './halo-response-extras'

/** A schema of the spec's `components.schemas`, as much as the check reads. */
export interface HaloAnswerSchema {
  $ref?: string
  type?: string
  nullable?: boolean
  enum?: unknown[]
  items?: HaloAnswerSchema
  properties?: Record<string, HaloAnswerSchema>
}

/** A field not in its schema that a check lets pass, and why. */
export interface HaloToleratedField {
  schema: string
  field: string
  reason: string
}

/** One place where an answer departs from the spec. */
export interface HaloAnswerIssue {
  /** Where in the answer: `tickets[2].child_ticket_ids`. */
  at: string
  message: string
}

const schemaPrefix = '#/components/schemas/'

/** Fields a wrapper carries beside its rows (halo.md §3.2). */
const wrapperFields: Record<string, 'integer'> = { record_count: 'integer', page_no: 'integer', page_size: 'integer' }

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}

function fitsType(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    default:
      return typeof value === type
  }
}

/**
 * Checks answers of Halo (or of the simulator) against the spec's component schemas. The rules,
 * since the spec documents no answers and says little about them:
 * - each property's JSON type must be the declared one (`integer` a whole number; every string
 *   format, dates included, is a string); arrays are checked item by item, `$ref` objects field by
 *   field, inline objects not at all;
 * - `null` only where the spec marks the property `nullable`, or where it is a `$ref` (OpenAPI
 *   3.0 ignores `nullable` beside `$ref`, so the spec cannot say, and Halo answers null for an
 *   absent object);
 * - a property the schema does not declare is an issue, except the few Halo is known to answer
 *   (`haloUndeclaredAnswerFields`): that is what keeps the simulator from inventing fields;
 * - an absent property is not: the spec requires none, and list rows carry fewer fields than a
 *   single record.
 */
export class HaloAnswerChecker {
  /**
   * @param schemas the spec's `components.schemas`
   * @param tolerated undeclared fields to let pass beyond `haloUndeclaredAnswerFields`, each with its reason
   */
  constructor(
    private readonly schemas: Record<string, HaloAnswerSchema>,
    private readonly tolerated: readonly HaloToleratedField[] = [],
  ) {}

  /** Checks an answer against the shape `buildHaloResponseMap` gave its operation. */
  check(shape: HaloResponseShape, answer: unknown): HaloAnswerIssue[] {
    const issues: HaloAnswerIssue[] = []
    switch (shape.kind) {
      case 'record':
        this.checkRecord(shape.schema, answer, '(answer)', issues)
        break
      case 'records':
        if (!Array.isArray(answer)) issues.push({ at: '(answer)', message: `expected an array of ${shape.schema}, got ${describe(answer)}` })
        else answer.forEach((row, index) => this.checkRecord(shape.schema, row, `[${index}]`, issues))
        break
      case 'upserted':
        if (Array.isArray(answer)) answer.forEach((row, index) => this.checkRecord(shape.schema, row, `[${index}]`, issues))
        else this.checkRecord(shape.schema, answer, '(answer)', issues)
        break
      case 'wrapped':
        this.checkWrapper(shape, answer, issues)
        break
    }
    return issues
  }

  /** Checks one object against a component schema, field by field. */
  checkRecord(schema: string, value: unknown, at: string, issues: HaloAnswerIssue[]): void {
    const declared = this.schemas[schema]
    if (declared === undefined) {
      issues.push({ at, message: `the spec has no schema ${schema}` })
      return
    }
    this.checkValue(declared, value, at, issues, schema)
  }

  private checkWrapper(shape: Extract<HaloResponseShape, { kind: 'wrapped' }>, answer: unknown, issues: HaloAnswerIssue[]): void {
    if (!fitsType('object', answer)) {
      issues.push({ at: '(answer)', message: `expected { record_count, ${shape.key} }, got ${describe(answer)}` })
      return
    }
    const wrapper = answer as Record<string, unknown>
    if (!fitsType('integer', wrapper.record_count))
      issues.push({ at: 'record_count', message: `expected an integer, got ${describe(wrapper.record_count)}` })
    const fields: Record<string, string> = { ...wrapperFields, ...shape.extraFields }
    for (const [name, value] of Object.entries(wrapper)) {
      if (name === shape.key) {
        if (!Array.isArray(value)) issues.push({ at: name, message: `expected an array of ${shape.schema}, got ${describe(value)}` })
        else value.forEach((row, index) => this.checkRecord(shape.schema, row, `${name}[${index}]`, issues))
      } else if (fields[name] === undefined) issues.push({ at: name, message: `not a field of Halo's list wrapper (${describe(value)})` })
      else if (!fitsType(fields[name]!, value)) issues.push({ at: name, message: `expected ${fields[name]}, got ${describe(value)}` })
    }
  }

  private checkValue(schema: HaloAnswerSchema, value: unknown, at: string, issues: HaloAnswerIssue[], name?: string): void {
    if (schema.$ref !== undefined) {
      if (value === null) return
      this.checkRecord(schema.$ref.slice(schemaPrefix.length), value, at, issues)
      return
    }
    if (value === null) {
      if (schema.nullable !== true) issues.push({ at, message: 'null, but the spec does not mark it nullable' })
      return
    }
    if (schema.type === undefined) return
    if (!fitsType(schema.type, value)) {
      issues.push({ at, message: `expected ${schema.type}${name ? ` (${name})` : ''}, got ${describe(value)}` })
      return
    }
    if (schema.enum !== undefined && !schema.enum.includes(value))
      issues.push({ at, message: `${describe(value)} is not one of ${schema.enum.join(', ')}` })
    if (schema.type === 'array' && schema.items)
      (value as unknown[]).forEach((item, index) => this.checkValue(schema.items!, item, `${at}[${index}]`, issues))
    if (schema.type === 'object' && schema.properties) this.checkFields(schema.properties, value as Record<string, unknown>, at, issues, name)
  }

  private checkFields(
    properties: Record<string, HaloAnswerSchema>,
    record: Record<string, unknown>,
    at: string,
    issues: HaloAnswerIssue[],
    name?: string,
  ): void {
    const prefix = at === '(answer)' ? '' : `${at}.`
    for (const [field, value] of Object.entries(record)) {
      const declared = properties[field]
      if (declared !== undefined) {
        this.checkValue(declared, value, `${prefix}${field}`, issues)
        continue
      }
      if (this.tolerated.some((entry) => entry.schema === name && entry.field === field)) continue
      const undeclared = haloUndeclaredAnswerFields.find((entry) => entry.schema === name && entry.field === field)
      if (undeclared === undefined) issues.push({ at: `${prefix}${field}`, message: `not in the spec's ${name ?? 'schema'} (${describe(value)})` })
      else if (value !== null && !fitsType(undeclared.type, value))
        issues.push({ at: `${prefix}${field}`, message: `expected ${undeclared.type}, got ${describe(value)}` })
    }
  }
}
