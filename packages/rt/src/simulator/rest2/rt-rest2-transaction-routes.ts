/** REST2's history, transaction and attachment resources. */
import type { RtTicket } from '../rt-records'
import { canSeeTicket } from '../rt-ticket-actions'
import { searchTransactions, ticketSqlErrorText } from '../rt-ticket-search'
import { TicketSqlError } from '../rt-ticket-sql'
import { orderItems } from './rt-rest2-collections'
import type { CollectionItem } from './rt-rest2-context'
import { errorAnswer, jsonAnswer, mediaType, textAnswer } from './rt-rest2-http'
import { type Rest2Routes, collectionAnswer, jsonCollection, readOnly, seesAll } from './rt-rest2-route'
import { canSeeQueue, serializeAttachment, serializeTransaction } from './rt-rest2-serialize'

/** `/<record>/<id>/history`, `/transactions`, `/transaction/<id>` and the attachment collections and records. */
export const transactionRoutes: Rest2Routes = [
  [
    /^\/(ticket|queue|user)\/([^/]+)\/history\/?$/,
    (context, request, parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const { database } = context
      let items: CollectionItem[] = []
      if (match[1] === 'ticket' && /^\d+$/.test(match[2] ?? '')) {
        const ticket = database.tickets.get(Number(match[2]))
        if (ticket && canSeeTicket(database, context.user))
          items = database.ticketTransactions(ticket.id).map((row) => ({ kind: 'transaction', row }))
      } else if (match[1] === 'queue') {
        const queue = database.findQueue(decodeURIComponent(match[2] ?? ''))
        if (queue && canSeeQueue(database, context.user))
          items = database.objectTransactions('RT::Queue', queue.id).map((row) => ({ kind: 'transaction', row }))
      } else if (match[1] === 'user') {
        const user = database.findUser(decodeURIComponent(match[2] ?? ''))
        if (user && seesAll(context)) items = database.objectTransactions('RT::User', user.id).map((row) => ({ kind: 'transaction', row }))
      }
      return collectionAnswer(context, request, parameters, items, seesAll(context) ? items.length : null)
    },
  ],
  [
    /^\/transactions\/?$/,
    (context, request, parameters) => {
      if (!['GET', 'HEAD', 'POST'].includes(request.method)) return errorAnswer(405)
      const query = parameters.values.get('query')?.[0] ?? ''
      const visible = canSeeTicket(context.database, context.user)
      const total = (count: number): number | null => (seesAll(context) ? count : null)
      if (mediaType(request) === 'application/json' || /^\s*\[/.test(query)) {
        const items = visible ? [...context.database.transactions.values()].map((row): CollectionItem => ({ kind: 'transaction', row })) : []
        return jsonCollection(context, request, parameters, items, total, { defaultOrder: ['Created', 'id'] })
      }
      try {
        const transactions = searchTransactions(context.database, context.user, query)
        const items = orderItems(
          context,
          parameters,
          transactions.map((row): CollectionItem => ({ kind: 'transaction', row })),
          ['Created', 'id'],
        )
        return collectionAnswer(context, request, parameters, items, total(items.length))
      } catch (error) {
        if (error instanceof TicketSqlError) return errorAnswer(400, ticketSqlErrorText(error, 'rest2'))
        throw error
      }
    },
  ],
  [
    /^\/transaction\/(\d+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const transaction = context.database.transactions.get(Number(match[1]))
      // RT checks rights on the transaction's object before anything else; a missing one crashes.
      if (!transaction) return errorAnswer(500)
      if (transaction.objectType === 'RT::Ticket' && !canSeeTicket(context.database, context.user)) return errorAnswer(403)
      return jsonAnswer(200, serializeTransaction(context, transaction))
    },
  ],
  [
    /^\/transaction\/(\d+)\/attachments\/?$/,
    (context, request, parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const transaction = context.database.transactions.get(Number(match[1]))
      if (!transaction) return textAnswer(500, 'Internal Server Error')
      const visible = transaction.objectType !== 'RT::Ticket' || canSeeTicket(context.database, context.user)
      const items = visible ? context.database.transactionAttachments(transaction.id).map((row): CollectionItem => ({ kind: 'attachment', row })) : []
      return collectionAnswer(context, request, parameters, items, seesAll(context) ? items.length : null)
    },
  ],
  [
    /^\/ticket\/(\d+)\/attachments\/?$/,
    (context, request, parameters, match) => {
      const ticket = context.database.tickets.get(Number(match[1]))
      const visible = ticket !== undefined && canSeeTicket(context.database, context.user)
      const items = visible
        ? context.database.ticketAttachments((ticket as RtTicket).id).map((row): CollectionItem => ({ kind: 'attachment', row }))
        : []
      return jsonCollection(context, request, parameters, items, (count) => (seesAll(context) ? count : null))
    },
  ],
  [
    /^\/attachments\/?$/,
    (context, request, parameters) => {
      const items = canSeeTicket(context.database, context.user)
        ? [...context.database.attachments.values()].map((row): CollectionItem => ({ kind: 'attachment', row }))
        : []
      return jsonCollection(context, request, parameters, items, (count) => (seesAll(context) ? count : null))
    },
  ],
  [
    /^\/attachment\/(\d+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const attachment = context.database.attachments.get(Number(match[1]))
      if (!attachment) return errorAnswer(500)
      if (!canSeeTicket(context.database, context.user)) return errorAnswer(403)
      return jsonAnswer(200, serializeAttachment(context, attachment))
    },
  ],
]
