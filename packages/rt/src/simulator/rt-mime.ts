/**
 * MIME pieces the simulator needs: encoded-word subjects as RT writes them in recorded mail,
 * `multipart/form-data` request bodies (REST 1.0 attachments, REST2 multipart comments), and the
 * message trees RT stores as attachment rows.
 */

/** A part of a `multipart/form-data` body. */
export interface FormDataPart {
  /** Header names lower-cased. */
  headers: Map<string, string>
  name: string
  filename: string | undefined
  contentType: string | undefined
  body: Buffer
}

function headerParameter(value: string, parameter: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${parameter}\\*?=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(value)
  if (!match) return undefined
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]
}

/** The `boundary` parameter of a multipart Content-Type, if any. */
export function multipartBoundary(contentType: string | null): string | undefined {
  if (!contentType || !/^multipart\//i.test(contentType)) return undefined
  return headerParameter(contentType, 'boundary')
}

/** Splits a `multipart/form-data` body into its parts, byte-exact. */
export function parseFormData(body: Buffer, boundary: string): FormDataPart[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: FormDataPart[] = []
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    let partStart = start + delimiter.length
    if (body.subarray(partStart, partStart + 2).toString('latin1') === '--') break
    if (body[partStart] === 0x0d && body[partStart + 1] === 0x0a) partStart += 2
    else if (body[partStart] === 0x0a) partStart += 1
    const next = body.indexOf(delimiter, partStart)
    if (next === -1) break
    let partEnd = next
    if (body[partEnd - 1] === 0x0a) partEnd -= 1
    if (body[partEnd - 1] === 0x0d) partEnd -= 1
    const part = body.subarray(partStart, partEnd)
    let headerEnd = part.indexOf('\r\n\r\n')
    let separatorLength = 4
    if (headerEnd === -1) {
      headerEnd = part.indexOf('\n\n')
      separatorLength = 2
    }
    if (headerEnd !== -1) {
      const headers = new Map<string, string>()
      for (const line of part.subarray(0, headerEnd).toString('utf8').split(/\r?\n/)) {
        const colon = line.indexOf(':')
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
      }
      const disposition = headers.get('content-disposition') ?? ''
      parts.push({
        headers,
        name: headerParameter(disposition, 'name') ?? '',
        filename: headerParameter(disposition, 'filename'),
        contentType: headers.get('content-type'),
        body: Buffer.from(part.subarray(headerEnd + separatorLength)),
      })
    }
    start = next
  }
  return parts
}

/**
 * An RFC 2047 encoded Subject as RT's mailer writes it: plain when ASCII, otherwise UTF-8 base64
 * words of at most 45 bytes each (75 characters per word), never splitting a character.
 */
export function encodeMimeHeaderValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value
  const words: string[] = []
  let chunk: Buffer[] = []
  let size = 0
  for (const character of value) {
    const bytes = Buffer.from(character, 'utf8')
    if (size + bytes.length > 45) {
      words.push(`=?UTF-8?B?${Buffer.concat(chunk).toString('base64')}?=`)
      chunk = []
      size = 0
    }
    chunk.push(bytes)
    size += bytes.length
  }
  if (chunk.length > 0) words.push(`=?UTF-8?B?${Buffer.concat(chunk).toString('base64')}?=`)
  return words.join(' ')
}

/** A node of a message RT is about to store: a container with parts, or a body. */
export interface MimeNode {
  contentType: string
  /** Header lines (without Content-Length; RT appends it when storing). */
  headers: [string, string][]
  subject?: string
  messageId?: string
  filename?: string
  body?: Buffer
  parts?: MimeNode[]
}

/** Whether a content type is text RT decodes as characters (REST 1.0 sizes count characters). */
export function isTextualContentType(contentType: string): boolean {
  return /^(?:text\/|message\/)/i.test(contentType)
}

/** RT's storage encoding for a body: none (ASCII text), quoted-printable (other text), base64. */
export function storageEncoding(contentType: string, body: Buffer): string {
  if (!isTextualContentType(contentType)) return 'base64'
  return body.every((byte) => byte < 0x80) ? 'none' : 'quoted-printable'
}

/** The MIME `make_singlepart`: a multipart with one part becomes that part, keeping the outer headers. */
export function collapseSinglePart(node: MimeNode): MimeNode {
  if (node.parts?.length !== 1) return node
  const part = node.parts[0] as MimeNode
  if (part.parts) return node
  const partHeaderNames = new Set(part.headers.map(([name]) => name.toLowerCase()))
  const outer = node.headers.filter(([name]) => !/^content-/i.test(name) && !partHeaderNames.has(name.toLowerCase()))
  return {
    ...part,
    headers: [...outer, ...part.headers],
    ...(node.subject !== undefined ? { subject: node.subject } : {}),
    ...(node.messageId !== undefined ? { messageId: node.messageId } : {}),
  }
}
