import generatedIndex from './autotask-spec-index.generated.json'

/** What a path template does, as the generator classified it from its shape. */
export type AutotaskPathKind =
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

/** One method of a path: its query parameter names and its body model. */
export interface AutotaskSpecMethod {
  query?: string[]
  /** Declared parameters that may be omitted; every other declared parameter is required. */
  optionalQuery?: string[]
  /** Model name of the JSON body (`QueryModel`, `TicketModel`...). */
  body?: string
}

/** One path template of the Autotask REST API (relative to the `/ATServicesRest` base path). */
export interface AutotaskSpecPath {
  kind: AutotaskPathKind
  /** Root entity the path works on (`TicketNotes` for `/Tickets/{parentId}/Notes`). */
  entity?: string
  /** Parent entity of a child route (`Tickets` for `/Tickets/{parentId}/Notes`). */
  parent?: string
  methods: Record<string, AutotaskSpecMethod>
  /** `peer`: not in the vendor document, but every peer client uses it (next-page cursors). */
  source?: 'peer'
  /** Added by the 2026 live document (operations-index-2026.tsv). */
  added2026?: true
}

/** A model's property names with Autotask data types (`integer`, `long`, `string`, `datetime`...). */
export interface AutotaskSpecModel {
  properties: Record<string, string>
  readOnly?: string[]
}

/** The compact index of the vendor's Swagger document written by scripts/generate-autotask-spec-index.ts. */
export interface AutotaskSpecIndex {
  generatedBy: string
  source: { file: string; sha256: string; title: string; version: string; host: string; pathCount: number; operationCount: number }
  basePath: string
  baseUrlTemplate: string
  headers: { required: string[]; optional: string[] }
  additions2026: { rule: string; considered: number; included: string[]; excluded: string[] }
  /** Root entity name → model name (`Tickets` → `TicketModel`). */
  entities: Record<string, string>
  paths: Record<string, AutotaskSpecPath>
  models: Record<string, AutotaskSpecModel>
}

/** The Autotask REST API as its Swagger document declares it (plus the peer-documented next-page routes). */
export const autotaskSpecIndex = generatedIndex as unknown as AutotaskSpecIndex

/** A request path matched to its template. */
export interface AutotaskPathMatch {
  template: string
  spec: AutotaskSpecPath
  /** Path parameters by name (`id`, `parentId`), as sent. */
  parameters: Record<string, string>
  /** True when a literal segment was sent in another casing than the spec writes it. */
  casingDiffers: boolean
}

interface TrieNode {
  literals: Map<string, { node: TrieNode; spelling: string }>
  parameter?: { node: TrieNode }
  template?: string
}

function createNode(): TrieNode {
  return { literals: new Map() }
}

const trie = createNode()
for (const template of Object.keys(autotaskSpecIndex.paths)) {
  let node = trie
  for (const segment of template.split('/').slice(1)) {
    if (/^\{\w+\}$/.test(segment)) {
      node.parameter ??= { node: createNode() }
      node = node.parameter.node
    } else {
      const key = segment.toLowerCase()
      let next = node.literals.get(key)
      if (!next) {
        next = { node: createNode(), spelling: segment }
        node.literals.set(key, next)
      }
      node = next.node
    }
  }
  node.template = template
}

/**
 * Splits a request target into the path relative to the base path (`/V1.0/Tickets/query`)
 * and its query parameters. Takes an absolute URL, a path with `/ATServicesRest`, or a path
 * that starts at `/V1.0`.
 */
export function splitAutotaskTarget(target: string): { path: string; basePathSpelling?: string; search: URLSearchParams } {
  const url = new URL(target, 'http://autotask.invalid')
  let path = url.pathname.replace(/\/+$/, '') || '/'
  let basePathSpelling: string | undefined
  const basePath = autotaskSpecIndex.basePath
  if (path.toLowerCase().startsWith(`${basePath.toLowerCase()}/`) || path.toLowerCase() === basePath.toLowerCase()) {
    basePathSpelling = path.slice(0, basePath.length)
    path = path.slice(basePath.length) || '/'
  }
  return { path: decodeURIComponent(path), ...(basePathSpelling ? { basePathSpelling } : {}), search: url.searchParams }
}

/**
 * Finds the template of a path relative to the base path. Matching ignores case (ASP.NET routes
 * do) and prefers literal segments over parameters, so `/Tickets/query` is never `/Tickets/{id}`.
 */
export function matchAutotaskPath(path: string): AutotaskPathMatch | undefined {
  const segments = path.split('/').slice(1)
  const values: string[] = []
  let casingDiffers = false
  const walk = (node: TrieNode, index: number): string | undefined => {
    if (index === segments.length) return node.template
    const segment = segments[index]!
    const literal = node.literals.get(segment.toLowerCase())
    if (literal) {
      const found = walk(literal.node, index + 1)
      if (found) {
        if (literal.spelling !== segment) casingDiffers = true
        return found
      }
    }
    if (node.parameter && segment !== '') {
      const found = walk(node.parameter.node, index + 1)
      if (found) {
        values.unshift(segment)
        return found
      }
    }
    return undefined
  }
  const template = walk(trie, 0)
  if (!template) return undefined
  // Templates sharing a prefix name their parameters differently ({id} vs {parentId}): name them by the matched one.
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
  const parameters: Record<string, string> = {}
  names.forEach((name, position) => {
    parameters[name] = values[position]!
  })
  return { template, spec: autotaskSpecIndex.paths[template]!, parameters, casingDiffers }
}

/** The model of a root entity (`Tickets` → its properties), when the spec has one. */
export function autotaskEntityModel(entity: string): AutotaskSpecModel | undefined {
  const modelName = autotaskSpecIndex.entities[entity]
  return modelName ? autotaskSpecIndex.models[modelName] : undefined
}

/** The spec's spelling of a property, matched without regard to case (Autotask ignores case). */
export function canonicalPropertyName(model: AutotaskSpecModel, name: string): string | undefined {
  if (Object.hasOwn(model.properties, name)) return name
  const lower = name.toLowerCase()
  return Object.keys(model.properties).find((property) => property.toLowerCase() === lower)
}
