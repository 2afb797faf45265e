import { type AdapterWarning, type CheckedCommentCreate, type CommentDriver, htmlToText, type RichText, writeInTicketOrder } from '@ticketbridge/core'
import type { RtMessage } from './port/rt-port-records'
import { mapRtComment } from './map-rt-comment'
import type { RtDriverContext } from './rt-driver-context'
import { readTransactionPage } from './rt-ticket-reads'
import { rtWritesAtOnce } from './rt-ticket-writes'
import { wholeMinutes } from './rt-whole-minutes'

/**
 * RT's comments: `comment` transactions are internal comments, `correspond` transactions public
 * replies (RT mails them to the requestors); the Create transaction is the description, not a
 * comment. Time worked rides on the comment as its `TimeTaken`.
 */
export function createRtCommentOperations(context: RtDriverContext): CommentDriver {
  const { port } = context

  return {
    listPage: (ticketId, cursor, call) => readTransactionPage(context, ticketId, 'messages', cursor, call, mapRtComment),

    async create({ ticketId, input }, { silent: _silent, ...call }) {
      const warnings: AdapterWarning[] = []
      const { message, html } = messageOf(input, port.keepsHtml, warnings)
      const transaction = await port.postMessage(context.ticketId(ticketId), message, call)
      // What was sent, where the API did not read the message back.
      const sent: RichText = html !== undefined ? { text: htmlToText(html), html } : { text: input.body.text }
      const record = mapRtComment(
        { ...transaction, body: transaction.body ?? sent, createdAt: transaction.createdAt ?? new Date().toISOString() },
        ticketId,
      )
      return { record, warnings }
    },

    // One message a comment; tickets side by side, one ticket's in order and none after a failure.
    createMany: (comments, { silent: _silent, ...call }) =>
      writeInTicketOrder(comments, rtWritesAtOnce, async ({ ticketId, input }) => {
        const warnings: AdapterWarning[] = []
        const { message } = messageOf(input, port.keepsHtml, warnings)
        return { id: await port.sendMessage(context.ticketId(ticketId), message, call), warnings }
      }),
  }
}

/** The message RT is sent for a comment: HTML where the API keeps it; through REST 1.0 the text (the runtime says the HTML was left out). */
function messageOf(input: CheckedCommentCreate, keepsHtml: boolean, warnings: AdapterWarning[]): { message: RtMessage; html: string | undefined } {
  const html = keepsHtml && input.body.html !== undefined && input.body.html.trim() !== '' ? input.body.html : undefined
  return {
    html,
    message: {
      type: input.visibility === 'internal' ? 'comment' : 'correspond',
      content: html ?? input.body.text,
      contentType: html !== undefined ? 'text/html' : 'text/plain',
      ...(input.timeWorkedMinutes !== undefined ? { timeTaken: wholeMinutes(input.timeWorkedMinutes, warnings) } : {}),
      extra: { ...input.vendorOptions?.rt },
    },
  }
}
