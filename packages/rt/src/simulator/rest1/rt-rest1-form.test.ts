import { describe, expect, it } from 'vitest'
import {
  composeRest1Forms,
  expandRest1List,
  parseRest1Forms,
  rest1CustomFieldName,
  rest1FieldListPattern,
  rest1Values,
  splitRest1Values,
} from './rt-rest1-form'

describe('parseRest1Forms', () => {
  it('reads fields, keeping their order and case', () => {
    const [form] = parseRest1Forms('id: ticket/new\nQueue: General\nCF.{External ID}: EXT-1\n')
    expect(form?.order).toEqual(['id', 'Queue', 'CF.{External ID}'])
    expect(form?.values.get('CF.{External ID}')).toBe('EXT-1')
  })

  it('joins continuation lines, stripping the longest common indentation', () => {
    const [form] = parseRest1Forms('Text: The printer is on fire.\n  Second line.\n  \n    indented more\nPriority: 3')
    expect(form?.values.get('Text')).toBe('The printer is on fire.\nSecond line.\n\n  indented more')
    expect(form?.values.get('Priority')).toBe('3')
  })

  it('drops trailing empty continuation lines (not blank ones), and reads `Key:` with no value as empty', () => {
    expect(parseRest1Forms('Text: one\n\n\nCc: x')[0]?.values.get('Text')).toBe('one')
    // As in RT, a line of spaces is kept (as an empty line) once its indentation is stripped.
    const [form] = parseRest1Forms('Text: one\n \n\nCc:\nAdminCc: ')
    expect(form?.values.get('Text')).toBe('one\n')
    expect(form?.values.get('Cc')).toBe('')
    expect(form?.values.get('AdminCc')).toBe('')
  })

  it('keeps the comment block at the top of a form and splits forms on --', () => {
    const forms = parseRest1Forms('# 1/2 (id/35/total)\n\nid: 35\n\n--\n\n# 1/2 (id/36/total)\n\nid: 36\n')
    expect(forms.map((form) => [form.comment, form.values.get('id')])).toEqual([
      ['# 1/2 (id/35/total)\n', '35'],
      ['# 1/2 (id/36/total)\n', '36'],
    ])
  })

  it('turns a repeated field into a list, split on commas', () => {
    const [form] = parseRest1Forms('Cc: a@example.com\nCc: b@example.com, c@example.com\n')
    expect(form?.values.get('Cc')).toEqual(['a@example.com', 'b@example.com', 'c@example.com'])
  })

  it('marks a comment line inside a form as a syntax error and echoes the form so far', () => {
    const [form] = parseRest1Forms('Subject: x\n# not allowed here\nStatus: open\n')
    expect(form?.error).toBe('Subject: x\n>> # not allowed here\nStatus: open\n')
  })
})

describe('composeRest1Forms', () => {
  it('writes the comment block, a blank line, then the fields', () => {
    const { order, values } = rest1Values([
      ['id', 'ticket/1'],
      ['Subject', 'Printer'],
    ])
    expect(composeRest1Forms([{ comment: '# Ticket 1 created.', order, values }])).toBe('# Ticket 1 created.\n\nid: ticket/1\nSubject: Printer\n')
  })

  it('writes an empty list as `Key:` and an empty value as `Key: `', () => {
    const { order, values } = rest1Values([
      ['AdminCc', []],
      ['CF.{Severity}', ''],
      ['Due', null],
    ])
    expect(composeRest1Forms([{ comment: '', order, values }])).toBe('AdminCc:\nCF.{Severity}: \nDue: \n')
  })

  it('indents multi-line values under their name and sets them off with blank lines', () => {
    const { order, values } = rest1Values([
      ['Description', 'Ticket created by root'],
      ['Content', 'line one\nline two\n\nline four'],
      ['Creator', 'root'],
    ])
    expect(composeRest1Forms([{ comment: '', order, values }])).toBe(
      'Description: Ticket created by root\n\nContent: line one\n         line two\n         \n         line four\n\nCreator: root\n',
    )
  })

  it('indents by four when the name is long', () => {
    const { order, values } = rest1Values([['VeryLongFieldNameHere', 'a\nb']])
    expect(composeRest1Forms([{ comment: '', order, values }])).toBe('VeryLongFieldNameHere: a\n    b\n\n')
  })

  it('joins lists with ", " and wraps them before 70 columns', () => {
    const attachments = ['1: (Unnamed) (text/plain / 98b)', '2: (Unnamed) (multipart/alternative / 0b)', '11: hello.txt (text/plain / 43b)']
    const { order, values } = rest1Values([
      ['id', 'ticket/1/attachments'],
      ['Attachments', attachments],
    ])
    expect(composeRest1Forms([{ comment: '', order, values }])).toBe(
      'id: ticket/1/attachments\n\nAttachments: 1: (Unnamed) (text/plain / 98b),\n             2: (Unnamed) (multipart/alternative / 0b),\n             11: hello.txt (text/plain / 43b)\n\n',
    )
    const short = rest1Values([['Requestors', ['a@example.com', 'b@example.com']]])
    expect(composeRest1Forms([{ comment: '', ...short }])).toBe('Requestors: a@example.com, b@example.com\n')
  })

  it('separates forms with --, and writes a comment-only form without fields', () => {
    const first = rest1Values([['id', 'ticket/1']])
    const second = rest1Values([['id', 'ticket/2']])
    expect(
      composeRest1Forms([
        { comment: '', ...first },
        { comment: '', ...second },
      ]),
    ).toBe('id: ticket/1\n\n--\n\nid: ticket/2\n')
    expect(composeRest1Forms([{ comment: '# Comments added', values: new Map() }])).toBe('# Comments added\n')
  })

  it('round-trips a form through compose and parse', () => {
    const { order, values } = rest1Values([
      ['id', 'ticket/new'],
      ['Subject', 'Printer on fire – Grüße ☃'],
      ['Text', 'First paragraph.\n\nSecond paragraph.'],
    ])
    const [parsed] = parseRest1Forms(composeRest1Forms([{ comment: '', order, values }]))
    expect(Object.fromEntries(parsed?.values ?? [])).toEqual(Object.fromEntries(values))
  })
})

describe('REST 1.0 value helpers', () => {
  it('splits lists on commas, honouring quotes (RT vsplit)', () => {
    expect(splitRest1Values('a@example.com, b@example.com')).toEqual(['a@example.com', 'b@example.com'])
    expect(splitRest1Values(`one, 'two, three', "four"`, true)).toEqual(['one', 'two, three', 'four'])
    expect(splitRest1Values(`'it\\'s'`, true)).toEqual(["it's"])
    expect(splitRest1Values('hello.txt, bytes.bin')).toEqual(['hello.txt', 'bytes.bin'])
    expect(splitRest1Values(undefined)).toEqual([])
  })

  it('expands id lists and ranges, numbers first (RT expand_list)', () => {
    expect(expandRest1List('3,1-2,7')).toEqual(['1', '2', '3', '7'])
    expect(expandRest1List('bob, 2, Alice')).toEqual(['2', 'Alice', 'bob'])
  })

  it('recognises custom field keys in their three spellings', () => {
    expect(rest1CustomFieldName('CF.{External ID}')).toBe('External ID')
    expect(rest1CustomFieldName('cf-Severity')).toBe('Severity')
    expect(rest1CustomFieldName('CustomField-Severity')).toBe('Severity')
    expect(rest1CustomFieldName('Subject')).toBeUndefined()
  })

  it('validates field lists as RT does', () => {
    expect(rest1FieldListPattern.test('Subject,Status,CF.{Severity}')).toBe(true)
    expect(rest1FieldListPattern.test('Subject,,Status')).toBe(false)
  })
})
