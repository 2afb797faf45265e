import { type CallOptions, PermissionError, ValidationError } from '@ticketbridge/core'
import type { Rest2Client } from '../../client/rest2/rt-rest2-client'
import type { Rest2MessageInput } from '../../client/rest2/rt-rest2-client-options'
import { nextRest2Page } from '../../client/rest2/rt-rest2-paging'
import type { Rest2Collection } from '../../client/rest2/rt-rest2-types'
import type { RtPort } from './rt-port'
import { type RtMessage, rtMessageTypes, type RtPage, type RtSentMessage } from './rt-port-records'
import { collectRest2, loadRtMessageParts } from './rt-rest2-message-parts'
import { rest2FileRecord, rest2TransactionRecord, rest2UserFields } from './rt-rest2-records'

const fileFields = ['Filename', 'ContentType', 'ContentLength', 'TransactionId', 'Created']
const historyFields = ['Type', 'Created', 'Creator', 'TimeTaken']

type Rest2MessagePort = Pick<RtPort, 'ticketTransactions' | 'postMessage' | 'sendMessage' | 'ticketFiles' | 'hasAttachment' | 'attachmentContent'>

/** The port's page of a REST2 collection page: the next page number, where there is one. */
function pageOf<T>(collection: Rest2Collection<unknown>, items: T[]): RtPage<T> {
  const next = nextRest2Page(collection)
  return next === undefined ? { items } : { items, nextCursor: String(next) }
}

/**
 * The transaction part of the REST2 port: a ticket's history a page at a time, with the bodies
 * and files of many transactions read in a few searches; comments and replies; files.
 */
export function createRest2MessagePort(rest2: Rest2Client): Rest2MessagePort {
  /** RT lists nothing, not 404, for a ticket that does not exist: reading the ticket says which. */
  async function assertTicketExists(ticketId: string, call: CallOptions): Promise<void> {
    await rest2.getTicket(ticketId, call)
  }

  async function transactionTypes(ids: readonly string[], call: CallOptions): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map()
    const items = await collectRest2((page) =>
      rest2.searchTransactionsByJson([{ field: 'id', operator: 'IN', value: ids.map(Number) }], { ...call, page, perPage: 100, fields: ['Type'] }),
    )
    return new Map(items.map((item) => [String(item.id), String(item.Type)]))
  }

  /**
   * Posts a comment or reply. RT answers 400 `Message could not be recorded` for a ticket that
   * does not exist; that case is reported as the NotFoundError it is.
   */
  async function send(ticketId: string, message: RtMessage, call: CallOptions): Promise<RtSentMessage> {
    const input: Rest2MessageInput = {
      ...message.extra,
      ...(message.content !== undefined ? { Content: message.content, ContentType: message.contentType ?? 'text/plain' } : {}),
      ...(message.timeTaken !== undefined ? { TimeTaken: message.timeTaken } : {}),
      ...(message.status !== undefined ? { Status: message.status } : {}),
    }
    const files =
      message.attachments && message.attachments.length > 0 ? { attachments: message.attachments, attachmentEncoding: 'multipart' as const } : {}
    try {
      const post = message.type === 'comment' ? rest2.comment.bind(rest2) : rest2.correspond.bind(rest2)
      const { transactionId, messages } = await post(ticketId, input, { ...call, ...files })
      return { id: transactionId, messages }
    } catch (error) {
      if (ValidationError.isInstance(error) || PermissionError.isInstance(error)) await assertTicketExists(ticketId, call)
      throw error
    }
  }

  return {
    async ticketTransactions(ticketId, kind, cursor, call) {
      const page = cursor === undefined ? 1 : Number(cursor)
      // The ticket's history (merged tickets included), oldest first; the Create transaction is the description.
      const history = await rest2.getTicketHistory(ticketId, {
        ...call,
        page,
        perPage: 100,
        orderBy: 'id',
        fields: historyFields,
        expand: { Creator: [...rest2UserFields] },
      })
      if (page === 1 && history.items.length === 0) await assertTicketExists(ticketId, call)
      const messages = kind === 'messages'
      const chosen = history.items.filter((transaction) =>
        messages ? rtMessageTypes.has(String(transaction.Type)) : Number(transaction.TimeTaken ?? 0) !== 0,
      )
      // Time worked needs the notes of comments and replies only, and never their files.
      const withParts = chosen.filter((transaction) => rtMessageTypes.has(String(transaction.Type))).map((transaction) => String(transaction.id))
      const parts = await loadRtMessageParts(rest2, withParts, { ...call, withFiles: messages })
      return pageOf(
        history,
        chosen.map((transaction) => rest2TransactionRecord(transaction, parts.get(String(transaction.id)))),
      )
    },

    // REST2 answers the transaction's id: nothing to read.
    sendMessage: send,

    async postMessage(ticketId, message, call) {
      const { id: transactionId, messages } = await send(ticketId, message, call)
      if (!message.attachments || message.attachments.length === 0) {
        const { record } = await rest2.getTransaction(transactionId, { ...call, expand: { Creator: [...rest2UserFields] } })
        return { ...rest2TransactionRecord(record), messages }
      }
      // A message with files: what RT stored of them (the transaction itself is not read).
      const stored = await rest2.getTransactionAttachments(transactionId, { ...call, perPage: 100, orderBy: 'id', fields: fileFields })
      const type = message.type === 'correspond' ? 'Correspond' : 'Comment'
      const files = stored.items
        .filter((item) => typeof item.Filename === 'string' && item.Filename !== '')
        .map((item) => rest2FileRecord(item, type))
      return { id: transactionId, type, timeTaken: message.timeTaken ?? 0, files, raw: stored.items, messages }
    },

    async ticketFiles(ticketId, cursor, call) {
      const page = cursor === undefined ? 1 : Number(cursor)
      const collection = await rest2.getTicketAttachments(ticketId, { ...call, page, perPage: 100, orderBy: 'id', fields: fileFields })
      if (page === 1 && collection.items.length === 0) await assertTicketExists(ticketId, call)
      const named = collection.items.filter((item) => typeof item.Filename === 'string' && item.Filename !== '')
      const types = await transactionTypes([...new Set(named.map((item) => String(item.TransactionId)))], call)
      return pageOf(
        collection,
        named.map((item) => rest2FileRecord(item, types.get(String(item.TransactionId)))),
      )
    },

    async hasAttachment(ticketId, attachmentId, call) {
      const found = await rest2.searchTicketAttachments(ticketId, [{ field: 'id', value: Number(attachmentId) }], {
        ...call,
        perPage: 1,
        fields: ['Filename'],
      })
      if (found.items.length > 0) return true
      await assertTicketExists(ticketId, call)
      return false
    },

    attachmentContent: (_ticketId, attachmentId, call) => rest2.getAttachmentContent(attachmentId, call),
  }
}
