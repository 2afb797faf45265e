import { describe, expect, it } from 'vitest'
import { collectAutotaskFilter, parseAutotaskFilterExpression } from './autotask-filter-expression'

describe('the --filter expressions of ticketbridge autotask query', () => {
  it('reads values as Autotask compares them', () => {
    expect(parseAutotaskFilterExpression('isActive eq true')).toEqual({ op: 'eq', field: 'isActive', value: true })
    expect(parseAutotaskFilterExpression('status noteq 5')).toEqual({ op: 'noteq', field: 'status', value: 5 })
    expect(parseAutotaskFilterExpression(`externalID eq '5'`)).toEqual({ op: 'eq', field: 'externalID', value: '5' })
    expect(parseAutotaskFilterExpression('companyName beginsWith Acme Dental')).toEqual({
      op: 'beginsWith',
      field: 'companyName',
      value: 'Acme Dental',
    })
    expect(parseAutotaskFilterExpression('title contains 42')).toEqual({ op: 'contains', field: 'title', value: '42' })
    expect(parseAutotaskFilterExpression('queueID in 8, 9')).toEqual({ op: 'in', field: 'queueID', value: [8, 9] })
    expect(parseAutotaskFilterExpression('lastActivityDate exist')).toEqual({ op: 'exist', field: 'lastActivityDate' })
    expect(parseAutotaskFilterExpression('udf:Source notExist')).toEqual({ op: 'notExist', field: 'Source', udf: true })
  })

  it('ANDs several filters in the order given', () => {
    const filters = collectAutotaskFilter('status eq 1', collectAutotaskFilter('isActive eq true', undefined))
    expect(filters.map((filter) => ('field' in filter ? filter.field : ''))).toEqual(['isActive', 'status'])
  })

  it('refuses what Autotask would silently ignore, naming the accepted form', () => {
    expect(() => parseAutotaskFilterExpression('status ne 5')).toThrow(/"ne" is not an Autotask operator \(did you mean noteq\?\)/)
    expect(() => parseAutotaskFilterExpression('status EQ 5')).toThrow(/did you mean eq\?/)
    expect(() => parseAutotaskFilterExpression('status')).toThrow(/"<field> <operator> \[value\]"/)
    expect(() => parseAutotaskFilterExpression('status eq')).toThrow(/eq needs a value/)
    expect(() => parseAutotaskFilterExpression('dueDateTime exist now')).toThrow(/exist takes no value/)
    expect(() => parseAutotaskFilterExpression('id in true,false')).toThrow(/comma-separated list/)
  })
})
