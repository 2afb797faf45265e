import { describe, expect, it } from 'vitest'
import { readRtFixture } from './__fixtures__/read-rt-fixture'
import { encodeRest1Form, joinRest1CustomFieldValues } from './rt-rest1-form-encoder'
import { parseRest1Forms, parseRest1StatusLine, readRest1Field, splitRest1CustomFieldValues, splitRest1List } from './rt-rest1-form-parser'
import { formatRtDatabaseDate, parseRest1DatabaseDate, parseRest1Date, parseRest1Size } from './rt-rest1-values'

function formsOf(name: string) {
  const statusLine = parseRest1StatusLine(readRtFixture(name).text)
  expect(statusLine).toBeDefined()
  return parseRest1Forms(statusLine!.payload)
}

describe('parseRest1StatusLine', () => {
  it('reads Debian version strings, codes and the payload', () => {
    const line = parseRest1StatusLine(readRtFixture('rest1/11-ticket-edit-invalid-status').text)
    expect(line).toMatchObject({ version: '5.0.3+dfsg-3~deb12u6', code: 409, text: 'Syntax Error' })
    expect(line!.payload.startsWith('# Status:')).toBe(true)
  })

  it('reads a bare status line without payload', () => {
    expect(parseRest1StatusLine(readRtFixture('rest1/44-logout').text)).toMatchObject({ code: 200, text: 'Ok', payload: '' })
  })

  it('finds no status line in an empty body or a Perl crash', () => {
    expect(parseRest1StatusLine(readRtFixture('rest1/42-ticket-edit-no-change').text)).toBeUndefined()
    expect(parseRest1StatusLine(readRtFixture('rest1/39-guest-queue-show-crash').text)).toBeUndefined()
  })
})

describe('parseRest1Forms', () => {
  it('reads a ticket: UTF-8 values, empty watcher lists, both empty-value spellings, custom fields with spaces', () => {
    const [form] = formsOf('rest1/07-ticket-show')
    expect(form!.comments).toEqual([])
    expect(form!.fields.id).toBe('ticket/1')
    expect(form!.fields.Subject).toBe('Printer on fire – Grüße ☃')
    expect(form!.fields.Requestors).toBe('alice@example.com')
    expect(form!.fields.AdminCc).toBe('')
    expect(form!.fields['CF.{Severity}']).toBe('high')
    expect(form!.fields['CF.{External ID}']).toBe('EXT-1001')
    expect(form!.fields.Due).toBe('Not set')
    expect(readRest1Field(form!, 'subject')).toBe('Printer on fire – Grüße ☃')
  })

  it('keeps the leading comment block and the quirky login form', () => {
    const [form] = formsOf('rest1/03-login')
    expect(form!.comments).toEqual(["Invalid object specification: ''"])
    expect(form!.fields).toEqual({ id: '' })
  })

  it('splits several records at -- lines', () => {
    const forms = formsOf('rest1/22-search-ticket-long')
    expect(forms.map((form) => form.fields.id)).toEqual(['ticket/1', 'ticket/2'])
    expect(forms[1]!.fields['CF.{Severity}']).toBe('')
    expect(formsOf('rest1/27-show-multiple').map((form) => form.fields.Status)).toEqual(['open', 'new'])
  })

  it('decodes multi-line values: common indentation removed, blank lines inside kept, trailing ones dropped', () => {
    const forms = formsOf('rest1/19-ticket-history-long')
    expect(forms).toHaveLength(10)
    expect(forms.every((form) => /^1\/10 \(id\/\d+\/total\)$/.test(form.comments[0]!))).toBe(true)
    const create = forms[0]!
    expect(create.fields.Type).toBe('Create')
    expect(create.fields.Content).toBe('The printer in room 2 is on fire.\nSecond line of the description.\n\nA paragraph after a blank line.')
    expect(create.fields.Attachments).toBe('1: untitled (98b)')
    const comment = forms.find((form) => form.fields.id === '47')!
    expect(comment.fields.Attachments!.split('\n')).toEqual(['9: untitled (0b)', '10: untitled (59b)', '11: hello.txt (43b)', '12: bytes.bin (256b)'])
    const autoReply = forms[1]!
    expect(autoReply.fields.Content).toContain('Greetings,\n\nThis message has been automatically generated')
    expect(autoReply.fields.Content!.endsWith('A paragraph after a blank line.')).toBe(true)
    expect(autoReply.fields.Creator).toBe('RT_System')
  })

  it('keeps indentation RT wrote below the name width', () => {
    // RT indents by the width of "Content: " (9); the text's own two spaces come on top.
    const [form] = parseRest1Forms('id: 3985\nType: Create\n\nContent: Plain text.\n           Indented line.\n             More.\n\nCreator: root\n')
    expect(form!.fields.Content).toBe('Plain text.\n  Indented line.\n    More.')
    expect(form!.fields.Creator).toBe('root')
  })

  it('reads the attachment listing wrapped over several lines', () => {
    const [form] = formsOf('rest1/14-ticket-attachments')
    const lines = form!.fields.Attachments!.split('\n')
    expect(lines).toHaveLength(15)
    expect(lines[9]).toBe('11: hello.txt (text/plain / 43b),')
    expect(lines[14]).toBe('16: (Unnamed) (text/html / 90b)')
  })

  it('reads the echoed form of a 409 with its per-field comments', () => {
    const [form] = formsOf('rest1/10-ticket-edit-unknown-field')
    expect(form!.comments).toEqual(['foo: Unknown field.', 'Ticket 1 updated.'])
    expect(form!.fields).toEqual({ id: '', Priority: '6', Foo: 'bar' })
  })

  it('reads attachment headers and text content as multi-line values', () => {
    const [form] = formsOf('rest1/15-ticket-attachment-show')
    expect(form!.fields.Filename).toBe('hello.txt')
    expect(form!.fields.Headers!.split('\n')[0]).toBe('Content-Type: text/plain; charset="utf-8"; name="hello.txt"')
    expect(form!.fields.Content).toBe('Hello from the fixture attachment.\nGrüße ☃')
  })
})

describe('encodeRest1Form', () => {
  it('writes what RT parses back: indentation inside the text, blank lines, UTF-8, custom fields', () => {
    const text = 'First line\n  indented line\n\nafter a blank line\n\tand a tab'
    const encoded = encodeRest1Form({
      id: 'ticket/new',
      Queue: 'General',
      Requestor: ['a@example.com', 'b@example.com'],
      'CF.{External ID}': 'EXT-9',
      Text: text,
      Skipped: undefined,
    })
    expect(encoded).toBe(
      'id: ticket/new\nQueue: General\nRequestor: a@example.com, b@example.com\nCF.{External ID}: EXT-9\nText:\n First line\n   indented line\n \n after a blank line\n \tand a tab',
    )
    const [form] = parseRest1Forms(encoded)
    expect(form!.fields.Text).toBe(text)
    expect(splitRest1List(form!.fields.Requestor)).toEqual(['a@example.com', 'b@example.com'])
  })

  it('keeps indentation when every line after the first is indented', () => {
    const text = 'Plain text.\n  Indented line.\n    More indented.'
    expect(parseRest1Forms(encodeRest1Form({ Text: text }))[0]!.fields.Text).toBe(text)
  })

  it('never lets a line of text end the form', () => {
    const [form, ...rest] = parseRest1Forms(encodeRest1Form({ Text: 'before\n--\nafter' }))
    expect(rest).toEqual([])
    expect(form!.fields.Text).toBe('before\n--\nafter')
  })

  it('refuses field names RT could not read back', () => {
    expect(() => encodeRest1Form({ 'Bad\nName': 'x' })).toThrow(/field name/)
  })
})

describe('REST 1.0 values', () => {
  it('reads lists wrapped by RT and multi-value custom fields with quoting', () => {
    expect(splitRest1List('a@example.com, b@example.com,\n    c@example.com')).toEqual(['a@example.com', 'b@example.com', 'c@example.com'])
    expect(splitRest1List('')).toEqual([])
    const joined = joinRest1CustomFieldValues(['plain', 'with, comma', "it's"])
    expect(joined).toBe("plain,'with, comma','it\\'s'")
    expect(splitRest1CustomFieldValues(joined)).toEqual(['plain', 'with, comma', "it's"])
  })

  it('reads ticket dates, history dates and sizes', () => {
    expect(parseRest1Date('Wed Nov 25 07:37:52 2026')).toBe('2026-11-25T07:37:52.000Z')
    expect(parseRest1Date('Wed Nov 25 08:37:52 2026', 60)).toBe('2026-11-25T07:37:52.000Z')
    expect(parseRest1Date('Not set')).toBeUndefined()
    expect(parseRest1DatabaseDate('2026-11-25 07:37:52')).toBe('2026-11-25T07:37:52.000Z')
    expect(parseRest1DatabaseDate('1970-01-01 00:00:00')).toBeUndefined()
    expect(formatRtDatabaseDate('2026-11-25T07:37:52.123Z')).toBe('2026-11-25 07:37:52')
    expect(parseRest1Size('43b')).toBe(43)
    expect(parseRest1Size('1.5k')).toBe(1536)
  })
})
