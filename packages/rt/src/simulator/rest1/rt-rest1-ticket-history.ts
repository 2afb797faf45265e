/**
 * REST 1.0's history and attachment forms (RT's Forms/ticket/history and
 * Forms/ticket/attachments): history lines, one transaction in full, attachment listings,
 * attachment metadata, and raw attachment bytes.
 */
import type { RtAttachment, RtTransaction } from '../rt-records'
import { formatSqlDate } from '../rt-dates'
import { isTextualContentType } from '../rt-mime'
import { canSeeTicket } from '../rt-ticket-actions'
import { transactionDescription, transactionTextContent } from '../rt-transactions'
import { type Rest1Context, type Rest1FormCall, type Rest1FormResult, rest1Comment } from './rt-rest1-context'
import type { Rest1Value } from './rt-rest1-form'

/** The content as RT's `Content` returns it: characters for text, bytes (as Latin-1) otherwise. */
function attachmentText(attachment: RtAttachment): string {
  if (/^multipart\//i.test(attachment.contentType)) return ''
  return isTextualContentType(attachment.contentType) ? attachment.content.toString('utf8') : attachment.content.toString('latin1')
}

/** `98b`, or `1.4k` past 1024 (RT: `int($size/102.4)/10 . "k"`). */
function rest1Size(attachment: RtAttachment): string {
  const size = Array.from(attachmentText(attachment)).length
  return size > 1024 ? `${Math.trunc(size / 102.4) / 10}k` : `${size}b`
}

function fromPairs(pairs: [string, Rest1Value][], comment = ''): Rest1FormResult {
  return { comment, order: pairs.map(([key]) => key), values: new Map(pairs), failed: false }
}

/** One transaction as the history form shows it (`history/id/<n>`). */
function transactionForm(context: Rest1Context, transaction: RtTransaction, ticketId: number, fields: Set<string>, comment: string): Rest1FormResult {
  const { database } = context
  const visible = canSeeTicket(database, context.user)
  const wanted = (name: string): boolean => fields.size === 0 || fields.has(name.toLowerCase())
  const hidden = (value: string | number | null): string => (visible ? String(value ?? '') : '')
  const pairs: [string, Rest1Value][] = [['id', String(transaction.id)]]
  if (wanted('Ticket')) pairs.push(['Ticket', String(ticketId)])
  if (wanted('TimeTaken')) pairs.push(['TimeTaken', hidden(transaction.timeTaken)])
  if (wanted('Type')) pairs.push(['Type', hidden(transaction.type)])
  if (wanted('Field')) pairs.push(['Field', hidden(transaction.field)])
  if (wanted('OldValue')) pairs.push(['OldValue', hidden(transaction.oldValue)])
  if (wanted('NewValue')) pairs.push(['NewValue', hidden(transaction.newValue)])
  if (wanted('Data')) pairs.push(['Data', hidden(transaction.data)])
  const zone = database.userTimeZone(context.user)
  if (wanted('Description')) pairs.push(['Description', visible ? transactionDescription(database, transaction, zone) : 'Permission Denied'])
  if (wanted('Content')) {
    pairs.push(['Content', visible ? transactionTextContent(database, transaction.id) : 'This transaction appears to have no content'])
    // RT adds the creator when Content is asked for (its own quirk).
    pairs.push(['Creator', visible ? (database.users.get(transaction.creatorId)?.name ?? '') : ''])
  }
  if (wanted('Created')) pairs.push(['Created', visible ? formatSqlDate(transaction.created) : ''])
  if (wanted('Attachments')) {
    const list = visible
      ? database
          .transactionAttachments(transaction.id)
          .map((attachment) => `\n${attachment.id}: ${attachment.filename || 'untitled'} (${rest1Size(attachment)})`)
          .join('')
      : ''
    pairs.push(['Attachments', list])
  }
  return fromPairs(pairs, comment)
}

/** Forms/ticket/history. */
export function rest1HistoryForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  const ticket = database.tickets.get(Number(call.id))
  if (!ticket) return rest1Comment(`# Ticket ${call.id} does not exist.`)
  const visible = canSeeTicket(database, context.user)
  let transactions = visible ? database.ticketTransactions(ticket.id) : []
  const total = transactions.length
  const args = (call.args ?? '').replace(/\n$/, '')
  const parts = args.split('/')
  let type: string | undefined
  let transactionId: string | undefined
  if (parts[0] === 'type') type = parts[1]
  else if (parts[0] === 'id') transactionId = parts[1]
  else type = args || undefined
  if (type) {
    if (/^links?$/.test(args)) transactions = transactions.filter((transaction) => transaction.type.endsWith('Link'))
    else if (/^watchers?$/.test(args)) transactions = transactions.filter((transaction) => transaction.type.endsWith('Watcher'))
    else transactions = transactions.filter((transaction) => transaction.type === type)
  } else if (transactionId) {
    transactions = transactions.filter((transaction) => String(transaction.id) === transactionId)
  }
  const comment = `# ${transactions.length}/${total} (${args}/total)`
  if (transactionId) {
    const transaction = database.transactions.get(Number(transactionId))
    if (transaction?.objectType !== 'RT::Ticket' || transaction.objectId !== ticket.id) {
      return rest1Comment(`# Transaction ${transactionId} is not related to Ticket ${call.id}`)
    }
    return transactionForm(context, transaction, ticket.id, call.fields, comment)
  }
  const format = call.fields.size > 0 ? 'l' : (call.format ?? 's')
  if (format === 'l') {
    const ids = transactions.map((transaction) => transaction.id).join(',')
    return {
      comment: '',
      order: [],
      values: new Map(),
      failed: false,
      subRequest: { ids: [`ticket/${call.id}/history/id/${ids}`], fields: [...call.fields].join(',') },
    }
  }
  const zone = database.userTimeZone(context.user)
  const pairs: [string, Rest1Value][] = transactions.map((transaction) => [
    String(transaction.id),
    transactionDescription(database, transaction, zone),
  ])
  return fromPairs(pairs, comment)
}

/** Forms/ticket/attachments: the listing, one attachment's metadata, or its raw content. */
export function rest1AttachmentsForm(context: Rest1Context, call: Rest1FormCall): Rest1FormResult {
  const { database } = context
  const ticket = database.tickets.get(Number(call.id))
  if (!ticket) return rest1Comment(`# Ticket ${call.id} does not exist.`)
  const visible = canSeeTicket(database, context.user)
  const parts = (call.args ?? '').split('/')
  const wantsContent = parts[1] === 'content'
  const attachmentId = wantsContent ? parts[0] : call.args
  if (attachmentId) {
    if (!/^\d+$/.test(attachmentId)) return rest1Comment(`# Invalid attachment id: ${attachmentId}`)
    const attachment = database.attachments.get(Number(attachmentId))
    if (!attachment) return rest1Comment(`# Invalid attachment id: ${attachmentId}`)
    if (wantsContent) {
      if (!visible) return { comment: '', order: [], values: new Map(), failed: false }
      return {
        comment: '',
        order: [],
        values: new Map(),
        failed: false,
        rawContent: attachment.content,
        ...(/^text\//i.test(attachment.contentType) ? {} : { contentType: attachment.contentType }),
      }
    }
    const shown = (value: string | number | null): string => (visible ? String(value ?? '') : '')
    return fromPairs([
      ['id', String(attachment.id)],
      ['Subject', shown(attachment.subject)],
      ['Creator', shown(attachment.creatorId)],
      ['Created', visible ? formatSqlDate(attachment.created) : ''],
      ['Transaction', String(attachment.transactionId)],
      ['Parent', shown(attachment.parentId)],
      ['MessageId', shown(attachment.messageId)],
      ['Filename', shown(attachment.filename)],
      ['ContentType', shown(attachment.contentType)],
      ['ContentEncoding', shown(attachment.contentEncoding)],
      ['Headers', shown(attachment.headers)],
      ['Content', visible ? attachmentText(attachment) : ''],
    ])
  }
  const listing = visible
    ? database
        .ticketAttachments(ticket.id)
        .map((attachment) => `${attachment.id}: ${attachment.filename || '(Unnamed)'} (${attachment.contentType} / ${rest1Size(attachment)})`)
    : []
  if (listing.length === 0) return { comment: '', order: [], values: new Map(), failed: false }
  return fromPairs([
    ['id', `ticket/${ticket.id}/attachments`],
    ['Attachments', listing],
  ])
}
