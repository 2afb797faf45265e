import type { HaloSpecMethod } from './halo-spec-index'

/** A JSON type, as the response check and the generated types name it. */
export type HaloAnswerFieldType = 'string' | 'integer' | 'number' | 'boolean'

/** How an answer is shaped where the spec cannot say (it documents no response bodies). */
export type HaloResponseByHand =
  /** `{ record_count, <key>: [rows] }`, rows of the path's resource schema, with these fields beside them. */
  | { kind: 'wrapped'; key: string; extraFields?: Record<string, HaloAnswerFieldType> }
  /** One object of a component schema of the spec. */
  | { kind: 'schema'; schema: string }
  /** What another path answers (`/Agent/me` answers what `/Agent/{id}` does). */
  | { kind: 'sameAs'; template: string }

/** An answer shape known from practice rather than from the spec. */
export interface HaloResponseExtra {
  method: HaloSpecMethod
  /** Path template as the spec spells it. */
  template: string
  shape: HaloResponseByHand
  /** Where it is known from, in `shared/reference/halo.md`. */
  reason: string
}

const listShapes = 'halo.md §3.2 (lists: wrapper vs bare array)'

/**
 * The answers the response types take from practice: the list wrappers (the spec has no list
 * schema except `Attachment_View`) and the `me` paths (the spec names no schema for them). Every
 * other typed answer is derived from the spec itself; keep this list short.
 */
export const haloResponseExtras: readonly HaloResponseExtra[] = [
  {
    method: 'get',
    template: '/Tickets',
    shape: { kind: 'wrapped', key: 'tickets', extraFields: { include_children: 'boolean' } },
    reason: listShapes,
  },
  {
    method: 'get',
    template: '/Projects',
    shape: { kind: 'wrapped', key: 'tickets', extraFields: { include_children: 'boolean' } },
    reason: `${listShapes}; halo.md §4.13: projects mirror tickets, list key included`,
  },
  { method: 'get', template: '/Actions', shape: { kind: 'wrapped', key: 'actions' }, reason: listShapes },
  { method: 'get', template: '/Users', shape: { kind: 'wrapped', key: 'users' }, reason: listShapes },
  { method: 'get', template: '/Client', shape: { kind: 'wrapped', key: 'clients' }, reason: listShapes },
  { method: 'get', template: '/Site', shape: { kind: 'wrapped', key: 'sites' }, reason: listShapes },
  { method: 'get', template: '/Asset', shape: { kind: 'wrapped', key: 'assets' }, reason: listShapes },
  { method: 'get', template: '/KBArticle', shape: { kind: 'wrapped', key: 'articles' }, reason: `${listShapes}; halo.md §4.12` },
  {
    method: 'get',
    template: '/Attachment',
    shape: { kind: 'schema', schema: 'Attachment_View' },
    reason: `${listShapes}; halo.md §4.3: the spec's own list schema, \`{ record_count, attachments: Attachment_List[] }\``,
  },
  { method: 'get', template: '/Agent/me', shape: { kind: 'sameAs', template: '/Agent/{id}' }, reason: 'halo.md §2.3: the agent the token acts as' },
  { method: 'get', template: '/Users/me', shape: { kind: 'sameAs', template: '/Users/{id}' }, reason: 'halo.md §4.7' },
  { method: 'get', template: '/Client/me', shape: { kind: 'sameAs', template: '/Client/{id}' }, reason: 'halo.md §4.8' },
]

/**
 * Operations whose spec summary names a schema ("Get one Uname") that the path does not answer:
 * they stay `unknown`.
 */
export const haloResponseSummaryMistakes: readonly { template: string; reason: string }[] = [
  { template: '/AgentImage/{id}', reason: 'an agent’s picture by its name; the summary "Get one Uname" is copied from /Agent/{id}' },
]

/** A field Halo answers that the spec's schema does not declare. */
export interface HaloUndeclaredAnswerField {
  schema: string
  field: string
  type: HaloAnswerFieldType
  reason: string
}

/** Fields typed and accepted in answers beyond the spec: each one seen by practitioners on live instances. */
export const haloUndeclaredAnswerFields: readonly HaloUndeclaredAnswerField[] = [
  {
    schema: 'Actions',
    field: 'who',
    type: 'string',
    reason: 'halo.md §4.2: the author’s display name, read by homotechsual/HaloAPI and netaryx/pyhalopsa; the spec does not declare it',
  },
]
