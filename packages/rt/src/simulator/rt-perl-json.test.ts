import { describe, expect, it } from 'vitest'
import { PerlFloat, PerlJsonSyntaxError, parsePerlJson, toCompactPerlJson, toPrettyPerlJson } from './rt-perl-json'

function errorOf(text: string): string {
  try {
    parsePerlJson(text)
  } catch (error) {
    if (error instanceof PerlJsonSyntaxError) return error.message
    throw error
  }
  throw new Error(`${text} parsed`)
}

describe('JSON as RT writes it', () => {
  it('pretty-prints with three-space indents and " : "', () => {
    expect(toPrettyPerlJson({ Version: '5.0.3', Plugins: [], items: [{ id: '1' }] })).toBe(
      '{\n   "Version" : "5.0.3",\n   "Plugins" : [],\n   "items" : [\n      {\n         "id" : "1"\n      }\n   ]\n}\n',
    )
  })

  it('writes compact JSON without a final newline, non-ASCII as is', () => {
    expect(toCompactPerlJson(["Ticket 3: Subject changed to 'naïve ☃'", { message: 'a"b\\c\n' }])).toBe(
      '["Ticket 3: Subject changed to \'naïve ☃\'",{"message":"a\\"b\\\\c\\n"}]',
    )
  })

  it('writes a whole float as 0.0, as JSON::XS does for ceil(0)', () => {
    expect(toCompactPerlJson({ pages: new PerlFloat(0), total: 0 })).toBe('{"pages":0.0,"total":0}')
  })

  it('skips undefined members', () => {
    expect(toCompactPerlJson({ a: undefined, b: null })).toBe('{"b":null}')
  })
})

describe('JSON as RT reads it', () => {
  it('parses objects, arrays, escapes and numbers', () => {
    expect(parsePerlJson('{"a":[1,-2.5e1,"\\u00e9\\n",true,false,null]}')).toEqual({ a: [1, -25, 'é\n', true, false, null] })
  })

  it("gives JSON::XS's messages and offsets (checked against RT 5.0.3)", () => {
    expect(errorOf('{"Status":')).toBe('malformed JSON string, neither tag, array, object, number, string or atom, at character offset 10')
    expect(errorOf('{"a" 1}')).toBe(`':' expected, at character offset 5 (before "1}")`)
    expect(errorOf('{"a":1,')).toBe(`'"' expected, at character offset 7`)
    expect(errorOf('x')).toBe('malformed JSON string, neither tag, array, object, number, string or atom, at character offset 0 (before "x")')
    expect(errorOf('{"a":"b')).toBe('unexpected end of string while parsing JSON string, at character offset 7')
    expect(errorOf('{"a":1}x')).toBe('garbage after JSON object, at character offset 7 (before "x")')
    expect(errorOf('{"a":tru}')).toBe(`'true' expected, at character offset 5 (before "tru}")`)
    expect(errorOf('{"a":1 "b":2}')).toBe(', or } expected while parsing object/hash, at character offset 7 (before ""b":2}")')
    expect(errorOf('{"a":01}')).toBe('malformed number (leading zero must not be followed by another digit), at character offset 6 (before "1}")')
    expect(errorOf('{"a":"\\q"}')).toBe('illegal backslash escape sequence in string, at character offset 6 (before "\\\\q"}")')
    expect(errorOf('"str"')).toBe(
      'JSON text must be an object or array (but found number, string, true, false or null, use allow_nonref to allow this)',
    )
  })

  it('counts offsets in characters, not bytes', () => {
    expect(errorOf('{"☃":1,')).toBe(`'"' expected, at character offset 7`)
  })
})
