import { createHash } from 'node:crypto'
import { type AdapterWarning, type Attachment, decodeHtmlEntities, escapeHtml, type RichText } from '@ticketbridge/core'

/** An image that was embedded in a body (a `data:` URI) and now travels as a file of the ticket. */
export interface InlineImage {
  /** Named by its content (`inline-image-<12 hex of sha256>.png`), so a resumed run finds the same file again. */
  filename: string
  contentType: string
  data: Uint8Array
  /** sha256 of `data`, hex. */
  digest: string
}

/** A body with its inline images taken out and every reference to them rewritten. */
export interface InlineImageRewrite {
  body: RichText
  /** Embedded images to upload as attachments, once each. */
  images: InlineImage[]
  /** One per rewritten reference: the record says what changed and why. */
  warnings: AdapterWarning[]
}

const imageTag = /<img\b[^>]*>/gi
const sourceAttribute = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const altAttribute = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const dataUri = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?((?:;[a-z0-9-]+=[^;,]*)*)(;base64)?,([\s\S]*)$/i
const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
  'image/tiff': 'tiff',
}

/**
 * Takes the inline images out of an HTML body, because they do not survive a move: `data:` URIs
 * are dropped by text-only targets and bloat or are stripped by the rest, and `cid:` or
 * source-system URLs point into a help desk that is about to be switched off. Each image becomes
 * (or already is) a file of the ticket, and its `<img>` becomes a visible reference to that file
 * by name, in the HTML and the text, so a reader of the target knows which file it was.
 *
 * - `data:` images are decoded into {@link InlineImage}s, deduplicated by content.
 * - Images whose address names one of the ticket's own source files (by id or file name) are
 *   rewritten to that file's name; the file itself moves with the ticket's other attachments.
 * - `cid:` images that match no file are replaced by a note and reported as lost.
 * - Other addresses (a public `https:` image) are left as they are.
 *
 * Only the `<img>` tags are rewritten, by position; the rest of the markup stays byte for byte,
 * which a parse-and-serialise round trip would not guarantee.
 */
export function moveInlineImages(body: RichText, field: string, sourceFiles: readonly Attachment[] = []): InlineImageRewrite {
  const images = new Map<string, InlineImage>()
  const warnings: AdapterWarning[] = []
  const references: string[] = []
  if (body.html === undefined || !/<img\b/i.test(body.html)) return { body, images: [], warnings }

  const html = body.html.replace(imageTag, (tag) => {
    const source = attribute(tag, sourceAttribute)
    if (source === undefined) return tag
    const alt = attribute(tag, altAttribute)
    const embedded = decodeDataUri(source)
    if (embedded) {
      const image = images.get(embedded.digest) ?? embedded
      images.set(image.digest, image)
      warnings.push({
        type: 'converted',
        field,
        message: 'An inline image was moved to an attachment of the ticket (inline-image-<content hash>); the body refers to it by file name.',
      })
      return reference(image.filename, alt, references)
    }
    const file = matchSourceFile(source, sourceFiles)
    if (file) {
      warnings.push({
        type: 'converted',
        field,
        message: "An inline image pointing at one of the source's files now refers to that file, attached to the ticket, by name.",
      })
      return reference(file.filename, alt, references)
    }
    if (/^cid:/i.test(source)) {
      warnings.push({
        type: 'unsupported',
        field,
        message: `An inline image (${source.slice(0, 80)}) names a message part the source did not return as a file; it was replaced by a note.`,
      })
      return `<em>[image not available: ${escapeHtml(alt ?? source.slice(4, 60))}]</em>`
    }
    return tag
  })
  if (references.length === 0 && warnings.length === 0) return { body, images: [], warnings }

  // The text part is often derived from the HTML with the images dropped: name each file there too.
  const missing = [...new Set(references)].filter((name) => !body.text.includes(name))
  const text =
    missing.length > 0
      ? [body.text.trimEnd(), ...missing.map((name) => `[image: ${name}, attached to this ticket]`)].filter((line) => line !== '').join('\n\n')
      : body.text
  return { body: { ...body, text, html }, images: [...images.values()], warnings }
}

function reference(filename: string, alt: string | undefined, references: string[]): string {
  references.push(filename)
  const label = alt && alt.trim() !== '' && alt !== filename ? `${alt.trim()}: ${filename}` : filename
  return `<em>[image: ${escapeHtml(label)}, attached to this ticket]</em>`
}

function attribute(tag: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(tag)
  if (!match) return undefined
  return decodeHtmlEntities(match[1] ?? match[2] ?? match[3] ?? '', 'attribute')
}

function decodeDataUri(source: string): InlineImage | undefined {
  const match = dataUri.exec(source.trim())
  if (!match) return undefined
  const contentType = (match[1] ?? 'text/plain').toLowerCase()
  if (!contentType.startsWith('image/')) return undefined
  const payload = match[4] ?? ''
  let data: Uint8Array
  try {
    data = match[3]
      ? new Uint8Array(Buffer.from(payload.replace(/\s+/g, ''), 'base64'))
      : new Uint8Array(Buffer.from(decodeURIComponent(payload), 'utf8'))
  } catch {
    return undefined
  }
  if (data.byteLength === 0) return undefined
  const digest = createHash('sha256').update(data).digest('hex')
  return { filename: `inline-image-${digest.slice(0, 12)}.${extensions[contentType] ?? 'bin'}`, contentType, data, digest }
}

/** The source file an image address points at: its file name (last path segment or `cid:` name), or its id in an attachment address. */
function matchSourceFile(source: string, files: readonly Attachment[]): Attachment | undefined {
  if (files.length === 0 || source.startsWith('data:')) return undefined
  const address = source.toLowerCase()
  const contentId = /^cid:([^@]+)/i.exec(source)?.[1]?.toLowerCase()
  const path = address.split(/[?#]/)[0] ?? address
  const lastSegment = safeDecode(path.slice(path.lastIndexOf('/') + 1))
  return (
    files.find((file) => {
      const name = file.filename.toLowerCase()
      return name !== '' && (name === lastSegment || name === contentId)
    }) ??
    // Ids are short numbers: only an address that is about attachments may match one.
    (address.includes('attach')
      ? files.find((file) => new RegExp(`[/=]${escapeRegExp(file.id.toLowerCase())}(?:$|[/&#?])`).test(address))
      : undefined)
  )
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
