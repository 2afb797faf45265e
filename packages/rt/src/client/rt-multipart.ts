import { randomBytes } from 'node:crypto'

/** A text part of a multipart body: sent exactly as given (no line-break rewriting). */
export interface MultipartTextPart {
  name: string
  value: string
  /** Content-Type of the part, e.g. `application/json`; none by default (a plain form field). */
  contentType?: string
}

/** A file part of a multipart body. */
export interface MultipartFilePart {
  name: string
  filename: string
  contentType: string
  data: Uint8Array
}

/**
 * Builds a `multipart/form-data` body by hand. `FormData` would do, but the HTML rules it follows
 * turn every line break of a text field into CRLF, and RT reads the REST 1.0 `content` form line
 * by line on LF: `Action: comment\r` is then an invalid action. Here text travels byte for byte.
 * File names are written as UTF-8 with `"`, CR and LF percent-escaped, as browsers do.
 */
export function encodeMultipart(parts: readonly (MultipartTextPart | MultipartFilePart)[]): { body: Uint8Array; contentType: string } {
  const boundary = `----ticketbridge-${randomBytes(12).toString('hex')}`
  const chunks: Uint8Array[] = []
  const encoder = new TextEncoder()
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(part.name)}"`
    if ('filename' in part) head += `; filename="${escapeQuoted(part.filename)}"\r\nContent-Type: ${part.contentType}`
    else if (part.contentType) head += `\r\nContent-Type: ${part.contentType}`
    chunks.push(encoder.encode(`${head}\r\n\r\n`))
    chunks.push('filename' in part ? part.data : encoder.encode(part.value))
    chunks.push(encoder.encode('\r\n'))
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`))
  const body = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0))
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
