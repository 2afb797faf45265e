import { parseRest1Forms, readRest1Field, type Rest1Form, splitRest1List } from './rt-rest1-form-parser'
import type { Rest1Attachment, Rest1AttachmentSummary, Rest1HistoryAttachment, Rest1HistoryEntry, Rest1Ticket } from './rt-rest1-types'
import { isSetRest1Date, parseRest1DatabaseDate, parseRest1Date, parseRest1Size, rest1ObjectId } from './rt-rest1-values'

/** The ticket fields REST 1.0 writes as local dates (RT::Date `AsString`). */
const ticketDateFields = ['Created', 'Starts', 'Started', 'Due', 'Resolved', 'Told', 'LastUpdated']

/** Whether any of the forms has a ticket date set: reading it needs the RT user's time zone. */
export function hasRest1TicketDate(forms: readonly Rest1Form[]): boolean {
  return forms.some((form) => ticketDateFields.some((name) => isSetRest1Date(readRest1Field(form, name))))
}

/** A ticket form (`ticket/<id>/show`, `search/ticket?format=l`) as a record; dates read in the RT user's time zone. */
export function rest1TicketOf(form: Rest1Form, timeZone: string): Rest1Ticket {
  const field = (name: string) => readRest1Field(form, name)
  const date = (name: string) => parseRest1Date(field(name), timeZone)
  const customFields: Record<string, string> = {}
  for (const [key, value] of Object.entries(form.fields)) {
    const match = /^CF\.\{(.*)\}$/.exec(key)
    if (match) customFields[match[1]!] = value
  }
  return {
    id: rest1ObjectId(field('id')) ?? '',
    ...optional('queue', field('Queue')),
    ...optional('owner', field('Owner')),
    ...optional('creator', field('Creator')),
    ...optional('subject', field('Subject')),
    ...optional('status', field('Status')),
    ...optional('priority', field('Priority')),
    ...optional('initialPriority', field('InitialPriority')),
    ...optional('finalPriority', field('FinalPriority')),
    requestors: splitRest1List(field('Requestors')),
    cc: splitRest1List(field('Cc')),
    adminCc: splitRest1List(field('AdminCc')),
    ...optional('created', date('Created')),
    ...optional('starts', date('Starts')),
    ...optional('started', date('Started')),
    ...optional('due', date('Due')),
    ...optional('resolved', date('Resolved')),
    ...optional('told', date('Told')),
    ...optional('lastUpdated', date('LastUpdated')),
    ...optional('timeEstimated', field('TimeEstimated')),
    ...optional('timeWorked', field('TimeWorked')),
    ...optional('timeLeft', field('TimeLeft')),
    customFields,
    form,
  }
}

/** One transaction of a history form (`history?format=l`, `history/id/<txn>`). */
export function toHistoryEntry(form: Rest1Form): Rest1HistoryEntry {
  const field = (name: string) => nonEmpty(readRest1Field(form, name))
  const attachments: Rest1HistoryAttachment[] = []
  for (const line of (readRest1Field(form, 'Attachments') ?? '').split('\n')) {
    const match = /^\s*(\d+):\s*(.*?)\s+\(([^()]*)\)\s*,?\s*$/.exec(line)
    if (!match) continue
    const size = parseRest1Size(match[3])
    attachments.push({
      id: match[1]!,
      ...(match[2] !== 'untitled' && match[2] !== '' ? { filename: match[2]! } : {}),
      ...(size !== undefined ? { size } : {}),
      sizeText: match[3]!,
    })
  }
  const content = readRest1Field(form, 'Content')
  return {
    id: field('id') ?? '',
    ticketId: field('Ticket') ?? '',
    type: field('Type') ?? '',
    ...optional('field', field('Field')),
    ...optional('oldValue', field('OldValue')),
    ...optional('newValue', field('NewValue')),
    ...optional('data', field('Data')),
    ...optional('description', field('Description')),
    ...(content !== undefined && content !== 'This transaction appears to have no content' ? { content } : {}),
    ...optional('creator', field('Creator')),
    ...optional('created', parseRest1DatabaseDate(field('Created'))),
    ...optional('timeTaken', field('TimeTaken')),
    attachments,
    form,
  }
}

/** The lines of `ticket/<id>/attachments`: `<id>: <name> (<type> / <size>),`. */
export function parseRest1AttachmentListing(payload: string): Rest1AttachmentSummary[] {
  const form = parseRest1Forms(payload)[0]
  const listing = form ? readRest1Field(form, 'Attachments') : undefined
  if (!listing) return []
  const summaries: Rest1AttachmentSummary[] = []
  for (const line of listing.split('\n')) {
    const match = /^\s*(\d+):\s*(.*?)\s+\(([^()\s]*)\s+\/\s+([^()]*?)\),?\s*$/.exec(line)
    if (!match) continue
    const name = match[2]!
    const size = parseRest1Size(match[4])
    summaries.push({
      id: match[1]!,
      ...(name !== '(Unnamed)' && name !== '' ? { filename: name } : {}),
      contentType: match[3]!,
      ...(size !== undefined ? { size } : {}),
      sizeText: match[4]!,
    })
  }
  return summaries
}

/** One attachment's form (`ticket/<id>/attachments/<id>`). */
export function rest1AttachmentOf(form: Rest1Form, attachmentId: string | number): Rest1Attachment {
  const field = (name: string) => nonEmpty(readRest1Field(form, name))
  return {
    id: field('id') ?? String(attachmentId),
    ...optional('subject', field('Subject')),
    ...optional('creator', field('Creator')),
    ...optional('created', parseRest1DatabaseDate(field('Created'))),
    ...optional('transactionId', field('Transaction')),
    ...optional('parentId', field('Parent')),
    ...optional('messageId', field('MessageId')),
    ...optional('filename', field('Filename')),
    ...optional('contentType', field('ContentType')),
    ...optional('contentEncoding', field('ContentEncoding')),
    headers: readRest1Field(form, 'Headers') ?? '',
    content: readRest1Field(form, 'Content') ?? '',
    form,
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value }
}
