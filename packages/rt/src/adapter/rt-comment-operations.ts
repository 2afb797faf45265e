import {
  type AdapterWarning,
  type CallOptions,
  type CheckedCommentCreate,
  type CommentDriver,
  htmlToText,
  type RichText,
  type StatusSelector,
  writeInTicketOrder,
} from '@ticketbridge/core'
import type { RtMessage } from './port/rt-port-records'
import { mapRtComment } from './map-rt-comment'
import type { RtDriverContext } from './rt-driver-context'
import { resolveStatus } from './rt-input-resolution'
import { listActivityForTickets, readTransactionPage } from './rt-ticket-reads'
import { rtWritesAtOnce } from './rt-ticket-writes'
import { wholeMinutes } from './rt-whole-minutes'

/**
 * RT's comments: `comment` transactions are internal comments, `correspond` transactions public
 * replies (RT mails them to the requestors); the Create transaction is the description, not a
 * comment. Time worked rides on the comment as its `TimeTaken`, a new ticket status as its `Status`.
 */
export function createRtCommentOperations(context: RtDriverContext): CommentDriver {
  const { port } = context

  /** The message of a comment, and how to judge RT's answer to it: a status it carried but RT refused is a warning. */
  async function prepare(input: CheckedCommentCreate, call: CallOptions) {
    const warnings: AdapterWarning[] = []
    const { message, html } = messageOf(input, port.keepsHtml, warnings)
    if (input.ticketStatus) {
      const status = await commentStatus(context, input.ticketStatus, call, warnings)
      if (status !== undefined) message.status = status
    }
    const judge = (messages: readonly string[]) => {
      if (message.status !== undefined && !statusApplied(messages, message.status)) warnings.push(statusRefused(message.status, messages))
      return warnings
    }
    return { message, html, judge }
  }

  return {
    listPage: (ticketId, cursor, call) => readTransactionPage(context, ticketId, 'messages', cursor, call, mapRtComment),
    ...listActivityForTickets(context, 'comments', (activity, ticketId) => activity.messages.map((message) => mapRtComment(message, ticketId))),

    async create({ ticketId, input }, { silent: _silent, ...call }) {
      const { message, html, judge } = await prepare(input, call)
      const { messages, ...transaction } = await port.postMessage(context.ticketId(ticketId), message, call)
      const warnings = judge(messages)
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
        const { message, judge } = await prepare(input, call)
        const { id, messages } = await port.sendMessage(context.ticketId(ticketId), message, call)
        return { id, warnings: judge(messages) }
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
      // The files ride on the message, RT's only way to keep a comment's files.
      ...(input.attachments?.length
        ? { attachments: input.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, data: file.data })) }
        : {}),
      extra: { ...input.vendorOptions?.rt },
    },
  }
}

/**
 * The RT status a comment moves its ticket to, resolved as ticket updates resolve one, but
 * without reading the ticket for its queue's lifecycle (a request a comment): where every queue
 * this user sees has the same lifecycle (REST2 shows it; the list is kept), that one. Else a
 * status named goes as given (RT checks it), and a category takes the status the lifecycles agree
 * on; where they differ it is left out with a warning, for `tickets.update` to set.
 */
async function commentStatus(
  context: RtDriverContext,
  selector: StatusSelector,
  call: CallOptions,
  warnings: AdapterWarning[],
): Promise<string | undefined> {
  const { port, lifecycles } = context
  const inUse = port.showsQueueLifecycles ? [...new Set((await port.queues(call)).map((queue) => queue.lifecycle ?? 'default'))] : []
  // One lifecycle for every queue is the ticket's, whichever queue it is in.
  if (inUse.length <= 1) return resolveStatus(context, selector, inUse[0])
  if (selector.category === undefined) return resolveStatus(context, selector, undefined)
  const candidates = new Set(inUse.map((lifecycle) => lifecycles.statusFor(selector.category!, lifecycle)))
  if (candidates.size === 1) return resolveStatus(context, selector, inUse[0])
  warnings.push({
    type: 'unsupported',
    field: 'ticketStatus',
    message: `RT's lifecycles name the ${selector.category} status differently (${[...candidates].join(', ')}) and the ticket's is not read for a comment; the status was left as it was (use tickets.update).`,
  })
  return undefined
}

/**
 * Whether RT's answer to a message says the ticket is in `status` now: changed to it (`Ticket
 * deleted` for `deleted`), or there already (RT refuses that as no transition). Anything else,
 * a refusal or words RT did not use in English, counts as not applied: the caller sets it again.
 */
function statusApplied(messages: readonly string[], status: string): boolean {
  const wanted = status.toLowerCase()
  return messages.some((line) => {
    const changed = /^Status changed from '.*' to '(.*)'$/.exec(line)
    if (changed) return changed[1]!.toLowerCase() === wanted
    const unchanged = /^You can't change status from '(.*)' to '(.*)'\.$/.exec(line)
    if (unchanged) return unchanged[1]!.toLowerCase() === wanted && unchanged[2]!.toLowerCase() === wanted
    return wanted === 'deleted' && line === 'Ticket deleted'
  })
}

/** The warning for a status RT did not set: the comment was written all the same. */
function statusRefused(status: string, messages: readonly string[]): AdapterWarning {
  const reason = messages.slice(1).join(' ') || 'no reason given'
  return {
    type: 'other',
    field: 'ticketStatus',
    message: `RT wrote the comment but did not set the status ${status}: ${reason}. The ticket's status was left as it was (use tickets.update).`,
  }
}
