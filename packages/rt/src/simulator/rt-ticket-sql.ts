/**
 * TicketSQL (and TransactionSQL) as RT 5.0.3 parses it: the same tokenizer and state machine as
 * RT::SQL::Parse, the same error texts, and RT's tree semantics.
 *
 * Two RT behaviours a textbook parser would get wrong, both checked on a real RT 5.0.3:
 * - Within one level of parentheses every clause is joined by the *last* aggregator seen there:
 *   `id = 3 AND id = 4 OR id = 5` means `id = 3 OR id = 4 OR id = 5`. Only parentheses group.
 * - Unknown fields do not stop parsing; their errors are collected, the first syntax error ends
 *   it, and all messages are joined with `; ` in the error RT reports.
 */

const tokenNames = ['VALUE', 'AGGREGATOR', 'OPERATOR', 'OPEN_PAREN', 'CLOSE_PAREN', 'KEYWORD'] as const
const VALUE = 1
const AGGREGATOR = 2
const OPERATOR = 4
const OPEN_PAREN = 8
const CLOSE_PAREN = 16
const KEYWORD = 32

const word = String.raw`[\p{L}\p{N}_]`
const delimited = String.raw`'(?:[^\\']*(?:\\[\s\S][^\\']*)*)'|"(?:[^\\"]*(?:\\[\s\S][^\\"]*)*)"`
const aggregatorSource = 'AND|OR'
const valueSource = String.raw`CF\.\{.+?\}(?:\.(?:Content|LargeContent))?|(?:${word}|\.)+|[+-]?\d+|NULL|${delimited}`
const keywordSource = String.raw`CF\.\{.+?\}(?:\.(?:Content|LargeContent))?|(?:[{}]|${word}|\.)+|${delimited}`
const operatorSource = `(?:SHALLOW )?(?:=|!=|>=|<=|>|<|IS NOT|IS|NOT LIKE|LIKE|NOT STARTSWITH|STARTSWITH|NOT ENDSWITH|ENDSWITH)`

const tokenPattern = new RegExp(`(${aggregatorSource}|${operatorSource}|${keywordSource}|${valueSource}|\\(|\\))`, 'giu')
const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`, 'iu')
const isAggregator = whole(aggregatorSource)
const isOperator = whole(operatorSource)
const isKeyword = whole(keywordSource)
const isValue = whole(valueSource)
const containsDelimited = new RegExp(delimited, 'u')

/** One `Field op value` clause. */
export interface TicketSqlCondition {
  kind: 'condition'
  /** The field as written, quotes removed (`CF.{Severity}`, `Requestor.EmailAddress`). */
  key: string
  /** The canonical field name (`Requestor`, `CF`), or undefined when RT does not know it. */
  field: string | undefined
  /** What follows the first dot (`EmailAddress`, `{Severity}`), if anything. */
  subkey: string | undefined
  /** Upper-cased, single-spaced operator: `=`, `NOT LIKE`, `IS NOT`, `SHALLOW =`... */
  operator: string
  /** The value, quotes removed and escapes undone; `NULL` for IS / IS NOT. */
  value: string
}

/** A parenthesised group (or the whole query): children joined by one aggregator. */
export interface TicketSqlGroup {
  kind: 'group'
  aggregator: 'AND' | 'OR'
  children: TicketSqlNode[]
}

export type TicketSqlNode = TicketSqlCondition | TicketSqlGroup

/** An invalid query, with the message RT's parser produces (without RT's " at ... line N." tail). */
export class TicketSqlError extends Error {
  override readonly name = 'TicketSqlError'
}

function bitmaskToString(mask: number): string {
  const names = tokenNames.filter((_name, index) => (mask & (1 << index)) !== 0)
  const last = names.pop()
  const head = names.join(', ')
  return head ? `${head} or ${last ?? ''}` : (last ?? '')
}

/** RT strips the first and last character whenever the text contains a quoted string anywhere. */
function unquote(text: string): string {
  let value = text
  if (containsDelimited.test(value)) value = value.slice(1, -1)
  return value.replace(/\\([\s\S])/g, '$1')
}

/** The fields RT::Tickets knows (its %FIELD_METADATA), by lower-case name. */
const ticketSqlFields: ReadonlyMap<string, string> = new Map(
  [
    'Status',
    'SLA',
    'Queue',
    'Type',
    'Creator',
    'LastUpdatedBy',
    'Owner',
    'EffectiveId',
    'id',
    'InitialPriority',
    'FinalPriority',
    'Priority',
    'TimeLeft',
    'TimeWorked',
    'TimeEstimated',
    'Linked',
    'LinkedTo',
    'LinkedFrom',
    'MemberOf',
    'DependsOn',
    'RefersTo',
    'HasMember',
    'DependentOn',
    'DependedOnBy',
    'ReferredToBy',
    'Told',
    'Starts',
    'Started',
    'Due',
    'Resolved',
    'LastUpdated',
    'Created',
    'Subject',
    'Content',
    'ContentType',
    'Filename',
    'TransactionDate',
    'Requestor',
    'Requestors',
    'Cc',
    'AdminCc',
    'Watcher',
    'QueueCc',
    'QueueAdminCc',
    'QueueWatcher',
    'CustomRole',
    'CustomFieldValue',
    'CustomField',
    'CF',
    'TxnCF',
    'TransactionCF',
    'QueueCF',
    'Lifecycle',
    'Updated',
    'UpdatedBy',
    'OwnerGroup',
    'RequestorGroup',
    'CCGroup',
    'AdminCCGroup',
    'WatcherGroup',
    'HasAttribute',
    'HasNoAttribute',
  ].map((name) => [name.toLowerCase(), name]),
)

/** The fields RT::Transactions knows, for TransactionSQL (`/REST/2.0/transactions?query=`). */
export const transactionSqlFields: ReadonlyMap<string, string> = new Map(
  [
    'ObjectType',
    'ObjectId',
    'Creator',
    'TimeTaken',
    'Type',
    'Field',
    'OldValue',
    'NewValue',
    'ReferenceType',
    'OldReference',
    'NewReference',
    'Data',
    'Created',
    'Content',
    'ContentType',
    'Filename',
    'CF',
    'CustomField',
    'CustomFieldValue',
    'TicketId',
    'TicketSubject',
    'TicketQueue',
    'TicketStatus',
    'TicketOwner',
    'TicketCreator',
    'TicketLastUpdatedBy',
    'TicketCreated',
    'TicketStarted',
    'TicketResolved',
    'TicketTold',
    'TicketLastUpdated',
    'TicketStarts',
    'TicketDue',
    'TicketPriority',
    'TicketInitialPriority',
    'TicketFinalPriority',
    'TicketType',
    'TicketQueueLifecycle',
    'id',
  ].map((name) => [name.toLowerCase(), name]),
)

/**
 * Parses TicketSQL the way RT::SQL::Parse and RT::Interface::Web::QueryBuilder::Tree do.
 * Returns undefined for an empty query (RT: "No Query", which matches everything). Throws
 * {@link TicketSqlError} with RT's own messages, joined by `; `.
 */
export function parseTicketSql(query: string, fields: ReadonlyMap<string, string> = ticketSqlFields): TicketSqlGroup | undefined {
  if (!query) return undefined
  const errors: string[] = []
  const root: TicketSqlGroup = { kind: 'group', aggregator: 'AND', children: [] }
  const stack: TicketSqlGroup[] = [root]
  let want = KEYWORD | OPEN_PAREN
  let last = 0
  let depth = 0
  let key = ''
  let operator = ''
  const current = (): TicketSqlGroup => stack[stack.length - 1] as TicketSqlGroup
  const finish = (): TicketSqlGroup => {
    if (errors.length > 0) throw new TicketSqlError(errors.join('; '))
    return root
  }
  tokenPattern.lastIndex = 0
  for (let match = tokenPattern.exec(query); match; match = tokenPattern.exec(query)) {
    const token = match[1] as string
    const end = tokenPattern.lastIndex
    let kind = 0
    if (want & OPERATOR && isOperator.test(token)) kind = OPERATOR
    if (want & VALUE && isValue.test(token)) kind = VALUE
    if (want & KEYWORD && isKeyword.test(token)) kind = KEYWORD
    if (want & AGGREGATOR && isAggregator.test(token)) kind = AGGREGATOR
    if (want & OPEN_PAREN && token === '(') kind = OPEN_PAREN
    if (want & CLOSE_PAREN && token === ')') kind = CLOSE_PAREN
    if (!kind) {
      const marked = `${query.slice(0, end - token.length)}>${token}<--here${query.slice(end)}`
      errors.push(`Wrong query, expecting a ${bitmaskToString(want)} in '${marked}'`)
      return finish()
    }
    if (kind === OPEN_PAREN) {
      const group: TicketSqlGroup = { kind: 'group', aggregator: 'AND', children: [] }
      current().children.push(group)
      stack.push(group)
      depth += 1
      want = KEYWORD | OPEN_PAREN
    } else if (kind === CLOSE_PAREN) {
      stack.pop()
      depth -= 1
      want = AGGREGATOR | (depth ? CLOSE_PAREN : 0)
    } else if (kind === AGGREGATOR) {
      current().aggregator = token.toUpperCase() as 'AND' | 'OR'
      want = KEYWORD | OPEN_PAREN
    } else if (kind === KEYWORD) {
      key = token
      want = OPERATOR
    } else if (kind === OPERATOR) {
      operator = token
      want = VALUE
    } else {
      const condition = buildCondition(unquote(key), operator, token, fields, errors)
      current().children.push(condition)
      key = ''
      operator = ''
      want = AGGREGATOR | (depth ? CLOSE_PAREN : 0)
    }
    last = kind
  }
  if (last && !(last & (CLOSE_PAREN | VALUE))) {
    errors.push(`Incomplete query, last element (${bitmaskToString(last)}) is not close paren or value in '${query}'`)
    return finish()
  }
  if (depth) {
    errors.push(`Incomplete query, ${depth} unclosed ${depth === 1 ? 'paren' : 'parens'} in '${query}'`)
    return finish()
  }
  return finish()
}

function buildCondition(
  key: string,
  rawOperator: string,
  rawValue: string,
  fields: ReadonlyMap<string, string>,
  errors: string[],
): TicketSqlCondition {
  const dot = key.indexOf('.')
  const mainKey = dot === -1 ? key : key.slice(0, dot)
  const subkey = dot === -1 ? undefined : key.slice(dot + 1)
  const field = fields.get(mainKey.toLowerCase())
  if (!field) errors.push(`Unknown field: ${key}`)
  const operator = rawOperator.toUpperCase().replace(/\s+/g, ' ')
  if (operator.startsWith('SHALLOW ') && !/Requestor|Owner|AdminCc|Cc|CustomRole/.test(field ?? '')) {
    errors.push(`Unsupported operator: ${rawOperator}`)
  }
  const value = /^IS( NOT)?$/.test(operator) ? 'NULL' : unquote(rawValue)
  return { kind: 'condition', key, field, subkey, operator, value }
}

/** Lists every condition of a parsed query (for callers that inspect the fields used). */
export function ticketSqlConditions(node: TicketSqlNode | undefined): TicketSqlCondition[] {
  if (!node) return []
  if (node.kind === 'condition') return [node]
  return node.children.flatMap((child) => ticketSqlConditions(child))
}

/** Evaluates a parsed query against a record, with `test` deciding each condition. */
export function evaluateTicketSql(node: TicketSqlNode | undefined, test: (condition: TicketSqlCondition) => boolean): boolean {
  if (!node) return true
  if (node.kind === 'condition') return test(node)
  if (node.children.length === 0) return true
  return node.aggregator === 'OR'
    ? node.children.some((child) => evaluateTicketSql(child, test))
    : node.children.every((child) => evaluateTicketSql(child, test))
}

/** Turns an SQL LIKE pattern (`%` any run, `_` one character) into a case-insensitive test. */
function likeMatcher(pattern: string): RegExp {
  let source = ''
  for (const character of pattern) {
    if (character === '%') source += '[\\s\\S]*'
    else if (character === '_') source += '[\\s\\S]'
    else source += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, 'iu')
}

/**
 * Compares one stored text value with a condition's operator and value, as RT's SQL does:
 * case-insensitive equality, LIKE as "contains" (RT wraps the value in `%`), STARTSWITH and
 * ENDSWITH as prefix and suffix.
 */
export function compareSqlText(stored: string, operator: string, value: string): boolean {
  const bare = operator.replace(/^SHALLOW /, '')
  switch (bare) {
    case '=':
      return stored.toLowerCase() === value.toLowerCase()
    case '!=':
      return stored.toLowerCase() !== value.toLowerCase()
    case 'LIKE':
      return likeMatcher(`%${value}%`).test(stored)
    case 'NOT LIKE':
      return !likeMatcher(`%${value}%`).test(stored)
    case 'STARTSWITH':
      return likeMatcher(`${value}%`).test(stored)
    case 'NOT STARTSWITH':
      return !likeMatcher(`${value}%`).test(stored)
    case 'ENDSWITH':
      return likeMatcher(`%${value}`).test(stored)
    case 'NOT ENDSWITH':
      return !likeMatcher(`%${value}`).test(stored)
    case '<':
      return stored.toLowerCase() < value.toLowerCase()
    case '>':
      return stored.toLowerCase() > value.toLowerCase()
    case '<=':
      return stored.toLowerCase() <= value.toLowerCase()
    case '>=':
      return stored.toLowerCase() >= value.toLowerCase()
    default:
      return false
  }
}

/** Compares numbers; a non-numeric value matches nothing (RT: `id = 'abc'` finds no ticket). */
export function compareSqlNumber(stored: number, operator: string, value: string): boolean {
  if (!/^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) return operator === '!=' || operator.startsWith('NOT ')
  const number = Number(value)
  switch (operator) {
    case '=':
      return stored === number
    case '!=':
      return stored !== number
    case '<':
      return stored < number
    case '>':
      return stored > number
    case '<=':
      return stored <= number
    case '>=':
      return stored >= number
    default:
      return compareSqlText(String(stored), operator, value)
  }
}

/** Whether an operator is a negative one, which RT answers with "no member/value matches". */
export function isNegativeSqlOperator(operator: string): boolean {
  return operator === '!=' || operator.startsWith('NOT ')
}

/** The positive counterpart of a negative operator (`!=` → `=`, `NOT LIKE` → `LIKE`). */
export function positiveSqlOperator(operator: string): string {
  if (operator === '!=') return '='
  return operator.replace(/^NOT /, '')
}
