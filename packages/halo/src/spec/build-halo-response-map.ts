import { type HaloAnswerFieldType, type HaloResponseByHand, haloResponseExtras, haloResponseSummaryMistakes } from './halo-response-extras'
import type { HaloSpecMethod } from './halo-spec-index'

/** What one operation answers, as far as it is known. */
export type HaloResponseShape =
  /** One object of the schema. */
  | { kind: 'record'; schema: string }
  /** A bare JSON array of the schema's objects. */
  | { kind: 'records'; schema: string }
  /** `{ record_count, <key>: [rows] }` with rows of the schema (and `extraFields` beside them). */
  | { kind: 'wrapped'; schema: string; key: string; extraFields?: Record<string, HaloAnswerFieldType> }
  /** A POST upsert's answer: the saved object for one record, the array for several. */
  | { kind: 'upserted'; schema: string }

/** Where a shape comes from. */
export type HaloResponseSource = 'post-body' | 'summary' | 'by-hand'

/** The answer of one operation: a shape, or none (the answer stays `unknown`). */
export interface HaloResponseEntry {
  shape?: HaloResponseShape
  source?: HaloResponseSource
  /** Why a list or a resource stayed unknown, when it did for a reason worth telling. */
  note?: string
}

/** Every operation of the spec with what it answers. */
export type HaloResponseMap = Record<string, Partial<Record<HaloSpecMethod, HaloResponseEntry>>>

/** The parts of an OpenAPI 3.0 document the map reads. */
export interface HaloResponseDocument {
  paths: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, unknown> }
}

interface Operation {
  summary?: string
  parameters?: { name: string; in: string }[]
  requestBody?: { content?: Record<string, { schema?: { type?: string; items?: { $ref?: string } } }> }
}

const methods: HaloSpecMethod[] = ['get', 'post', 'delete']
const schemaPrefix = '#/components/schemas/'

/** The item schema of a POST whose body is an array of one component schema (`Faults[]`). */
function arrayBodySchema(operation: Operation | undefined): string | undefined {
  const media = Object.values(operation?.requestBody?.content ?? {})[0]
  const reference = media?.schema?.type === 'array' ? media.schema.items?.$ref : undefined
  return reference?.startsWith(schemaPrefix) ? reference.slice(schemaPrefix.length) : undefined
}

/** The schema a GET's summary names ("Get one Faults", "List of Faults"), when the spec defines it. */
function summarySchema(operation: Operation | undefined, schemas: Record<string, unknown>): string | undefined {
  const named = /^(?:Get one|List of) (\S+)$/.exec(operation?.summary ?? '')?.[1]
  return named !== undefined && Object.hasOwn(schemas, named) ? named : undefined
}

function endsWithParameter(template: string): boolean {
  return /\/\{[^}]+\}$/.test(template)
}

function takesPaging(operation: Operation | undefined): boolean {
  return (operation?.parameters ?? []).some((parameter) => parameter.in === 'query' && parameter.name === 'pageinate')
}

/**
 * The resource schema of every path that has one. A collection is a path whose POST takes an
 * array of one schema and which has an item path (`/Tickets` takes `Faults[]`, `/Tickets/{id}`
 * exists): both answer that schema. Where no POST says, a GET's summary naming a schema does.
 */
function resourceSchemas(
  document: HaloResponseDocument,
  schemas: Record<string, unknown>,
): Map<string, { schema: string; source: HaloResponseSource }> {
  const resources = new Map<string, { schema: string; source: HaloResponseSource }>()
  for (const [template, item] of Object.entries(document.paths)) {
    const schema = arrayBodySchema(item.post as Operation | undefined)
    const itemTemplate = Object.keys(document.paths).find(
      (other) => other.startsWith(`${template}/{`) && endsWithParameter(other) && other.split('/').length === template.split('/').length + 1,
    )
    if (schema === undefined || itemTemplate === undefined) continue
    resources.set(template, { schema, source: 'post-body' })
    resources.set(itemTemplate, { schema, source: 'post-body' })
  }
  const mistakes = new Set(haloResponseSummaryMistakes.map((mistake) => mistake.template))
  for (const [template, item] of Object.entries(document.paths)) {
    const schema = summarySchema(item.get as Operation | undefined, schemas)
    if (schema !== undefined && !resources.has(template) && !mistakes.has(template)) resources.set(template, { schema, source: 'summary' })
  }
  return resources
}

function byHandShape(
  shape: HaloResponseByHand,
  resource: string | undefined,
  entryOf: (template: string) => HaloResponseEntry | undefined,
): HaloResponseShape | undefined {
  if (shape.kind === 'schema') return { kind: 'record', schema: shape.schema }
  if (shape.kind === 'sameAs') return entryOf(shape.template)?.shape
  if (resource === undefined) return undefined
  return { kind: 'wrapped', schema: resource, key: shape.key, ...(shape.extraFields ? { extraFields: shape.extraFields } : {}) }
}

/** What one derived (not hand-listed) operation answers. */
function derivedEntry(
  template: string,
  method: HaloSpecMethod,
  operation: Operation,
  resource: { schema: string; source: HaloResponseSource } | undefined,
): HaloResponseEntry {
  if (resource === undefined || method === 'delete') return {}
  const { schema, source } = resource
  if (method === 'post') return source === 'post-body' && !endsWithParameter(template) ? { shape: { kind: 'upserted', schema }, source } : {}
  if (endsWithParameter(template)) return { shape: { kind: 'record', schema }, source }
  // Halo wraps the lists that take paging parameters and answers the others as bare arrays
  // (halo.md §3.2); a wrapper's key is known only for the lists practitioners have seen.
  if (takesPaging(operation)) return { note: 'a paged list: Halo wraps it, under a key no source names' }
  return { shape: { kind: 'records', schema }, source }
}

/**
 * Maps every operation of Halo's spec to what it answers. The spec documents no response
 * bodies, so the answers are derived from what it does say: a collection's POST body names the
 * resource schema that `GET /X/{id}` answers, that `GET /X` lists and that `POST /X` answers
 * saved; a GET's summary ("Get one Faults") names it where no POST does. List wrappers and the
 * `me` paths come from practice (`halo-response-extras.ts`). Deletes, and paths with no known
 * schema, stay unknown.
 */
export function buildHaloResponseMap(document: HaloResponseDocument): HaloResponseMap {
  const schemas = document.components?.schemas ?? {}
  const resources = resourceSchemas(document, schemas)
  const map: HaloResponseMap = {}
  for (const template of Object.keys(document.paths).sort()) {
    const item = document.paths[template] ?? {}
    const entries: Partial<Record<HaloSpecMethod, HaloResponseEntry>> = {}
    for (const method of methods) {
      const operation = item[method] as Operation | undefined
      if (operation) entries[method] = derivedEntry(template, method, operation, resources.get(template))
    }
    map[template] = entries
  }
  for (const extra of haloResponseExtras) {
    const entry = map[extra.template]?.[extra.method]
    if (entry === undefined)
      throw new Error(`${extra.method.toUpperCase()} ${extra.template} is listed in halo-response-extras.ts but not in the spec.`)
    const shape = byHandShape(extra.shape, resources.get(extra.template)?.schema, (other) => map[other]?.[extra.method])
    if (shape === undefined) throw new Error(`${extra.method.toUpperCase()} ${extra.template}: the hand-listed shape has no schema to apply to.`)
    map[extra.template]![extra.method] = { shape, source: 'by-hand' }
  }
  return map
}

/** How many operations have a known answer, and how many stay unknown. */
export function countHaloResponses(map: HaloResponseMap): { typed: number; unknown: number } {
  const entries = Object.values(map).flatMap((item) => Object.values(item))
  const typed = entries.filter((entry) => entry.shape !== undefined).length
  return { typed, unknown: entries.length - typed }
}
