/**
 * Writes src/spec/autotask-spec-index.generated.json from the vendor's Swagger 2.0 document:
 * every path template with, per method, the query parameter names and the body model, plus
 * the property names (and Autotask data types) of every entity model. The simulator routes
 * and the spec check (`checkAutotaskRequest`) read this index instead of the 3 MB document.
 *
 * Base path: the document's `basePath` is `/ATServicesRest` and its paths start `/V1.0/...`
 * (plus one `/VersionInformation`). Real clients call
 * `https://webservicesN.autotask.net/ATServicesRest/V1.0/...`; the index keeps the paths as the
 * document writes them and records the base path beside them.
 *
 * Also recorded:
 * - the next-page routes (`/{Entity}/query/next`) that every peer client follows but the
 *   document does not declare, marked `source: "peer"`;
 * - the operations the 2026 live document adds (operations-index-2026.tsv), kept only when
 *   they concern tickets, notes, attachments, companies or contacts, marked `added2026`.
 *
 * Run: `pnpm --filter @ticketbridge/autotask generate` (or `node --import tsx` this file).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const scriptFolder = dirname(fileURLToPath(import.meta.url))
const specFolder = join(scriptFolder, '../../../../shared/vendor-specs/autotask')
const swaggerFile = join(specFolder, 'autotask-rest-v1.swagger.json')
const operationsIndexFile = join(specFolder, 'operations-index-2026.tsv')
const outputFile = join(scriptFolder, '../src/spec/autotask-spec-index.generated.json')

interface SwaggerSchema {
  $ref?: string
  type?: string
  format?: string
  readOnly?: boolean
  items?: SwaggerSchema
  properties?: Record<string, SwaggerSchema>
}
interface SwaggerParameter {
  name: string
  in: 'query' | 'header' | 'path' | 'body' | 'formData'
  schema?: SwaggerSchema
}
interface SwaggerOperation {
  operationId: string
  parameters?: SwaggerParameter[]
  responses: Record<string, { schema?: SwaggerSchema }>
}
interface SwaggerDocument {
  info: { title: string; version: string }
  host: string
  basePath: string
  paths: Record<string, Record<string, SwaggerOperation>>
  definitions: Record<string, SwaggerSchema>
}

type PathKind =
  | 'zone'
  | 'threshold'
  | 'version'
  | 'apiVersions'
  | 'modules'
  | 'entityInformationAll'
  | 'collection'
  | 'query'
  | 'count'
  | 'next'
  | 'item'
  | 'entityInformation'
  | 'fields'
  | 'userDefinedFields'
  | 'childCollection'
  | 'childItem'
  | 'childEntityInformation'
  | 'childFields'
  | 'childUserDefinedFields'
  | 'other'

interface IndexedMethod {
  query?: string[]
  /** Query parameters that may be left out (every parameter the spec declares is required). */
  optionalQuery?: string[]
  body?: string
}
interface IndexedPath {
  kind: PathKind
  entity?: string
  parent?: string
  methods: Record<string, IndexedMethod>
  source?: 'peer'
  added2026?: true
}

const rawSwagger = readFileSync(swaggerFile)
const swagger = JSON.parse(rawSwagger.toString('utf8')) as SwaggerDocument
const definitionName = (reference: string | undefined): string | undefined => reference?.replace('#/definitions/', '')

/** Autotask's own names for data types, as its entityInformation/fields answers use them. */
function dataTypeOf(schema: SwaggerSchema): string {
  if (schema.$ref) return 'object'
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int64' ? 'long' : 'integer'
    case 'number':
      return 'double'
    case 'boolean':
      return 'boolean'
    case 'array':
      return 'array'
    case 'string':
      return schema.format === 'date-time' ? 'datetime' : 'string'
    default:
      return 'object'
  }
}

// Root entities are those with a POST /V1.0/{Entity}/query; their model comes from its answer.
const rootEntityModels = new Map<string, string>()
for (const [path, operations] of Object.entries(swagger.paths)) {
  const match = /^\/V1\.0\/(\w+)\/query$/.exec(path)
  const answer = definitionName(operations.post?.responses['200']?.schema?.$ref)
  if (!match || !answer) continue
  const wrapped = /^QueryActionResult\[(\w+),/.exec(answer)
  rootEntityModels.set(match[1]!, wrapped ? wrapped[1]! : answer)
}
const entitiesByModel = new Map<string, string>()
for (const [entity, model] of rootEntityModels) entitiesByModel.set(model, entity)

function modelOfOperation(operation: SwaggerOperation): string | undefined {
  const body = operation.parameters?.find((parameter) => parameter.in === 'body')
  const candidates = [definitionName(body?.schema?.$ref), definitionName(operation.responses['200']?.schema?.$ref)]
  for (const candidate of candidates) {
    if (!candidate) continue
    const wrapped = /^(?:QueryActionResult|ItemQueryResultModel)\[(\w+),/.exec(candidate)
    const model = wrapped ? wrapped[1]! : candidate
    if (entitiesByModel.has(model)) return model
  }
  return undefined
}

function classify(path: string): Pick<IndexedPath, 'kind' | 'entity' | 'parent'> {
  const fixed: Record<string, PathKind> = {
    '/V1.0/ZoneInformation': 'zone',
    '/V1.0/ThresholdInformation': 'threshold',
    '/V1.0/Version': 'version',
    '/VersionInformation': 'apiVersions',
    '/V1.0/Modules': 'modules',
    '/V1.0/EntityInformation': 'entityInformationAll',
  }
  if (fixed[path]) return { kind: fixed[path]! }
  const segments = path.split('/').slice(2)
  const [entity, second, third, fourth, fifth] = segments
  if (!entity) return { kind: 'other' }
  if (segments.length === 1) return { kind: 'collection', entity }
  if (second === 'query' && segments.length === 2) return { kind: 'query', entity }
  if (second === 'query' && third === 'count' && segments.length === 3) return { kind: 'count', entity }
  if (second === '{id}' && segments.length === 2) return { kind: 'item', entity }
  if (second === 'entityInformation') {
    if (segments.length === 2) return { kind: 'entityInformation', entity }
    if (third === 'fields') return { kind: 'fields', entity }
    if (third === 'userDefinedFields') return { kind: 'userDefinedFields', entity }
  }
  if (second === '{parentId}' && third) {
    const child = childEntityOf(`/V1.0/${entity}/{parentId}/${third}`)
    const base = { entity: child, parent: entity }
    if (segments.length === 3) return { kind: 'childCollection', ...base }
    if (fourth === '{id}' && segments.length === 4) return { kind: 'childItem', ...base }
    if (fourth === 'entityInformation') {
      if (segments.length === 4) return { kind: 'childEntityInformation', ...base }
      if (fifth === 'fields') return { kind: 'childFields', ...base }
      if (fifth === 'userDefinedFields') return { kind: 'childUserDefinedFields', ...base }
    }
  }
  return { kind: 'other', entity }
}

/** A child route's entity: the root entity sharing its model (Tickets/{id}/Notes → TicketNotes). */
function childEntityOf(collectionPath: string): string | undefined {
  const operations = [collectionPath, `${collectionPath}/{id}`].flatMap((candidate) => Object.values(swagger.paths[candidate] ?? {}))
  for (const operation of operations) {
    const model = modelOfOperation(operation)
    if (model) return entitiesByModel.get(model)
  }
  // Action-like children without a root query (Contracts/{id}/ServiceAdjustments): the operation id names them.
  const named = operations.map((operation) => /^(\w+?)Child_/.exec(operation.operationId)?.[1]).find(Boolean)
  return named
}

const referencedModels = new Set<string>(['QueryModel', 'Filter', ...rootEntityModels.values()])
const paths: Record<string, IndexedPath> = {}
let operationCount = 0
for (const [path, operations] of Object.entries(swagger.paths)) {
  const methods: Record<string, IndexedMethod> = {}
  for (const [method, operation] of Object.entries(operations)) {
    operationCount += 1
    const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)
    const body = definitionName((operation.parameters ?? []).find((parameter) => parameter.in === 'body')?.schema?.$ref)
    if (body) referencedModels.add(body)
    methods[method] = { ...(query.length > 0 ? { query } : {}), ...(body ? { body } : {}) }
  }
  const classified = classify(path)
  paths[path] = {
    kind: classified.kind,
    ...(classified.entity ? { entity: classified.entity } : {}),
    ...(classified.parent ? { parent: classified.parent } : {}),
    methods,
  }
}

// Next-page cursors: POST with the original body, or GET when the query came as ?search=.
for (const entity of rootEntityModels.keys()) {
  paths[`/V1.0/${entity}/query/next`] = {
    kind: 'next',
    entity,
    methods: { get: { query: ['paging', 'search'], optionalQuery: ['search'] }, post: { query: ['paging'], body: 'QueryModel' } },
    source: 'peer',
  }
}

// The 2026 live document: operations it adds, kept when they touch the ticketing entities.
const ticketingScope = [
  'Tickets',
  'TicketNotes',
  'TicketAttachments',
  'TicketNoteAttachments',
  'Companies',
  'Contacts',
  'AttachmentInfo',
  'ZoneInformation',
  'ThresholdInformation',
]
const ticketingChildren = ['Notes', 'Attachments', 'Contacts']
const additionRows = readFileSync(operationsIndexFile, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter((columns) => columns.length >= 4 && columns[3]?.trim() === 'no')
const included: string[] = []
const excluded: string[] = []
for (const [path = '', method = ''] of additionRows) {
  const segments = path.split('/').slice(2)
  const relevant =
    ticketingScope.includes(segments[0] ?? '') &&
    (segments.length < 3 || !/^\{/.test(segments[1] ?? '') || ticketingChildren.includes(segments[2] ?? ''))
  const label = `${method.toUpperCase()} ${path}`
  if (!relevant) {
    excluded.push(label)
    continue
  }
  included.push(label)
  const classified = classify(path)
  const entry = (paths[path] ??= { kind: classified.kind, ...(classified.entity ? { entity: classified.entity } : {}), methods: {}, added2026: true })
  entry.methods[method.toLowerCase()] = {}
}

const models: Record<string, { properties: Record<string, string>; readOnly?: string[] }> = {}
for (const name of [...referencedModels].sort()) {
  const definition = swagger.definitions[name]
  if (!definition?.properties) continue
  const properties: Record<string, string> = {}
  const readOnly: string[] = []
  for (const [property, schema] of Object.entries(definition.properties)) {
    properties[property] = dataTypeOf(schema)
    if (schema.readOnly) readOnly.push(property)
  }
  models[name] = { properties, ...(readOnly.length > 0 ? { readOnly } : {}) }
}

const entities: Record<string, string> = {}
for (const [entity, model] of [...rootEntityModels].sort(([left], [right]) => left.localeCompare(right))) entities[entity] = model

const header = {
  generatedBy:
    'scripts/generate-autotask-spec-index.ts from shared/vendor-specs/autotask. Do not edit: run `pnpm --filter @ticketbridge/autotask generate`.',
  source: {
    file: 'autotask-rest-v1.swagger.json',
    sha256: createHash('sha256').update(rawSwagger).digest('hex'),
    title: swagger.info.title,
    version: swagger.info.version,
    host: swagger.host,
    pathCount: Object.keys(swagger.paths).length,
    operationCount,
  },
  basePath: swagger.basePath,
  baseUrlTemplate: `https://webservicesN.autotask.net${swagger.basePath}/V1.0/`,
  headers: { required: ['ApiIntegrationCode', 'UserName', 'Secret'], optional: ['ImpersonationResourceId'] },
  additions2026: {
    rule: `Kept when the first segment is one of ${ticketingScope.join(', ')} (and, under a parent id, the child is ${ticketingChildren.join(', ')}).`,
    considered: additionRows.length,
    included,
    excluded,
  },
}

// One line per path and per model keeps the file compact yet readable in a diff.
const lines: string[] = ['{']
for (const [key, value] of Object.entries(header)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`)
lines.push(`  "entities": ${JSON.stringify(entities)},`)
lines.push('  "paths": {')
const sortedPaths = Object.keys(paths).sort()
sortedPaths.forEach((path, position) =>
  lines.push(`    ${JSON.stringify(path)}: ${JSON.stringify(paths[path])}${position < sortedPaths.length - 1 ? ',' : ''}`),
)
lines.push('  },')
lines.push('  "models": {')
const modelNames = Object.keys(models)
modelNames.forEach((name, position) =>
  lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(models[name])}${position < modelNames.length - 1 ? ',' : ''}`),
)
lines.push('  }')
lines.push('}')
writeFileSync(outputFile, `${lines.join('\n')}\n`)
console.log(
  `Wrote ${outputFile}: ${sortedPaths.length} paths (${Object.keys(swagger.paths).length} from the spec), ${modelNames.length} models, ${included.length} of ${additionRows.length} 2026 additions kept.`,
)
