import type { HttpResponseType } from '@ticketbridge/http'
import type { components, paths } from '../generated/halo-openapi'
import type { HaloResponses } from '../generated/halo-responses'

/** Every path of Halo's API, relative to `/api`, as the spec names it (`/Tickets/{id}`). */
export type HaloPath = keyof paths

/** The HTTP methods Halo's API uses: there is no PUT or PATCH anywhere (halo.md §3.1). */
export type HaloMethod = 'get' | 'post' | 'delete'

/** A schema of the spec by name: `HaloSchema<'Faults'>` is a ticket as Halo writes it. */
export type HaloSchema<Name extends keyof components['schemas']> = components['schemas'][Name]

/** The paths that have an operation for `Method`. */
export type HaloPathWith<Method extends HaloMethod> = {
  [Path in HaloPath]: paths[Path] extends { [Key in Method]: { parameters: unknown } } ? Path : never
}[HaloPath]

/** The operation of a path and method. */
export type HaloOperation<Path extends HaloPath, Method extends HaloMethod> = paths[Path] extends { [Key in Method]: infer Operation }
  ? Operation
  : never

/** The query parameters of an operation, as the spec declares them. */
export type HaloQueryOf<Path extends HaloPath, Method extends HaloMethod> =
  HaloOperation<Path, Method> extends { parameters: { query?: infer Query } }
    ? [Query] extends [never]
      ? Record<never, never>
      : NonNullable<Query>
    : Record<never, never>

/** The path parameters of an operation (`{ id: number }` for `/Tickets/{id}`). */
export type HaloPathParametersOf<Path extends HaloPath, Method extends HaloMethod> =
  HaloOperation<Path, Method> extends { parameters: { path: infer Parameters } } ? ([Parameters] extends [never] ? undefined : Parameters) : undefined

/** The JSON body of an operation. */
export type HaloBodyOf<Path extends HaloPath, Method extends HaloMethod> =
  HaloOperation<Path, Method> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never

/** The query of a list call: the spec's parameters of `GET path`. */
export type HaloListQuery<Path extends HaloPathWith<'get'>> = HaloQueryOf<Path, 'get'>

/**
 * A record to write: the spec's schema plus any field it does not list (newer builds add
 * fields such as `team_id`; Halo ignores unknown ones).
 */
export type HaloWritable<Name extends keyof components['schemas']> = HaloSchema<Name> & { [field: string]: unknown }

/**
 * What an operation answers, from `src/generated/halo-responses.ts`: `HaloResponseOf<'/Tickets/{id}', 'get'>`
 * is a `Faults`, `HaloResponseOf<'/Tickets', 'get'>` the `{ record_count, tickets }` wrapper. The spec
 * documents no answers, so these are derived from its schemas; an operation with none is `unknown`.
 */
export type HaloResponseOf<Path extends HaloPath, Method extends HaloMethod> = HaloResponses[Path] extends { [Key in Method]: infer Answer }
  ? Answer
  : unknown

/** What a raw call resolves to: the typed JSON answer, or the text or bytes asked for with `responseType`. */
export type HaloRawAnswer<Answer, As extends HttpResponseType> = As extends 'bytes' ? Uint8Array : As extends 'text' ? string : Answer
