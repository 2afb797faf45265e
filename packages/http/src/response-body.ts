const utf8 = new TextDecoder('utf-8')

/**
 * The raw bytes of a response body whatever shape the axios adapter produced: a Node Buffer
 * (arraybuffer response type), an ArrayBuffer, a string, or an object an injected test adapter
 * returned already parsed (re-serialised as JSON).
 */
export function toBodyBytes(data: unknown): Uint8Array {
  if (data === undefined || data === null) return new Uint8Array(0)
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  if (typeof data === 'string') return new TextEncoder().encode(data)
  return new TextEncoder().encode(JSON.stringify(data))
}

/** A lazily decoded response body: bytes always, text and JSON only if someone asks. */
export interface ResponseBody {
  readonly bytes: Uint8Array
  /** The body decoded as UTF-8 (a leading byte-order mark removed). */
  text(): string
  /**
   * The body parsed as JSON: `{ ok: true, value }` (value `undefined` for an empty body), or
   * `{ ok: false }` when it is not JSON.
   */
  json(): { ok: true; value: unknown } | { ok: false }
}

/** Wraps raw bytes; decoding and parsing happen at most once each. */
export function createResponseBody(bytes: Uint8Array): ResponseBody {
  let text: string | undefined
  let parsed: { ok: true; value: unknown } | { ok: false } | undefined
  const readText = (): string => (text ??= utf8.decode(bytes))
  return {
    bytes,
    text: readText,
    json() {
      if (parsed) return parsed
      const source = readText().trim()
      if (source === '') return (parsed = { ok: true, value: undefined })
      try {
        parsed = { ok: true, value: JSON.parse(source) as unknown }
      } catch {
        parsed = { ok: false }
      }
      return parsed
    },
  }
}
