/** REST2's queue and custom field resources. */
import { formatW3cDate } from '../rt-dates'
import type { CollectionItem } from './rt-rest2-context'
import { errorAnswer, jsonAnswer, preconditionAnswer } from './rt-rest2-http'
import { type Rest2Routes, collectionAnswer, jsonCollection, newestTransactionId, readOnly, recordHeaders, seesAll } from './rt-rest2-route'
import { canSeeQueue, serializeCustomField, serializeQueue } from './rt-rest2-serialize'

/** `/queues/all`, `/queues`, `/queue/<id or name>`, `/customfield/<id>` and `/customfields`. */
export const queueRoutes: Rest2Routes = [
  [
    /^\/queues\/all\/?$/,
    (context, request, parameters) => {
      const refused = readOnly(request)
      if (refused) return refused
      const queues = canSeeQueue(context.database, context.user) ? [...context.database.queues.values()].filter((queue) => queue.disabled === 0) : []
      return collectionAnswer(
        context,
        request,
        parameters,
        queues.map((row): CollectionItem => ({ kind: 'queue', row })),
        seesAll(context) ? queues.length : null,
      )
    },
  ],
  [
    /^\/queues\/?$/,
    (context, request, parameters) => {
      const queues = canSeeQueue(context.database, context.user) ? [...context.database.queues.values()].filter((queue) => queue.disabled === 0) : []
      return jsonCollection(
        context,
        request,
        parameters,
        queues.map((row): CollectionItem => ({ kind: 'queue', row })),
        (count) => (seesAll(context) ? count : null),
        { defaultOrder: ['SortOrder', 'Name'] },
      )
    },
  ],
  [
    /^\/queue\/([^/]+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const queue = context.database.findQueue(decodeURIComponent(match[1] ?? ''))
      if (queue && !canSeeQueue(context.database, context.user)) return errorAnswer(403)
      const etag = queue ? newestTransactionId(context, 'RT::Queue', queue.id) : undefined
      const precondition = preconditionAnswer(request, !!queue, etag)
      if (precondition) return precondition
      if (!queue) return errorAnswer(404)
      return jsonAnswer(200, serializeQueue(context, queue, context.user), recordHeaders(etag, queue.lastUpdated))
    },
  ],
  [
    /^\/customfield\/(\d+)\/?$/,
    (context, request, _parameters, match) => {
      const refused = readOnly(request)
      if (refused) return refused
      const customField = context.database.customFields.get(Number(match[1]))
      if (customField && !context.database.hasRight(context.user.id, 'SeeCustomField')) return errorAnswer(403)
      const etag = customField ? formatW3cDate(customField.lastUpdated) : undefined
      const precondition = preconditionAnswer(request, !!customField, etag)
      if (precondition) return precondition
      if (!customField) return errorAnswer(404)
      return jsonAnswer(200, serializeCustomField(context, customField), recordHeaders(etag, customField.lastUpdated))
    },
  ],
  [
    /^\/customfields\/?$/,
    (context, request, parameters) => {
      const visible = context.database.hasRight(context.user.id, 'SeeCustomField')
      const fields = visible ? [...context.database.customFields.values()].filter((field) => !field.disabled) : []
      return jsonCollection(
        context,
        request,
        parameters,
        fields.map((row): CollectionItem => ({ kind: 'customfield', row })),
        (count) => (seesAll(context) ? count : null),
        { defaultOrder: ['SortOrder', 'id'] },
      )
    },
  ],
]
