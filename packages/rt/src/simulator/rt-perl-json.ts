/**
 * JSON as RT's Perl stack writes and reads it.
 *
 * RT answers with JSON::XS: `to_json($data, { pretty => 1 })` indents by three spaces and writes
 * `"key" : value`, `encode_json` is compact. A float that happens to be whole, like the
 * `pages` of an empty collection (`ceil(0 / 20)`), comes out as `0.0`. Reading, JSON::XS names
 * the first problem and its character offset; RT passes that text on in its 400 answers.
 */

/** A number JSON::XS writes in float notation (`0.0`) because Perl holds it as a float. */
export class PerlFloat {
  constructor(readonly value: number) {}
}

/** What the writer accepts: plain JSON values plus {@link PerlFloat}. */
export type PerlJsonValue = string | number | boolean | null | PerlFloat | PerlJsonValue[] | { [key: string]: PerlJsonValue | undefined }

function escapeString(text: string): string {
  let out = '"'
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0
    if (character === '"') out += '\\"'
    else if (character === '\\') out += '\\\\'
    else if (character === '\n') out += '\\n'
    else if (character === '\r') out += '\\r'
    else if (character === '\t') out += '\\t'
    else if (character === '\b') out += '\\b'
    else if (character === '\f') out += '\\f'
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += character
  }
  return `${out}"`
}

function writeScalar(value: string | number | boolean | null | PerlFloat): string {
  if (value === null) return 'null'
  if (value instanceof PerlFloat) return Number.isInteger(value.value) ? `${value.value}.0` : String(value.value)
  if (typeof value === 'string') return escapeString(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return String(value)
}

function writeValue(value: PerlJsonValue, pretty: boolean, depth: number): string {
  if (value === null || typeof value !== 'object' || value instanceof PerlFloat) return writeScalar(value)
  const indent = pretty ? '   '.repeat(depth + 1) : ''
  const closingIndent = pretty ? '   '.repeat(depth) : ''
  const newline = pretty ? '\n' : ''
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((item) => indent + writeValue(item, pretty, depth + 1))
    return `[${newline}${items.join(`,${newline}`)}${newline}${closingIndent}]`
  }
  const entries = Object.entries(value).filter((entry): entry is [string, PerlJsonValue] => entry[1] !== undefined)
  if (entries.length === 0) return '{}'
  const separator = pretty ? ' : ' : ':'
  const items = entries.map(([key, item]) => `${indent}${escapeString(key)}${separator}${writeValue(item, pretty, depth + 1)}`)
  return `{${newline}${items.join(`,${newline}`)}${newline}${closingIndent}}`
}

/** `JSON::to_json($value, { pretty => 1 })`: three-space indents, `"key" : value`, a final newline. */
export function toPrettyPerlJson(value: PerlJsonValue): string {
  return `${writeValue(value, true, 0)}\n`
}

/** `JSON::encode_json($value)`: compact, no final newline. */
export function toCompactPerlJson(value: PerlJsonValue): string {
  return writeValue(value, false, 0)
}

/** A JSON text JSON::XS refuses, with its message (`'"' expected, at character offset 7`). */
export class PerlJsonSyntaxError extends Error {
  override readonly name = 'PerlJsonSyntaxError'
}

/** The text after the failure point as JSON::XS shows it: at most 20 characters, backslashes doubled. */
function contextAfter(characters: string[], offset: number): string {
  const rest = characters.slice(offset)
  const shown = rest.slice(0, 20).join('').replace(/\\/g, '\\\\')
  return rest.length > 20 ? `${shown}...` : shown
}

class PerlJsonReader {
  private position = 0
  constructor(private readonly characters: string[]) {}

  fail(message: string, at = this.position): never {
    const where = at < this.characters.length ? ` (before "${contextAfter(this.characters, at)}")` : ''
    throw new PerlJsonSyntaxError(`${message}, at character offset ${at}${where}`)
  }

  private peek(): string | undefined {
    return this.characters[this.position]
  }

  private skipSpace(): void {
    for (;;) {
      const character = this.peek()
      if (character === ' ' || character === '\t' || character === '\n' || character === '\r') this.position += 1
      else return
    }
  }

  readDocument(): unknown {
    this.skipSpace()
    const first = this.peek()
    const value = this.readValue()
    if (first !== '{' && first !== '[') {
      throw new PerlJsonSyntaxError(
        'JSON text must be an object or array (but found number, string, true, false or null, use allow_nonref to allow this)',
      )
    }
    this.skipSpace()
    if (this.position < this.characters.length) this.fail('garbage after JSON object')
    return value
  }

  private readValue(): unknown {
    this.skipSpace()
    const character = this.peek()
    if (character === '{') return this.readObject()
    if (character === '[') return this.readArray()
    if (character === '"') return this.readString()
    if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) return this.readNumber()
    if (character === 't') return this.readWord('true', true)
    if (character === 'f') return this.readWord('false', false)
    if (character === 'n') return this.readWord('null', null)
    return this.fail('malformed JSON string, neither tag, array, object, number, string or atom')
  }

  private readWord<T>(word: string, value: T): T {
    const start = this.position
    if (this.characters.slice(start, start + word.length).join('') !== word) this.fail(`'${word}' expected`, start)
    this.position += word.length
    return value
  }

  private readObject(): Record<string, unknown> {
    this.position += 1
    const result: Record<string, unknown> = {}
    this.skipSpace()
    if (this.peek() === '}') {
      this.position += 1
      return result
    }
    for (;;) {
      this.skipSpace()
      if (this.peek() !== '"') this.fail(`'"' expected`)
      const key = this.readString()
      this.skipSpace()
      if (this.peek() !== ':') this.fail(`':' expected`)
      this.position += 1
      result[key] = this.readValue()
      this.skipSpace()
      const next = this.peek()
      if (next === ',') {
        this.position += 1
        continue
      }
      if (next === '}') {
        this.position += 1
        return result
      }
      this.fail(', or } expected while parsing object/hash')
    }
  }

  private readArray(): unknown[] {
    this.position += 1
    const result: unknown[] = []
    this.skipSpace()
    if (this.peek() === ']') {
      this.position += 1
      return result
    }
    for (;;) {
      result.push(this.readValue())
      this.skipSpace()
      const next = this.peek()
      if (next === ',') {
        this.position += 1
        continue
      }
      if (next === ']') {
        this.position += 1
        return result
      }
      this.fail(', or ] expected while parsing array')
    }
  }

  private readString(): string {
    this.position += 1
    let out = ''
    for (;;) {
      const character = this.peek()
      if (character === undefined) this.fail('unexpected end of string while parsing JSON string')
      if (character === '"') {
        this.position += 1
        return out
      }
      if (character === '\\') {
        const escapeStart = this.position
        const code = this.characters[this.position + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (code !== undefined && simple[code] !== undefined) {
          out += simple[code]
          this.position += 2
          continue
        }
        if (code === 'u') {
          const hex = this.characters.slice(this.position + 2, this.position + 6).join('')
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('exactly four hexadecimal digits expected', escapeStart)
          out += String.fromCharCode(Number.parseInt(hex, 16))
          this.position += 6
          continue
        }
        if (code === undefined) this.fail('unexpected end of string while parsing JSON string')
        this.fail('illegal backslash escape sequence in string', escapeStart)
      }
      if ((character.codePointAt(0) ?? 0) < 0x20) this.fail('invalid character encountered while parsing JSON string')
      out += character
      this.position += 1
    }
  }

  private readNumber(): number {
    const start = this.position
    if (this.peek() === '-') this.position += 1
    const digitsStart = this.position
    if (this.peek() === '0') {
      this.position += 1
      const next = this.peek()
      if (next !== undefined && next >= '0' && next <= '9') this.fail('malformed number (leading zero must not be followed by another digit)')
    } else {
      while (this.isDigit(this.peek())) this.position += 1
      if (this.position === digitsStart) this.fail('malformed number (no digits after initial minus)')
    }
    if (this.peek() === '.') {
      this.position += 1
      if (!this.isDigit(this.peek())) this.fail('malformed number (no digits after decimal point)')
      while (this.isDigit(this.peek())) this.position += 1
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.position += 1
      if (this.peek() === '+' || this.peek() === '-') this.position += 1
      if (!this.isDigit(this.peek())) this.fail('malformed number (no digits after exp sign)')
      while (this.isDigit(this.peek())) this.position += 1
    }
    return Number(this.characters.slice(start, this.position).join(''))
  }

  private isDigit(character: string | undefined): boolean {
    return character !== undefined && character >= '0' && character <= '9'
  }
}

/**
 * Parses a JSON text as JSON::XS's `decode_json` does: the top level must be an object or an
 * array, and a failure throws {@link PerlJsonSyntaxError} with JSON::XS's wording and offset.
 */
export function parsePerlJson(text: string): unknown {
  return new PerlJsonReader(Array.from(text)).readDocument()
}
