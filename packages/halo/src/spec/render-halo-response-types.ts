import { countHaloResponses, type HaloResponseMap, type HaloResponseShape } from './build-halo-response-map'
import { haloUndeclaredAnswerFields } from './halo-response-extras'
import type { HaloSpecMethod } from './halo-spec-index'

const command = '`pnpm --filter @ticketbridge/halo generate`'
const methods: HaloSpecMethod[] = ['get', 'post', 'delete']

/** The TypeScript type of a JSON field type. */
function typeOf(fieldType: string): string {
  return fieldType === 'integer' ? 'number' : fieldType
}

/** A record as Halo answers it: the schema, with the undeclared fields Halo adds typed too. */
function recordType(schema: string): string {
  const extras = haloUndeclaredAnswerFields.filter((field) => field.schema === schema)
  return extras.length === 0 ? `Schemas[${JSON.stringify(schema)}]` : `HaloAnswered${schema.replace(/\W/g, '_')}`
}

function shapeType(shape: HaloResponseShape): string {
  const record = recordType(shape.schema)
  switch (shape.kind) {
    case 'record':
      return record
    case 'records':
      return `${record}[]`
    case 'upserted':
      return `HaloUpserted<${record}>`
    case 'wrapped': {
      const extra = Object.entries(shape.extraFields ?? {}).map(([name, type]) => `${name}?: ${typeOf(type)}`)
      return `HaloWrappedList<${JSON.stringify(shape.key)}, ${record}${extra.length > 0 ? `, { ${extra.join('; ')} }` : ''}>`
    }
  }
}

function answeredAliases(): string {
  const bySchema = new Map<string, string[]>()
  for (const field of haloUndeclaredAnswerFields) {
    bySchema.set(field.schema, [...(bySchema.get(field.schema) ?? []), `${field.field}?: ${typeOf(field.type)} | null`])
  }
  return [...bySchema]
    .map(
      ([schema, fields]) =>
        `/** \`${schema}\` as Halo answers it: the spec's schema and the fields Halo adds without declaring them. */\ntype ${recordType(schema)} = Schemas[${JSON.stringify(schema)}] & { ${fields.join('; ')} }\n`,
    )
    .join('\n')
}

/**
 * Renders `src/generated/halo-responses.ts`: `HaloResponses[path][method]`, one line per path,
 * `unknown` where nothing is known. A lookup interface rather than conditional types over the
 * spec's paths, so a call's answer type costs one property lookup to check.
 */
export function renderHaloResponseTypes(map: HaloResponseMap, source: string): string {
  const { typed, unknown } = countHaloResponses(map)
  const lines = Object.entries(map).map(([template, entries]) => {
    const members = methods
      .filter((method) => entries[method] !== undefined)
      .map((method) => {
        const shape = entries[method]!.shape
        return `${method}: ${shape ? shapeType(shape) : 'unknown'}`
      })
    return `  ${JSON.stringify(template)}: { ${members.join('; ')} }`
  })
  return `/*
 * generated — do not edit; regenerate with ${command}
 *
 * What each operation of Halo's API answers, derived from ${source} by
 * src/spec/build-halo-response-map.ts (the spec documents no response bodies): a collection's
 * POST body names its resource schema (\`POST /Tickets\` takes \`Faults[]\`, so \`GET /Tickets/{id}\`
 * answers \`Faults\`), a GET's summary names it where no POST does, and the list wrappers and
 * \`me\` paths come from practice (src/spec/halo-response-extras.ts). ${typed} operations are typed;
 * ${unknown} stay \`unknown\` (deletes, paged lists whose key no source names, paths without a schema).
 */
/* eslint-disable */
import type { components } from './halo-openapi'

type Schemas = components['schemas']

/** A list Halo wraps (halo.md §3.2): the count of every match, and this page's rows under \`Key\` (left out when none match). */
export type HaloWrappedList<Key extends string, Row, Extra = unknown> = { record_count: number; page_no?: number; page_size?: number } & {
  [Name in Key]?: Row[]
} & Extra

/** What a POST upsert answers (halo.md §3.1): the saved record for a one-record array, the saved records for more. */
export type HaloUpserted<Row> = Row | Row[]

${answeredAliases()}
/** What each operation answers, by path template and method. */
export interface HaloResponses {
${lines.join('\n')}
}
`
}
