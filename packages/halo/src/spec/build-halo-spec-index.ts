import type { HaloSpecBody, HaloSpecIndex, HaloSpecMedia, HaloSpecMethod, HaloSpecOperation } from './halo-spec-index'

/** The parts of an OpenAPI 3.0 document the index reads. */
interface OpenApiSchema {
  $ref?: string
  type?: string
  format?: string
  items?: OpenApiSchema
  properties?: Record<string, OpenApiSchema>
  additionalProperties?: unknown
}

interface OpenApiParameter {
  name: string
  in: string
  schema?: OpenApiSchema
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[]
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> }
}

/** An OpenAPI 3.0 document, as much as {@link buildHaloSpecIndex} needs. */
export interface OpenApiDocument {
  openapi: string
  info: { title: string; version: string }
  servers?: { url: string }[]
  paths: Record<string, Record<string, OpenApiOperation | OpenApiParameter[] | undefined>>
  components?: { schemas?: Record<string, OpenApiSchema> }
}

/** Where the generated index came from, written into its header. */
export interface HaloSpecSource {
  /** Path of the spec relative to the workspace's parent folder, e.g. `shared/vendor-specs/halo/swagger.json`. */
  path: string
  sha256: string
}

/** The command that regenerates the index; quoted in its notice. */
const haloSpecIndexCommand = 'cd /work/main && pnpm --filter @ticketbridge/halo exec node --import tsx scripts/generate-halo-spec-index.ts'

const methods: HaloSpecMethod[] = ['get', 'post', 'delete']

function schemaName(reference: string): string {
  const prefix = '#/components/schemas/'
  if (!reference.startsWith(prefix)) throw new Error(`Unsupported $ref ${reference}: only component schemas are indexed.`)
  return reference.slice(prefix.length)
}

function sortedUnique(names: Iterable<string>): string[] {
  return [...new Set(names)].sort()
}

function mediaOf(contentType: string): HaloSpecMedia {
  return contentType.startsWith('multipart/') ? 'multipart' : 'json'
}

/** Reduces a request body schema to the names a check needs; `$ref`s become schema names. */
function describeBody(schema: OpenApiSchema, media: HaloSpecMedia, referenced: Set<string>): HaloSpecBody {
  if (schema.$ref) {
    const name = schemaName(schema.$ref)
    referenced.add(name)
    return { type: 'object', schema: name, media }
  }
  if (schema.type === 'array') {
    const items = schema.items ?? {}
    if (items.$ref) {
      const name = schemaName(items.$ref)
      referenced.add(name)
      return { type: 'array', schema: name, media }
    }
    return { type: 'array', items: items.type ?? 'object', media }
  }
  if (schema.type === 'object' || schema.properties) {
    if (schema.properties) return { type: 'object', properties: sortedUnique(Object.keys(schema.properties)), media }
    return { type: 'object', additionalProperties: true, media }
  }
  const scalar = schema.type
  if (scalar === 'string' || scalar === 'integer' || scalar === 'number' || scalar === 'boolean') return { type: scalar, media }
  throw new Error(`Unsupported request body schema ${JSON.stringify(schema)}.`)
}

function describeOperation(operation: OpenApiOperation, referenced: Set<string>): HaloSpecOperation {
  const described: HaloSpecOperation = {}
  const parameters = operation.parameters ?? []
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path').sort((left, right) => left.name.localeCompare(right.name))
  if (pathParameters.length > 0) {
    described.path = Object.fromEntries(pathParameters.map((parameter) => [parameter.name, parameter.schema?.type ?? 'string']))
  }
  // The spec repeats some names (utcoffset, debug, assettype_id): the index keeps each once.
  const query = sortedUnique(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name))
  if (query.length > 0) described.query = query
  const content = operation.requestBody?.content
  if (content) {
    // Every JSON media type of one operation carries the same schema; multipart stands alone.
    const [contentType, media] = Object.entries(content)[0] ?? []
    if (contentType && media?.schema) described.body = describeBody(media.schema, mediaOf(contentType), referenced)
  }
  return described
}

/**
 * Builds the compact index of Halo's OpenAPI spec: every path template with, per method, its
 * path and query parameter names and its request body's property names (`$ref`s resolved into
 * the `schemas` table, array bodies described by their item schema). Sorted and without
 * descriptions, so the output is stable and reviewable.
 */
export function buildHaloSpecIndex(document: OpenApiDocument, source: HaloSpecSource): HaloSpecIndex {
  const referenced = new Set<string>()
  const paths: HaloSpecIndex['paths'] = {}
  for (const template of Object.keys(document.paths).sort()) {
    const item = document.paths[template] ?? {}
    const operations: HaloSpecIndex['paths'][string] = {}
    for (const method of methods) {
      const operation = item[method] as OpenApiOperation | undefined
      if (operation) operations[method] = describeOperation(operation, referenced)
    }
    for (const key of Object.keys(item)) {
      if (key !== 'parameters' && !methods.includes(key as HaloSpecMethod)) {
        throw new Error(`${key.toUpperCase()} ${template}: the index knows GET, POST and DELETE only; extend it first.`)
      }
    }
    paths[template] = operations
  }
  const componentSchemas = document.components?.schemas ?? {}
  const schemas: HaloSpecIndex['schemas'] = {}
  for (const name of [...referenced].sort()) {
    const schema = componentSchemas[name]
    if (!schema) throw new Error(`The spec refers to schema ${name} but does not define it.`)
    schemas[name] = sortedUnique(Object.keys(schema.properties ?? {}))
  }
  return {
    notice: `Generated from ${source.path} by packages/halo/scripts/generate-halo-spec-index.ts. Do not edit by hand; regenerate with: ${haloSpecIndexCommand}`,
    source: {
      path: source.path,
      sha256: source.sha256,
      openapi: document.openapi,
      title: document.info.title,
      version: document.info.version,
      server: document.servers?.[0]?.url ?? '/',
    },
    paths,
    schemas,
  }
}

// Objects nest to the operation level (root, paths, template, method); below that, and for any
// array, one line each.
const multilineDepth = 3

function render(value: unknown, depth: number): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth >= multilineDepth) return JSON.stringify(value)
  const indent = '  '.repeat(depth)
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([key, entry]) => `${indent}  ${JSON.stringify(key)}: ${render(entry, depth + 1)}`).join(',\n')}\n${indent}}`
}

/**
 * Serialises the index the way the generated file is written: one line per operation and per
 * schema, so the file stays small and a regenerated spec shows as a readable diff.
 */
export function renderHaloSpecIndex(index: HaloSpecIndex): string {
  return `${render(index, 0)}\n`
}
