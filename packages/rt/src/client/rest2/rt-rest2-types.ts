/**
 * REST2 record shapes as RT 5 sends them (rt.md §3). Most fields are strings, even numbers
 * (`"Priority": "2"`); a record's top-level `id` is a number while ids inside references are
 * strings; users are referenced by name. Unset dates are `1970-01-01T00:00:00Z`. JSON key order
 * is random. Fields not listed are still there: every type keeps an index signature.
 */

/** A pointer to another record. Expanded references (`fields[Queue]=Name`) carry the asked fields too. */
export interface Rest2Reference {
  type: string
  /** A string in references (a user's name for users; RT numbers for the rest), a number when `id` was asked as a field. */
  id: string | number
  _url: string
  [field: string]: unknown
}

/** One entry of `_hyperlinks`. */
export interface Rest2Hyperlink {
  ref: string
  _url: string
  type?: string
  id?: string | number
  name?: string
  /** Lifecycle links: the transition they offer. */
  from?: string
  to?: string
  label?: string
  update?: string
  [field: string]: unknown
}

/** A custom field's values on a record. */
export interface Rest2CustomFieldValues {
  id: string
  name: string
  type: 'customfield'
  _url: string
  values: unknown[]
}

/** A page of a collection. `pages` and `total` are missing (or null) for some users and RT versions. */
export interface Rest2Collection<T> {
  count: number
  page: number
  per_page: number
  pages?: number | null
  total?: number | null
  items: T[]
  next_page?: string
  prev_page?: string
}

/** A collection item: a reference plus the fields asked with `fields=`. */
export type Rest2CollectionItem = Rest2Reference

export interface Rest2Ticket {
  id: number | string
  Subject?: string
  Status?: string
  Priority?: string
  InitialPriority?: string
  FinalPriority?: string
  Type?: string
  Queue?: Rest2Reference
  Owner?: Rest2Reference
  Creator?: Rest2Reference
  LastUpdatedBy?: Rest2Reference
  Requestor?: Rest2Reference[]
  Cc?: Rest2Reference[]
  AdminCc?: Rest2Reference[]
  Created?: string
  LastUpdated?: string
  Starts?: string
  Started?: string
  Due?: string
  Resolved?: string
  Told?: string
  TimeWorked?: string
  TimeEstimated?: string
  TimeLeft?: string
  EffectiveId?: Rest2Reference
  CustomFields?: Rest2CustomFieldValues[]
  _hyperlinks?: Rest2Hyperlink[]
  [field: string]: unknown
}

export interface Rest2Transaction {
  id: number | string
  Type?: string
  Field?: string
  OldValue?: string
  NewValue?: string
  Data?: string
  TimeTaken?: string
  ObjectType?: string
  ObjectId?: string
  Object?: Rest2Reference
  Creator?: Rest2Reference
  Created?: string
  _hyperlinks?: Rest2Hyperlink[]
  [field: string]: unknown
}

export interface Rest2Attachment {
  id: number | string
  Subject?: string
  Filename?: string
  ContentType?: string
  ContentEncoding?: string
  /** Bytes as a string (collections give a number as text). */
  ContentLength?: string | number
  /** On `GET /attachment/<id>`: the content, base64-encoded. In collections (`fields=Content`): decoded text. */
  Content?: string
  /** All headers as one string, lines separated by `\n`. */
  Headers?: string
  MessageId?: string
  TransactionId?: Rest2Reference | string
  Parent?: Rest2Reference | string
  Creator?: Rest2Reference
  Created?: string
  [field: string]: unknown
}

export interface Rest2User {
  id: number | string
  Name?: string
  EmailAddress?: string
  RealName?: string
  NickName?: string
  Organization?: string
  /** 1 for privileged users (agents), 0 for the rest. */
  Privileged?: number | string
  Disabled?: number | string
  Memberships?: Rest2Reference[]
  _hyperlinks?: Rest2Hyperlink[]
  [field: string]: unknown
}

export interface Rest2Queue {
  id: number | string
  Name?: string
  Description?: string
  Lifecycle?: string
  Disabled?: string
  CorrespondAddress?: string
  CommentAddress?: string
  TicketCustomFields?: Rest2Hyperlink[]
  TicketTransactionCustomFields?: Rest2Hyperlink[]
  _hyperlinks?: Rest2Hyperlink[]
  [field: string]: unknown
}

export interface Rest2CustomField {
  id: number | string
  Name?: string
  Description?: string
  /** `Select`, `Freeform`, `Text`, `Wikitext`, `Date`, `DateTime`, `Autocomplete`, `Combobox`, `Image`, `Binary`, `IPAddress`… */
  Type?: string
  /** 0 for unlimited, 1 for a single value. */
  MaxValues?: string | number
  LookupType?: string
  EntryHint?: string
  Pattern?: string
  Disabled?: string | number
  /** Allowed values of select-type fields (names). */
  Values?: string[]
  [field: string]: unknown
}

/** `GET /rt`. */
export interface Rest2SystemInformation {
  Version: string
  Plugins: string[]
  [field: string]: unknown
}

/** One condition of a JSON search (`POST /users`, `/queues`, `/attachments`, …). */
export interface Rest2JsonCondition {
  field: string
  value: string | number | readonly (string | number)[]
  /** `=` by default; `LIKE`, `STARTSWITH`, `!=`, `<`, `>`, `IN`… */
  operator?: string
  /** `AND` or `OR` with the previous condition on the same field. */
  entry_aggregator?: 'AND' | 'OR'
  case_sensitive?: boolean
}

/** Link refs in a record's `_hyperlinks`. */
export type Rest2LinkRef = 'depends-on' | 'depended-on-by' | 'parent' | 'child' | 'refers-to' | 'referred-to-by'

export const rest2LinkRefs: readonly Rest2LinkRef[] = ['depends-on', 'depended-on-by', 'parent', 'child', 'refers-to', 'referred-to-by']

/**
 * RT's link field names as REST2 writes them on PUT: `MemberOf` (parent), `Members` (children),
 * `RefersTo`, `ReferredToBy`, `DependsOn`, `DependedOnBy`. Prefix with `Add` or `Delete` to
 * change one link; give the bare name to set the whole list.
 */
export type Rest2LinkField = 'MemberOf' | 'Members' | 'RefersTo' | 'ReferredToBy' | 'DependsOn' | 'DependedOnBy'

/** The same relations as `_hyperlinks` refs. */
export const rest2LinkFieldByRef: Readonly<Record<Rest2LinkRef, Rest2LinkField>> = {
  parent: 'MemberOf',
  child: 'Members',
  'refers-to': 'RefersTo',
  'referred-to-by': 'ReferredToBy',
  'depends-on': 'DependsOn',
  'depended-on-by': 'DependedOnBy',
}
