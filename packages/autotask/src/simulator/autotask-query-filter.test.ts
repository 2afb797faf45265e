import { describe, expect, it } from 'vitest'
import { compileAutotaskFilter, type AutotaskQueryFields } from './autotask-query-filter'
import type { AutotaskRecord } from './autotask-simulator-state'

const types: Record<string, string> = {
  id: 'long',
  title: 'string',
  status: 'integer',
  queueID: 'integer',
  estimatedHours: 'double',
  createDate: 'datetime',
  isVisibleToComanaged: 'boolean',
  assignedResourceID: 'integer',
  creatorType: 'integer',
}

const fields: AutotaskQueryFields = {
  entityLabel: 'Ticket',
  field(name) {
    const canonical = Object.keys(types).find((key) => key.toLowerCase() === name.toLowerCase())
    return canonical ? { name: canonical, dataType: types[canonical]!, isQueryable: canonical !== 'creatorType' } : undefined
  },
  userDefinedField(name) {
    const known = [
      { name: 'External Reference', type: 'string' },
      { name: 'Billable Hours Estimate', type: 'double' },
    ]
    return known.find((field) => field.name.toLowerCase() === name.toLowerCase())
  },
}

const tickets: AutotaskRecord[] = [
  {
    id: 1,
    title: 'VPN drops',
    status: 1,
    queueID: 5,
    estimatedHours: 1.5,
    createDate: '2025-01-10T09:00:00Z',
    isVisibleToComanaged: true,
    assignedResourceID: null,
    userDefinedFields: [
      { name: 'External Reference', value: 'INC-42' },
      { name: 'Billable Hours Estimate', value: '2.5' },
    ],
  },
  {
    id: 2,
    title: 'Printer offline',
    status: 5,
    queueID: 8,
    estimatedHours: 0,
    createDate: '2025-02-01T00:00:00.5Z',
    isVisibleToComanaged: false,
    assignedResourceID: 29682833,
    userDefinedFields: [
      { name: 'External Reference', value: null },
      { name: 'Billable Hours Estimate', value: '10' },
    ],
  },
  {
    id: 3,
    title: 'vpn: new laptop',
    status: 8,
    queueID: 5,
    estimatedHours: null,
    createDate: '2025-03-15T12:30:00Z',
    isVisibleToComanaged: false,
    assignedResourceID: 29682834,
    userDefinedFields: [],
  },
]

function ids(conditions: unknown[]): number[] {
  const compiled = compileAutotaskFilter(conditions, fields)
  expect(compiled.errors).toEqual([])
  return tickets.filter(compiled.matches).map((ticket) => ticket.id)
}

describe('compileAutotaskFilter', () => {
  it('compares with eq, noteq, gt, gte, lt, lte (integers also as strings)', () => {
    expect(ids([{ op: 'eq', field: 'status', value: 5 }])).toEqual([2])
    expect(ids([{ op: 'eq', field: 'status', value: '5' }])).toEqual([2])
    expect(ids([{ op: 'noteq', field: 'status', value: 5 }])).toEqual([1, 3])
    expect(ids([{ op: 'gt', field: 'id', value: 1 }])).toEqual([2, 3])
    expect(ids([{ op: 'gte', field: 'id', value: 2 }])).toEqual([2, 3])
    expect(ids([{ op: 'lt', field: 'estimatedHours', value: 1 }])).toEqual([2])
    expect(ids([{ op: 'lte', field: 'estimatedHours', value: 1.5 }])).toEqual([1, 2])
  })

  it('compares dates as instants, with or without fractions and offsets', () => {
    expect(ids([{ op: 'gt', field: 'createDate', value: '2025-02-01T00:00:00Z' }])).toEqual([2, 3])
    expect(ids([{ op: 'lt', field: 'createDate', value: '2025-02-01T01:00:00+01:00' }])).toEqual([1])
  })

  it('matches strings without regard to case: eq, beginsWith, endsWith, contains', () => {
    expect(ids([{ op: 'eq', field: 'title', value: 'vpn DROPS' }])).toEqual([1])
    expect(ids([{ op: 'beginsWith', field: 'title', value: 'VPN' }])).toEqual([1, 3])
    expect(ids([{ op: 'endsWith', field: 'title', value: 'OFFLINE' }])).toEqual([2])
    expect(ids([{ op: 'contains', field: 'title', value: 'new' }])).toEqual([3])
  })

  it('tests presence with exist and notExist', () => {
    expect(ids([{ op: 'exist', field: 'assignedResourceID' }])).toEqual([2, 3])
    expect(ids([{ op: 'notExist', field: 'assignedResourceID' }])).toEqual([1])
  })

  it('tests membership with in and notIn', () => {
    expect(ids([{ op: 'in', field: 'status', value: [1, 8] }])).toEqual([1, 3])
    expect(ids([{ op: 'notIn', field: 'status', value: [1, 8] }])).toEqual([2])
  })

  it('never matches a null field except with notExist (SQL semantics)', () => {
    expect(ids([{ op: 'noteq', field: 'assignedResourceID', value: 29682833 }])).toEqual([3])
    expect(ids([{ op: 'notIn', field: 'assignedResourceID', value: [29682833] }])).toEqual([3])
    expect(ids([{ op: 'lt', field: 'estimatedHours', value: 100 }])).toEqual([1, 2])
  })

  it('ANDs top-level conditions and nests and/or groups', () => {
    expect(
      ids([
        { op: 'eq', field: 'queueID', value: 5 },
        { op: 'noteq', field: 'status', value: 1 },
      ]),
    ).toEqual([3])
    expect(
      ids([
        {
          op: 'or',
          items: [
            { op: 'eq', field: 'status', value: 5 },
            {
              op: 'and',
              items: [
                { op: 'contains', field: 'title', value: 'vpn' },
                { op: 'gt', field: 'createDate', value: '2025-03-01T00:00:00Z' },
              ],
            },
          ],
        },
      ]),
    ).toEqual([2, 3])
  })

  it('filters on user-defined fields by name with udf: true', () => {
    expect(ids([{ op: 'eq', field: 'external reference', value: 'inc-42', udf: true }])).toEqual([1])
    expect(ids([{ op: 'gt', field: 'Billable Hours Estimate', value: 3, udf: true }])).toEqual([2])
    expect(ids([{ op: 'notExist', field: 'External Reference', udf: true }])).toEqual([2, 3])
  })

  it('takes names in any casing and booleans only as true or false', () => {
    expect(ids([{ Op: 'EQ', Field: 'IsVisibleToComanaged', Value: true }])).toEqual([1])
    const compiled = compileAutotaskFilter([{ op: 'eq', field: 'isVisibleToComanaged', value: 'yes' }], fields)
    expect(compiled.errors).toEqual(['The value for the boolean field isVisibleToComanaged must be true or false.'])
  })

  it('fails on an unknown field, a UDF without udf: true, or a field that cannot be queried', () => {
    expect(compileAutotaskFilter([{ op: 'eq', field: 'titel', value: 'x' }], fields).errors).toEqual(['Unable to find titel in the Ticket Entity'])
    expect(compileAutotaskFilter([{ op: 'eq', field: 'External Reference', value: 'x' }], fields).errors).toEqual([
      'Unable to find External Reference in the Ticket Entity',
    ])
    expect(compileAutotaskFilter([{ op: 'eq', field: 'Nope', value: 'x', udf: true }], fields).errors).toEqual([
      'Unable to find Nope in the Ticket Entity',
    ])
    expect(compileAutotaskFilter([{ op: 'eq', field: 'creatorType', value: 1 }], fields).errors[0]).toContain('not queryable')
    expect(compileAutotaskFilter([{ op: 'in', field: 'status', value: 5 }], fields).errors[0]).toContain('array')
  })

  it('drops a misspelled operator, as Autotask does, and reports it', () => {
    const compiled = compileAutotaskFilter([{ op: 'ne', field: 'status', value: 5 }], fields)
    expect(compiled.errors).toEqual([])
    expect(compiled.unknownOperators).toEqual(['ne'])
    expect(tickets.filter(compiled.matches).map((ticket) => ticket.id)).toEqual([1, 2, 3])
  })

  it('refuses more than 500 OR conditions (group members and in values)', () => {
    const values = Array.from({ length: 501 }, (_, index) => index)
    expect(compileAutotaskFilter([{ op: 'in', field: 'id', value: values.slice(0, 500) }], fields).errors).toEqual([])
    expect(compileAutotaskFilter([{ op: 'in', field: 'id', value: values }], fields).errors).toEqual([
      "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions.",
    ])
    const group = { op: 'or', items: values.map((value) => ({ op: 'eq', field: 'id', value })) }
    expect(compileAutotaskFilter([group], fields).errors).toHaveLength(1)
  })
})
