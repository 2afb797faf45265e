/**
 * Generates the Autotask types from the vendor's Swagger 2.0 document:
 *
 *   pnpm --filter @ticketbridge/autotask generate
 *
 * Writes two files, never edited by hand (change this script or the spec and run it again):
 * - `src/generated/autotask-openapi.ts`: `paths`, `components` and `operations` of the whole REST
 *   API, from openapi-typescript after converting the document to OpenAPI 3 with swagger2openapi.
 * - `src/generated/autotask-entities.ts`: one model type per entity (`AutotaskEntityModels`) and a
 *   small runtime table of the routes each entity has (query, get, create, update, delete, and
 *   the parent URL of child entities), which the client's generic entity accessor uses so that
 *   every entity of the spec is reachable, and refuses what an entity does not allow before
 *   anything is sent; and the fields of a query body (`QueryModel`), which the client holds every
 *   query object to.
 *
 * The spec is `shared/vendor-specs/autotask/autotask-rest-v1.swagger.json` (3 MB, 2,012 paths).
 * To type against a newer document, download `https://webservicesN.autotask.net/ATServicesRest/swagger/docs/v1`
 * and pass its path: `node --import tsx scripts/generate-autotask-types.ts path/to/v1.json`.
 *
 * Before generation the document is trimmed of what would only cost type-check time, each for a
 * reason stated where it happens: the four credential headers every operation lists (the client
 * sends them on every call), the duplicate `text/json` media type, and the 401/403 answers the
 * spec declares without a body. References to 19 `AttachmentActionResult[...]` models the spec
 * never defines are given an empty object schema so that the document resolves.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const scriptFolder = dirname(fileURLToPath(import.meta.url))
const defaultSpecPath = resolve(scriptFolder, '../../../../shared/vendor-specs/autotask/autotask-rest-v1.swagger.json')
const typesPath = resolve(scriptFolder, '../src/generated/autotask-openapi.ts')
const entitiesPath = resolve(scriptFolder, '../src/generated/autotask-entities.ts')

const command = '`pnpm --filter @ticketbridge/autotask generate`'

interface SwaggerParameter {
  name: string
  in: string
  schema?: { $ref?: string }
}
interface SwaggerOperation {
  tags?: string[]
  parameters?: SwaggerParameter[]
  produces?: string[]
  consumes?: string[]
  responses?: Record<string, { schema?: { $ref?: string } }>
}
interface SwaggerDocument {
  paths: Record<string, Record<string, SwaggerOperation>>
  definitions: Record<string, unknown>
}

/** The property names of the spec's query body, in the spec's order. */
function queryModelFields(document: SwaggerDocument): string[] {
  const model = document.definitions.QueryModel as { properties?: Record<string, unknown> } | undefined
  const fields = Object.keys(model?.properties ?? {})
  if (fields.length === 0) throw new Error('The spec has no QueryModel with properties; the client checks query objects against it.')
  return fields
}

/** swagger2openapi is CommonJS without types; this is the one function used. */
interface SwaggerToOpenApi {
  convertObj(document: unknown, options: { patch: boolean; warnOnly: boolean }): Promise<{ openapi: Record<string, unknown> }>
}

/** The spec references models it never defines; an empty object schema lets it resolve. */
function defineMissingModels(document: SwaggerDocument): string[] {
  const references = new Set<string>()
  JSON.stringify(document, (key, value: unknown) => {
    if (key === '$ref' && typeof value === 'string') references.add(value)
    return value
  })
  const added: string[] = []
  for (const reference of references) {
    const name = reference.replace('#/definitions/', '')
    if (document.definitions[name] === undefined) {
      document.definitions[name] = { type: 'object', description: 'Not defined in the vendor document.', properties: {} }
      added.push(name)
    }
  }
  return added
}

/**
 * Trims what only costs type-check time: the credential headers (ApiIntegrationCode, UserName,
 * Secret, ImpersonationResourceId) that the client sets on every request, the `text/json` twin
 * of every `application/json` body, and the 401/403 answers that declare no body.
 */
function trimOperations(document: SwaggerDocument): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      operation.parameters = (operation.parameters ?? []).filter((parameter) => parameter.in !== 'header')
      if (operation.produces) operation.produces = ['application/json']
      if (operation.consumes) operation.consumes = ['application/json']
      if (operation.responses) {
        delete operation.responses['401']
        delete operation.responses['403']
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The entity table

/** What an entity's own URL (`/V1.0/{Entity}`) allows. */
type RootOperation = 'query' | 'count' | 'get' | 'create' | 'update' | 'replace' | 'delete'
/** What an entity's URL under its parent (`/V1.0/{Parent}/{parentId}/{Segment}`) allows. */
type ChildOperation = 'list' | 'get' | 'create' | 'update' | 'replace' | 'delete'

interface EntityEntry {
  model?: string
  root: Set<RootOperation>
  parent?: { entity: string; segment: string; operations: Set<ChildOperation> }
}

const resultWrapper = /^(?:QueryActionResult|ItemQueryResultModel)\[(\w+),/

/** The entity model an operation reads or writes, from its body or its answer. */
function modelOf(operation: SwaggerOperation): string | undefined {
  const candidates = [operation.parameters?.find((parameter) => parameter.in === 'body')?.schema?.$ref, operation.responses?.['200']?.schema?.$ref]
  for (const reference of candidates) {
    if (reference === undefined) continue
    const name = reference.replace('#/definitions/', '')
    const wrapped = resultWrapper.exec(name)?.[1]
    if (wrapped) return wrapped
    if (/Model$/.test(name) && !/(Result|Query|QueryCount|Operation)Model$/.test(name) && name !== 'QueryModel') return name
  }
  return undefined
}

function buildEntityTable(document: SwaggerDocument): Map<string, EntityEntry> {
  const entities = new Map<string, EntityEntry>()
  const entry = (name: string): EntityEntry => {
    let found = entities.get(name)
    if (!found) {
      found = { root: new Set() }
      entities.set(name, found)
    }
    return found
  }
  const children: { parent: string; segment: string; tag: string; model?: string; operation: ChildOperation }[] = []

  for (const [path, pathItem] of Object.entries(document.paths)) {
    const segments = path.split('/').slice(1)
    if (segments[0] !== 'V1.0' || segments.length < 2) continue
    const [, name, second, third, fourth] = segments as [string, string, string?, string?, string?]
    for (const [method, operation] of Object.entries(pathItem)) {
      const model = modelOf(operation)
      if (second === '{parentId}' && third !== undefined) {
        if (fourth === 'entityInformation') continue
        const childOperation: ChildOperation | undefined =
          fourth === undefined
            ? ({ get: 'list', post: 'create', patch: 'update', put: 'replace' } as const)[method as 'get']
            : fourth === '{id}' && segments.length === 5
              ? ({ get: 'get', delete: 'delete' } as const)[method as 'get']
              : undefined
        if (childOperation)
          children.push({
            parent: name,
            segment: third,
            tag: operation.tags?.[0] ?? `${name}${third}Child`,
            ...(model ? { model } : {}),
            operation: childOperation,
          })
        continue
      }
      let rootOperation: RootOperation | undefined
      if (second === undefined) rootOperation = ({ post: 'create', patch: 'update', put: 'replace' } as const)[method as 'post']
      else if (second === 'query' && third === undefined && method === 'post') rootOperation = 'query'
      else if (second === 'query' && third === 'count' && method === 'post') rootOperation = 'count'
      else if (second === '{id}' && third === undefined) rootOperation = ({ get: 'get', delete: 'delete' } as const)[method as 'get']
      else if (second === 'entityInformation' || second === 'query') rootOperation = undefined
      else continue // global calls (ThresholdInformation, ZoneInformation, Version) and odd routes
      const found = entry(name)
      if (rootOperation) found.root.add(rootOperation)
      if (model && !found.model) found.model = model
    }
  }

  // A child route belongs to the root entity that shares its model; a child without one becomes
  // an entity named after its tag (`TicketNotesChild` → `TicketNotes`).
  const rootByModel = new Map<string, string>()
  for (const [name, found] of entities) if (found.model && !rootByModel.has(found.model)) rootByModel.set(found.model, name)
  // Some child operations (a delete answering OperationResultModel) name no model: the route's
  // other operations do.
  const routeModels = new Map<string, string>()
  for (const child of children) if (child.model) routeModels.set(`${child.parent}/${child.segment}`, child.model)
  for (const child of children) {
    const model = routeModels.get(`${child.parent}/${child.segment}`)
    if (model) child.model = model
  }
  for (const child of children) {
    const name = (child.model && rootByModel.get(child.model)) ?? child.tag.replace(/Child$/, '')
    const found = entry(name)
    if (child.model && !found.model) found.model = child.model
    if (found.parent && (found.parent.entity !== child.parent || found.parent.segment !== child.segment)) continue
    found.parent ??= { entity: child.parent, segment: child.segment, operations: new Set() }
    found.parent.operations.add(child.operation)
  }
  // Entities with neither a model nor any operation (global calls) are of no use to the accessor.
  for (const [name, found] of entities) if (!found.model || (found.root.size === 0 && !found.parent)) entities.delete(name)
  return new Map([...entities].sort(([left], [right]) => left.localeCompare(right)))
}

const rootOrder: RootOperation[] = ['query', 'count', 'get', 'create', 'update', 'replace', 'delete']
const childOrder: ChildOperation[] = ['list', 'get', 'create', 'update', 'replace', 'delete']

/** openapi-typescript's schema key for a definition name (`A[B,C]` → `A_B_C_`). */
function schemaKey(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_')
}

function renderEntities(table: Map<string, EntityEntry>, queryFields: readonly string[], source: string): string {
  const quote = (text: string) => JSON.stringify(text)
  const models = [...table].map(([name, found]) => `  ${name}: components['schemas'][${quote(schemaKey(found.model!))}]`).join('\n')
  const routes = [...table]
    .map(([name, found]) => {
      const root = rootOrder
        .filter((operation) => found.root.has(operation))
        .map(quote)
        .join(', ')
      const parent = found.parent
        ? `, parent: { entity: ${quote(found.parent.entity)}, segment: ${quote(found.parent.segment)}, operations: [${childOrder
            .filter((operation) => found.parent!.operations.has(operation))
            .map(quote)
            .join(', ')}] }`
        : ''
      return `  ${name}: { root: [${root}]${parent} },`
    })
    .join('\n')
  return `/*
 * generated — do not edit; regenerate with ${command}
 *
 * The entities of the Autotask REST API and the routes each one has, derived from ${source}.
 */
/* eslint-disable */
import type { components } from './autotask-openapi'

/** The model of every entity, by entity name (the URL segment after \`/V1.0/\`). */
export type AutotaskEntityModels = {
${models}
}

/** An entity of the Autotask REST API. */
export type AutotaskEntityName = keyof AutotaskEntityModels

/** Operations on an entity's own URL, \`/V1.0/{Entity}\`. */
export type AutotaskRootOperation = 'query' | 'count' | 'get' | 'create' | 'update' | 'replace' | 'delete'

/** Operations on a child entity's URL under its parent, \`/V1.0/{Parent}/{parentId}/{Segment}\`. */
export type AutotaskChildOperation = 'list' | 'get' | 'create' | 'update' | 'replace' | 'delete'

/** Where an entity lives: its own URL, and for child entities the parent URL writes go through. */
export interface AutotaskEntityRoute {
  readonly root: readonly AutotaskRootOperation[]
  readonly parent?: { readonly entity: string; readonly segment: string; readonly operations: readonly AutotaskChildOperation[] }
}

/** The routes of every entity, as the spec declares them. */
export const autotaskEntityRoutes: { readonly [Name in AutotaskEntityName]: AutotaskEntityRoute } = {
${routes}
}

/** The fields of a query body (\`QueryModel\`): the keys a query object may have. */
export const autotaskQueryModelFields = [${queryFields.map(quote).join(', ')}] as const
`
}

async function main(): Promise<void> {
  const specPath = resolve(process.argv[2] ?? defaultSpecPath)
  const source = relative(resolve(scriptFolder, '..'), specPath).replaceAll('\\', '/')
  const document = JSON.parse(await readFile(specPath, 'utf8')) as SwaggerDocument
  const table = buildEntityTable(document)
  const queryFields = queryModelFields(document)
  const added = defineMissingModels(document)
  trimOperations(document)

  const swaggerToOpenApi = createRequire(import.meta.url)('swagger2openapi') as SwaggerToOpenApi
  const { openapi } = await swaggerToOpenApi.convertObj(document, { patch: true, warnOnly: true })
  const nodes = await openapiTS(openapi as unknown as Parameters<typeof openapiTS>[0], {
    // Autotask answers with more fields than it documents; the client reads with tolerant schemas.
    additionalProperties: false,
    // Types only: nothing of this module reaches the bundle.
    exportType: true,
    silent: true,
  })
  const header = `/*
 * generated — do not edit; regenerate with ${command}
 *
 * Types of the Autotask PSA REST API ("Datto|Autotask PSA Rest API" v1), generated by
 * openapi-typescript from ${source} after conversion to OpenAPI 3 with swagger2openapi.
 * Paths are relative to the zone's \`/ATServicesRest\`. Left out to keep type checks fast: the
 * credential headers (the client sends them), the \`text/json\` duplicate of each body, and the
 * body-less 401/403 answers. The spec declares no required fields: every property is optional.
 * Models added because the spec references them without defining them: ${added.length === 0 ? 'none' : added.length}.
 */
/* eslint-disable */
`
  const types = `${header}\n${astToString(nodes)}`
  await mkdir(dirname(typesPath), { recursive: true })
  await writeFile(typesPath, types)
  await writeFile(entitiesPath, renderEntities(table, queryFields, source))
  const paths = Object.keys(document.paths).length
  process.stdout.write(
    `wrote ${relative(process.cwd(), typesPath)} (${paths} paths, ${(types.length / 1024).toFixed(0)} KiB) and ${relative(process.cwd(), entitiesPath)} (${table.size} entities)\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
