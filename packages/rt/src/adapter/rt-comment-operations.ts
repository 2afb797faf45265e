import { type AdapterWarning, type CommentDriver, htmlToText, type RichText } from '@ticketbridge/core'
import { mapRtComment } from './map-rt-comment'
import type { RtDriverContext } from './rt-driver-context'
import { readTransactionPage } from './rt-ticket-reads'
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
      // HTML where the API keeps it; through REST 1.0 the text (the runtime says the HTML was left out).
      const html = port.keepsHtml && input.body.html !== undefined && input.body.html.trim() !== '' ? input.body.html : undefined
      const transaction = await port.postMessage(
        context.ticketId(ticketId),
        {
          type: input.visibility === 'internal' ? 'comment' : 'correspond',
          content: html ?? input.body.text,
          contentType: html !== undefined ? 'text/html' : 'text/plain',
          ...(input.timeWorkedMinutes !== undefined ? { timeTaken: wholeMinutes(input.timeWorkedMinutes, warnings) } : {}),
          extra: { ...input.vendorOptions?.rt },
        },
        call,
      )
      // What was sent, where the API did not read the message back.
      const sent: RichText = html !== undefined ? { text: htmlToText(html), html } : { text: input.body.text }
      const record = mapRtComment(
        { ...transaction, body: transaction.body ?? sent, createdAt: transaction.createdAt ?? new Date().toISOString() },
        ticketId,
      )
      return { record, warnings }
    },
  }
}
