import type { CallOptions, RichText } from '@ticketbridge/core'
import { htmlToText } from '@ticketbridge/core'
import type { Rest2Client } from '../../client/rest2/rt-rest2-client'
import { paginateRest2 } from '../../client/rest2/rt-rest2-paging'
import type { Rest2Collection, Rest2CollectionItem, Rest2JsonCondition } from '../../client/rest2/rt-rest2-types'
import type { RtFileRecord } from './rt-port-records'
import { rest2FileRecord } from './rt-rest2-records'

/** What a transaction carries: its message body and its files. */
export interface RtMessageParts {
  body: RichText
  files: RtFileRecord[]
}

const bodyTypes = ['text/plain', 'text/html']
/** Ids per JSON `IN` condition; RT reads them from a POST body, so this only bounds one SQL statement. */
const chunkSize = 500

/**
 * Loads the message bodies (and, with `withFiles`, the files) of many transactions in a few
 * requests: one JSON search for the parts' metadata across all transactions, and one for the
 * content of the body parts only (unnamed text/plain and text/html parts), so files are never
 * downloaded to read a body. A body is the first text/plain part, with the first text/html
 * part as `html`; an HTML-only message gets its text derived from the HTML.
 */
export async function loadRtMessageParts(
  rest2: Rest2Client,
  transactionIds: readonly string[],
  options: CallOptions & { withFiles: boolean },
): Promise<Map<string, RtMessageParts>> {
  const result = new Map<string, RtMessageParts>(transactionIds.map((id) => [id, { body: { text: '' }, files: [] }]))
  if (transactionIds.length === 0) return result
  const { withFiles, ...call } = options

  const parts: Rest2CollectionItem[] = []
  for (const ids of chunks(transactionIds)) {
    const conditions: Rest2JsonCondition[] = [{ field: 'TransactionId', operator: 'IN', value: ids.map(Number) }]
    if (!withFiles) conditions.push({ field: 'ContentType', operator: 'IN', value: bodyTypes })
    const fields = ['TransactionId', 'ContentType', 'Filename', 'ContentLength', 'Created']
    parts.push(...(await collectRest2((page) => rest2.searchAttachments(conditions, { ...call, page, perPage: 100, orderBy: 'id', fields }))))
  }

  const bodyParts = parts.filter((part) => (part.Filename ?? '') === '' && bodyTypes.includes(String(part.ContentType ?? '').toLowerCase()))
  const contents = new Map<string, string>()
  for (const ids of chunks(bodyParts.map((part) => String(part.id)))) {
    const items = await collectRest2((page) =>
      rest2.searchAttachments([{ field: 'id', operator: 'IN', value: ids.map(Number) }], {
        ...call,
        page,
        perPage: 100,
        orderBy: 'id',
        fields: ['Content'],
      }),
    )
    for (const item of items) contents.set(String(item.id), typeof item.Content === 'string' ? item.Content : '')
  }

  for (const [transactionId, entry] of bodyTexts(bodyParts, contents)) {
    const found = result.get(transactionId)
    if (!found) continue
    const html = entry.html !== undefined ? { html: entry.html } : {}
    found.body = entry.text !== undefined ? { text: entry.text, ...html } : { text: htmlToText(entry.html ?? ''), ...html }
  }
  for (const part of parts) {
    if (String(part.Filename ?? '') === '') continue
    result.get(String(part.TransactionId))?.files.push(rest2FileRecord(part, undefined))
  }
  return result
}

/** Each transaction's first text/plain and first text/html body content. */
function bodyTexts(bodyParts: readonly Rest2CollectionItem[], contents: ReadonlyMap<string, string>): Map<string, { text?: string; html?: string }> {
  const texts = new Map<string, { text?: string; html?: string }>()
  for (const part of bodyParts) {
    const transactionId = String(part.TransactionId)
    const entry = texts.get(transactionId) ?? {}
    const content = contents.get(String(part.id)) ?? ''
    if (String(part.ContentType).toLowerCase() === 'text/plain') entry.text ??= content
    else entry.html ??= content
    texts.set(transactionId, entry)
  }
  return texts
}

/** Every item of a collection, page by page as RT answers. */
export async function collectRest2<T>(fetchPage: (page: number) => Promise<Rest2Collection<T>>): Promise<T[]> {
  const items: T[] = []
  for await (const page of paginateRest2((page) => fetchPage(page)).pages()) items.push(...page.items)
  return items
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += chunkSize) result.push(items.slice(start, start + chunkSize))
  return result
}
