import { describe, expect, it } from 'vitest'
import { HaloAnswerChecker, type HaloAnswerSchema } from './check-halo-answer'

const schemas: Record<string, HaloAnswerSchema> = {
  Actions: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      note: { type: 'string', nullable: true },
      timetaken: { type: 'number', nullable: true },
      hiddenfromuser: { type: 'boolean', nullable: true },
      attachment_list: { $ref: '#/components/schemas/Attachment_View' },
      child_ids: { type: 'array', items: { type: 'integer' }, nullable: true },
      kind: { $ref: '#/components/schemas/ActionKind' },
    },
  },
  Attachment_View: {
    type: 'object',
    properties: { record_count: { type: 'integer' }, attachments: { type: 'array', items: { $ref: '#/components/schemas/Attachment_List' } } },
  },
  Attachment_List: { type: 'object', properties: { id: { type: 'integer' }, filename: { type: 'string', nullable: true } } },
  ActionKind: { type: 'integer', enum: [0, 1, 2] },
}
const checker = new HaloAnswerChecker(schemas)

describe('HaloAnswerChecker', () => {
  it('accepts a record whose fields have their declared types, absent fields, nulls where nullable and Halo’s known extras', () => {
    expect(
      checker.check(
        { kind: 'record', schema: 'Actions' },
        { id: 3, note: null, timetaken: 0.25, child_ids: [4, 5], kind: 2, who: 'Sam Agent', attachment_list: { record_count: 0, attachments: [] } },
      ),
    ).toEqual([])
  })

  it('names each field of the wrong type, null where not nullable, and not in the schema, nested ones included', () => {
    const issues = checker.check(
      { kind: 'record', schema: 'Actions' },
      { id: null, note: 4, child_ids: '4,5', hiddenfromuser: 'yes', kind: 7, made_up: 1, attachment_list: [{ id: 1 }] },
    )
    expect(issues).toEqual([
      { at: 'id', message: 'null, but the spec does not mark it nullable' },
      { at: 'note', message: 'expected string, got number 4' },
      { at: 'child_ids', message: 'expected array, got string "4,5"' },
      { at: 'hiddenfromuser', message: 'expected boolean, got string "yes"' },
      { at: 'kind', message: 'number 7 is not one of 0, 1, 2' },
      { at: 'made_up', message: "not in the spec's Actions (number 1)" },
      { at: 'attachment_list', message: 'expected object (Attachment_View), got an array' },
    ])
    expect(checker.check({ kind: 'record', schema: 'Actions' }, { attachment_list: { attachments: [{ id: 1.5, size: 3 }] } })).toEqual([
      { at: 'attachment_list.attachments[0].id', message: 'expected integer, got number 1.5' },
      { at: 'attachment_list.attachments[0].size', message: "not in the spec's Attachment_List (number 3)" },
    ])
  })

  it('checks the list shapes: bare arrays, wrappers with their count, and upserts of one or several records', () => {
    expect(checker.check({ kind: 'records', schema: 'Attachment_List' }, [{ id: 1 }, { id: 2, filename: 'a.txt' }])).toEqual([])
    expect(checker.check({ kind: 'records', schema: 'Attachment_List' }, { attachments: [] })).toEqual([
      { at: '(answer)', message: 'expected an array of Attachment_List, got object {"attachments":[]}' },
    ])
    const wrapped = { kind: 'wrapped', schema: 'Attachment_List', key: 'files', extraFields: { include_children: 'boolean' } } as const
    expect(checker.check(wrapped, { record_count: 1, page_no: 1, page_size: 50, include_children: false, files: [{ id: 1 }] })).toEqual([])
    expect(checker.check(wrapped, { files: [{ id: 'x' }], extra: true })).toEqual([
      { at: 'record_count', message: 'expected an integer, got undefined' },
      { at: 'files[0].id', message: 'expected integer, got string "x"' },
      { at: 'extra', message: "not a field of Halo's list wrapper (boolean true)" },
    ])
    expect(checker.check({ kind: 'upserted', schema: 'Attachment_List' }, { id: 1 })).toEqual([])
    expect(checker.check({ kind: 'upserted', schema: 'Attachment_List' }, [{ id: 1 }, { id: 2 }])).toEqual([])
  })

  it('lets tolerated fields pass, each given with its reason', () => {
    const tolerant = new HaloAnswerChecker(schemas, [{ schema: 'Attachment_List', field: 'action_id', reason: 'a test' }])
    expect(tolerant.check({ kind: 'records', schema: 'Attachment_List' }, [{ id: 1, action_id: 2 }])).toEqual([])
  })
})
