import { describe, expect, it } from 'vitest'
import {
  type TicketSqlCondition,
  type TicketSqlGroup,
  TicketSqlError,
  compareSqlNumber,
  compareSqlText,
  evaluateTicketSql,
  parseTicketSql,
  transactionSqlFields,
} from './rt-ticket-sql'

function errorOf(query: string): string {
  try {
    parseTicketSql(query)
  } catch (error) {
    if (error instanceof TicketSqlError) return error.message
    throw error
  }
  throw new Error(`${query} parsed without error`)
}

/** Evaluates a query over a record given as field → value (case-insensitive text equality). */
function matches(query: string, record: Record<string, string>): boolean {
  return evaluateTicketSql(parseTicketSql(query), (condition: TicketSqlCondition) =>
    compareSqlText(record[condition.key] ?? '', condition.operator, condition.value),
  )
}

describe('parseTicketSql', () => {
  it('parses a condition with quotes removed and the field canonicalised', () => {
    const tree = parseTicketSql("queue = 'General'") as TicketSqlGroup
    expect(tree.children).toEqual([{ kind: 'condition', key: 'queue', field: 'Queue', subkey: undefined, operator: '=', value: 'General' }])
  })

  it('returns undefined for an empty query (RT: "No Query", everything matches)', () => {
    expect(parseTicketSql('')).toBeUndefined()
    expect(evaluateTicketSql(undefined, () => false)).toBe(true)
  })

  it('reads multi-word operators whatever their case', () => {
    const tree = parseTicketSql("Subject not like 'x' AND Due is not NULL") as TicketSqlGroup
    expect(tree.children.map((child) => (child as TicketSqlCondition).operator)).toEqual(['NOT LIKE', 'IS NOT'])
    expect((tree.children[1] as TicketSqlCondition).value).toBe('NULL')
  })

  it('splits custom field and watcher keys into field and subkey, quoted or not', () => {
    const tree = parseTicketSql("CF.{External ID} = 'EXT-1' AND 'CF.{Severity}' = 'high' AND Requestor.EmailAddress LIKE 'alice'") as TicketSqlGroup
    const conditions = tree.children as TicketSqlCondition[]
    expect(conditions.map((condition) => [condition.field, condition.subkey, condition.value])).toEqual([
      ['CF', '{External ID}', 'EXT-1'],
      ['CF', '{Severity}', 'high'],
      ['Requestor', 'EmailAddress', 'alice'],
    ])
  })

  it('unescapes backslashes in quoted values', () => {
    const tree = parseTicketSql(String.raw`Subject = 'it\'s "here"'`) as TicketSqlGroup
    expect((tree.children[0] as TicketSqlCondition).value).toBe(`it's "here"`)
  })

  it('joins one level by its last aggregator, as RT does (checked on RT 5.0.3)', () => {
    // RT: `id = 3 AND id = 4 OR id = 5` finds 3, 4 and 5; `id = 5 OR id = 3 AND id = 4` finds none.
    expect((parseTicketSql('id = 3 AND id = 4 OR id = 5') as TicketSqlGroup).aggregator).toBe('OR')
    expect((parseTicketSql('id = 5 OR id = 3 AND id = 4') as TicketSqlGroup).aggregator).toBe('AND')
    expect(matches("Subject = '1' AND Status = '2' OR Type = '3'", { Subject: 'x', Status: 'x', Type: '3' })).toBe(true)
    expect(matches("Type = '3' OR Subject = '1' AND Status = '2'", { Subject: 'x', Status: 'x', Type: '3' })).toBe(false)
  })

  it('groups with parentheses', () => {
    expect(matches("(Subject = '1' AND Status = '2') OR Type = '3'", { Subject: '1', Status: '2', Type: 'x' })).toBe(true)
    expect(matches("(Subject = '1' AND Status = '2') OR Type = '3'", { Subject: '1', Status: 'x', Type: 'x' })).toBe(false)
    expect(matches("Subject = '1' AND (Status = '2' OR Type = '3')", { Subject: '1', Status: 'x', Type: '3' })).toBe(true)
  })

  it('reports what RT 5.0.3 reports for broken queries (texts checked on a real RT)', () => {
    expect(errorOf("Foo = 'x' AND (")).toBe(
      "Unknown field: Foo; Incomplete query, last element (OPEN_PAREN) is not close paren or value in 'Foo = 'x' AND ('",
    )
    expect(errorOf('id > 2 AND')).toBe("Incomplete query, last element (AGGREGATOR) is not close paren or value in 'id > 2 AND'")
    expect(errorOf(')')).toBe("Wrong query, expecting a OPEN_PAREN or KEYWORD in '>)<--here'")
    expect(errorOf('id = 1)')).toBe("Wrong query, expecting a AGGREGATOR in 'id = 1>)<--here'")
    expect(errorOf('((id = 1)')).toBe("Incomplete query, 1 unclosed paren in '((id = 1)'")
    expect(errorOf("Subject = 'x' Status = 'open'")).toBe("Wrong query, expecting a AGGREGATOR in 'Subject = 'x' >Status<--here = 'open''")
    expect(errorOf('id')).toBe("Incomplete query, last element (KEYWORD) is not close paren or value in 'id'")
    expect(errorOf('id =')).toBe("Incomplete query, last element (OPERATOR) is not close paren or value in 'id ='")
    // RT's operators are single-spaced words: more spaces make NOT a keyword where an operator is due.
    expect(errorOf("Subject not  like 'x'")).toBe("Wrong query, expecting a OPERATOR in 'Subject >not<--here  like 'x''")
  })

  it('collects every unknown field, and refuses SHALLOW outside watcher fields', () => {
    expect(errorOf('Foo = 1 AND Bar = 2')).toBe('Unknown field: Foo; Unknown field: Bar')
    expect(errorOf("Subject SHALLOW = 'x'")).toBe('Unsupported operator: SHALLOW =')
    expect(() => parseTicketSql("Requestor SHALLOW = 'a@example.com'")).not.toThrow()
  })

  it('parses TransactionSQL with its own field list', () => {
    const tree = parseTicketSql("ObjectType = 'RT::Ticket' AND ObjectId = 3 AND Type = 'Comment'", transactionSqlFields) as TicketSqlGroup
    expect((tree.children as TicketSqlCondition[]).map((condition) => condition.field)).toEqual(['ObjectType', 'ObjectId', 'Type'])
    expect(() => parseTicketSql("Queue = 'General'", transactionSqlFields)).toThrow('Unknown field: Queue')
  })
})

describe('TicketSQL comparisons', () => {
  it('compares text without regard to case, LIKE as "contains"', () => {
    expect(compareSqlText('Open', '=', 'OPEN')).toBe(true)
    expect(compareSqlText('REST2 ticket (updated)', 'LIKE', 'ticket (up')).toBe(true)
    expect(compareSqlText('REST2 ticket', 'NOT LIKE', 'rest2')).toBe(false)
    expect(compareSqlText('REST2 ticket', 'STARTSWITH', 'rest')).toBe(true)
    expect(compareSqlText('REST2 ticket', 'ENDSWITH', 'rest')).toBe(false)
    expect(compareSqlText('50% off', 'LIKE', '50%')).toBe(true)
  })

  it("compares numbers, and a non-number matches nothing (RT: id = 'abc' finds no ticket)", () => {
    expect(compareSqlNumber(4, '>', '3')).toBe(true)
    expect(compareSqlNumber(4, '<=', '3')).toBe(false)
    expect(compareSqlNumber(4, '=', 'abc')).toBe(false)
  })
})
