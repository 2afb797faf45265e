import type { CallOptions } from '@ticketbridge/core'
import type { Rest1HistoryEntry } from '../../client/rest1/rt-rest1-types'
import type { RtPort } from './rt-port'
import { type RtFileRecord, type RtMessage, rtMessageTypes } from './rt-port-records'
import { rest1PageOf } from './rt-rest1-listings'
import type { Rest1PortContext } from './rt-rest1-port-context'

type Rest1MessagePort = Pick<RtPort, 'ticketTransactions' | 'postMessage' | 'sendMessage' | 'ticketFiles' | 'hasAttachment' | 'attachmentContent'>

/**
 * The transaction part of the REST 1.0 port: a ticket's long history (every transaction with its
 * content, TimeTaken and file names in one request) read once per listing; comments and replies
 * read back from the short history, since REST 1.0 does not name the transaction it created.
 */
export function createRest1MessagePort(context: Rest1PortContext): Rest1MessagePort {
  const { rest1 } = context

  /** Posts the message; RT's answer lines. */
  async function send(ticketId: string, message: RtMessage, call: CallOptions): Promise<string[]> {
    const { messages } = await rest1.comment(
      ticketId,
      {
        action: message.type,
        ...(message.content !== undefined ? { text: message.content } : {}),
        ...(message.timeTaken !== undefined ? { timeWorked: message.timeTaken } : {}),
        ...(message.status !== undefined ? { status: message.status } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
      },
      call,
    )
    return messages
  }

  return {
    // REST 1.0 does not name the transaction it created: the short history does.
    async sendMessage(ticketId, message, call) {
      const messages = await send(ticketId, message, call)
      return { id: await context.newestMessageId(ticketId, call), messages }
    },

    async ticketTransactions(ticketId, kind, cursor, call) {
      const transactions = await context.listings.read(`${kind}:${ticketId}`, cursor === undefined, async () => {
        const history = await rest1.getHistoryLong(ticketId, call)
        const chosen = history.filter((entry) => (kind === 'messages' ? rtMessageTypes.has(entry.type) : Number(entry.timeTaken ?? 0) !== 0))
        return Promise.all(chosen.map((entry) => context.transactionOf(entry, call)))
      })
      return rest1PageOf(transactions, cursor)
    },

    async postMessage(ticketId, message, call) {
      const messages = await send(ticketId, message, call)
      const transaction = await context.transactionOf(await context.newestMessage(ticketId, call), call)
      // REST 1.0 lists sizes rounded (and in characters for text) and no types: what was sent is exact.
      const files = transaction.files.map((file) => {
        const sent = message.attachments?.find((upload) => upload.filename === file.filename)
        return sent ? { ...file, contentType: sent.contentType ?? file.contentType, size: sent.data.byteLength } : file
      })
      return { ...transaction, files, messages }
    },

    async ticketFiles(ticketId, cursor, call) {
      const files = await context.listings.read(`files:${ticketId}`, cursor === undefined, async (): Promise<RtFileRecord[]> => {
        const [listing, history] = await Promise.all([rest1.listAttachments(ticketId, call), rest1.getHistoryLong(ticketId, call)])
        const transactionOf = new Map<string, Rest1HistoryEntry>()
        for (const entry of history) for (const attachment of entry.attachments) transactionOf.set(attachment.id, entry)
        return listing.flatMap((summary) => {
          if (summary.filename === undefined) return []
          const entry = transactionOf.get(summary.id)
          return [
            {
              id: summary.id,
              filename: summary.filename,
              contentType: summary.contentType,
              size: summary.size ?? 0,
              ...(entry ? { transactionId: entry.id, transactionType: entry.type } : {}),
              ...(entry?.created ? { createdAt: entry.created } : {}),
              raw: summary,
            },
          ]
        })
      })
      return rest1PageOf(files, cursor)
    },

    /** REST 1.0 serves any attachment under any ticket: the ticket's listing says whether it is this one's. */
    async hasAttachment(ticketId, attachmentId, call: CallOptions) {
      return (await rest1.listAttachments(ticketId, call)).some((summary) => summary.id === attachmentId)
    },

    attachmentContent: (ticketId, attachmentId, call) => rest1.getAttachmentContent(ticketId, attachmentId, call),
  }
}
