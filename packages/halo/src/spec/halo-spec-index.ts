/**
 * The shape of `halo-spec-index.generated.json`: every path template of Halo's OpenAPI spec
 * with, per method, the parameter names and the request body's property names. It is built by
 * `scripts/generate-halo-spec-index.ts` (see {@link buildHaloSpecIndex}) and read by
 * {@link checkHaloRequest} and the simulator's strict spec mode.
 */

/** HTTP methods the Halo spec uses (it has no PUT or PATCH). */
export type HaloSpecMethod = 'get' | 'post' | 'delete'

/** A request body as the spec declares it, reduced to what a name check needs. */
export type HaloSpecBody =
  /** A JSON array of objects of a component schema (most POST upserts: `[{...}, ...]`). */
  | { type: 'array'; schema: string; media: HaloSpecMedia }
  /** A JSON array of scalars, such as `[1, 2, 3]`. */
  | { type: 'array'; items: string; media: HaloSpecMedia }
  /** One object of a component schema. */
  | { type: 'object'; schema: string; media: HaloSpecMedia }
  /** One object whose properties the spec lists inline (multipart uploads name their form fields here). */
  | { type: 'object'; properties: string[]; media: HaloSpecMedia }
  /** One object with any keys (`additionalProperties`). */
  | { type: 'object'; additionalProperties: true; media: HaloSpecMedia }
  /** A scalar body such as a JSON string. */
  | { type: 'string' | 'integer' | 'number' | 'boolean'; media: HaloSpecMedia }

/** `json` for the JSON media types, `multipart` for `multipart/form-data`. */
export type HaloSpecMedia = 'json' | 'multipart'

/** One operation: a method on a path template. */
export interface HaloSpecOperation {
  /** Path parameter names and their declared types, e.g. `{ id: 'integer' }`. */
  path?: Record<string, string>
  /** Query parameter names, sorted, as the spec spells them. */
  query?: string[]
  body?: HaloSpecBody
}

/** The whole index. */
export interface HaloSpecIndex {
  notice: string
  source: {
    path: string
    sha256: string
    openapi: string
    title: string
    version: string
    server: string
  }
  /** Path templates relative to the server URL (`/api`), e.g. `/Tickets/{id}`. */
  paths: Record<string, Partial<Record<HaloSpecMethod, HaloSpecOperation>>>
  /** Property names of every component schema a request body refers to, sorted. */
  schemas: Record<string, string[]>
}
