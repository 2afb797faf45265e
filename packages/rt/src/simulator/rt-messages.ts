/**
 * The messages RT stores with a transaction, built the way each interface builds them (REST 1.0's
 * MIME::Entity, REST2's MakeMIMEEntity) and saved as attachment rows like RT::Attachment::Create:
 * a multipart container row, then one row per part, a lone part collapsed into the container.
 */
import type { RtDatabase } from './rt-database'
import type { RtAttachment } from './rt-records'
import { type MimeNode, collapseSinglePart, storageEncoding } from './rt-mime'

/** A file to attach: its name, MIME type and exact bytes. */
export interface MessageFile {
  filename: string
  contentType: string
  content: Buffer
  /** REST 1.0 keeps the upload's Content-Disposition (`form-data; ... name="attachment_1"`). */
  disposition?: string
}

const mailer = 'MIME-tools 5.510 (Entity 5.510)'

/** RT only recodes (and tags with a charset) text/plain and text/html parts. */
function isRecodedText(contentType: string): boolean {
  return /^text\/(?:plain|html)$/i.test(contentType)
}

function bodyPart(text: string, contentType: string): MimeNode {
  return {
    contentType,
    headers: [
      ['Content-Type', `${contentType}; charset="utf-8"`],
      ['Content-Disposition', 'inline'],
      ['Content-Transfer-Encoding', 'binary'],
      ['X-RT-Original-Encoding', 'utf-8'],
    ],
    body: Buffer.from(text, 'utf8'),
  }
}

function filePart(file: MessageFile): MimeNode {
  const textual = isRecodedText(file.contentType)
  const quotedName = file.filename.replace(/(["\\])/g, '\\$1')
  const headers: [string, string][] = [
    ['Content-Type', `${file.contentType}${textual ? '; charset="utf-8"' : ''}; name="${quotedName}"`],
    ['Content-Transfer-Encoding', textual ? 'binary' : 'base64'],
    ['Content-Disposition', file.disposition ?? `inline; filename="${quotedName}"`],
  ]
  if (textual) headers.push(['X-RT-Original-Encoding', 'utf-8'])
  return { contentType: file.contentType, headers, filename: file.filename, body: file.content }
}

function container(type: string, outer: [string, string][], parts: MimeNode[], boundary: string): MimeNode {
  return { contentType: type, headers: [...outer, ['Content-Type', `${type}; boundary="${boundary}"`]], parts }
}

/** A boundary in MIME-tools' style (`----------=_<time>-<pid>-<n>`). */
export function mimeBoundary(database: RtDatabase): string {
  database.messageCounter += 1
  return `----------=_${database.now()}-${process.pid}-${database.messageCounter}`
}

/** A Message-ID as RT generates it (`rt-<version>-<pid>-<time>-<n>.<ticket>-<scrip>-0@<organization>`). */
export function generateMessageId(database: RtDatabase, ticketId = 0, scripId = 0): string {
  database.messageCounter += 1
  const random = (database.messageCounter * 7919) % 2000
  return `rt-${database.identity.version}-${process.pid}-${database.now()}-${random}.${ticketId}-${scripId}-0@${database.identity.organization}`
}

/**
 * REST 1.0's message (ticket/new and ticket/N/comment): a multipart/mixed MIME::Entity with the
 * `Text:` part and the `attachment_N` files; create adds From and Subject, and with only a text
 * it becomes a single part.
 */
export function buildRest1Message(options: {
  text: string | undefined
  contentType?: string
  files: MessageFile[]
  subject?: string
  from?: string
}): MimeNode | undefined {
  if (!options.text && options.files.length === 0) return undefined
  const parts: MimeNode[] = []
  if (options.text) parts.push(bodyPart(options.text, options.contentType ?? 'text/plain'))
  for (const file of options.files) parts.push(filePart(file))
  const outer: [string, string][] = [
    ['MIME-Version', '1.0'],
    ['X-Mailer', mailer],
  ]
  if (options.from !== undefined) outer.push(['From', options.from])
  if (options.subject !== undefined) outer.push(['Subject', options.subject])
  outer.push(['X-RT-Interface', 'REST'])
  const node = container('multipart/mixed', outer, parts, '')
  if (options.subject !== undefined) node.subject = options.subject
  return node
}

/**
 * REST2's message (MakeMIMEEntity plus attached files): a single text part with a Message-ID,
 * or a multipart/mixed whose first part is the text when files come along.
 */
export function buildRest2Message(
  database: RtDatabase,
  options: { text: string | undefined; contentType: string; subject: string | undefined; files: MessageFile[] },
): MimeNode {
  const messageId = generateMessageId(database)
  const outer: [string, string][] = []
  if (options.subject !== undefined && options.subject !== null) outer.push(['Subject', options.subject])
  outer.push(['MIME-Version', '1.0'], ['X-Mailer', mailer], ['Message-ID', `<${messageId}>`], ['X-RT-Interface', 'REST'])
  const parts: MimeNode[] = []
  if (options.text !== undefined) parts.push(bodyPart(options.text, options.contentType))
  for (const file of options.files) parts.push(filePart(file))
  if (parts.length === 0) parts.push(bodyPart('', options.contentType))
  const node = container('multipart/mixed', [...outer, ['X-RT-Original-Encoding', 'utf-8']], parts, mimeBoundary(database))
  node.messageId = messageId
  if (options.subject !== undefined && options.subject !== null) node.subject = options.subject
  return node
}

function contentLengthHeaders(headers: [string, string][], length: number): string {
  return [...headers, ['Content-Length', String(length)]].map(([name, value]) => `${name}: ${value}`).join('\n')
}

/** Stores a message as attachment rows of a transaction (RT::Attachment::Create); returns the rows. */
export function storeMessage(database: RtDatabase, transactionId: number, message: MimeNode, creatorId: number): RtAttachment[] {
  const stored: RtAttachment[] = []
  const store = (node: MimeNode, parentId: number): void => {
    const id = database.nextId('attachment')
    const body = node.parts ? Buffer.alloc(0) : (node.body ?? Buffer.alloc(0))
    const attachment: RtAttachment = {
      id,
      transactionId,
      parentId,
      messageId: node.messageId ?? '',
      subject: node.subject ?? '',
      filename: node.filename ?? null,
      contentType: node.contentType,
      contentEncoding: node.parts ? 'none' : storageEncoding(node.contentType, body),
      content: body,
      headers: contentLengthHeaders(node.headers, body.length),
      creatorId,
      created: database.now(),
    }
    database.attachments.set(id, attachment)
    stored.push(attachment)
    for (const part of node.parts ?? []) store(part, id)
  }
  store(collapseSinglePart(message), 0)
  return stored
}

/** The Subject header of a message, for the transaction's Data (RT: the raw header, newline and all). */
export function messageSubjectHeader(message: MimeNode | undefined): string | undefined {
  const subject = message?.headers.find(([name]) => name.toLowerCase() === 'subject')?.[1]
  return subject === undefined ? undefined : `${subject}\n`
}
