import { HttpResponse } from 'msw'
import { definitionOf, singularEntityName } from './autotask-entity-definitions'
import { routeEntity, routeParentId, type AutotaskHandlerContext } from './autotask-handler-context'
import { isAttachmentEntity, outputRecord, sourceRows } from './autotask-record-output'
import { writeAutotaskRecord } from './autotask-record-writer'
import { autotaskErrors, autotaskJson } from './autotask-responses'

function parseId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined
}

/** ASP.NET's answer when a path id does not bind to an integer. */
function invalidId(raw: string | undefined): Response {
  return HttpResponse.json({ Message: 'The request is invalid.', MessageDetail: `The value '${raw ?? ''}' is not valid for id.` }, { status: 400 })
}

/**
 * `GET /{Entity}/{id}` → `{"item": {...}}`; `GET /{Parent}/{parentId}/{Child}/{id}` → `{"item": {...}}`,
 * except attachments, whose parent-child GET is the one call that returns the bytes (`data`,
 * base64) and answers `{"items": [{...}]}`. A missing id answers `{"item": null}` (or HTTP 404
 * with `missingItem: 'not-found'`).
 */
export function answerGetItem(context: AutotaskHandlerContext): Response {
  const entity = routeEntity(context)
  const id = parseId(context.route.parameters.id)
  if (id === undefined) return invalidId(context.route.parameters.id)
  const row = sourceRows(entity, context.state).find((candidate) => candidate.id === id)
  const isChild = context.route.spec.kind === 'childItem'
  const link = isChild ? definitionOf(entity).parentLinks?.[context.route.spec.parent ?? ''] : undefined
  const found = row && (!link || row[link] === routeParentId(context)) ? row : undefined
  const attachmentDownload = isChild && isAttachmentEntity(entity)
  if (!found) {
    if (context.settings.missingItem === 'not-found') return autotaskErrors(404, [`The ${singularEntityName(entity)} with id ${id} does not exist.`])
    return autotaskJson(attachmentDownload ? { items: [] } : { item: null })
  }
  if (attachmentDownload) {
    return autotaskJson({ items: [outputRecord(entity, found, { withData: context.state.attachmentData(entity, found.id) ?? '' })] })
  }
  return autotaskJson({ item: outputRecord(entity, found) })
}

/** `POST` (create), `PATCH` (update, id in the body) and `PUT` (replace) on a collection or child collection → `{"itemId": n}`. */
export function answerWrite(context: AutotaskHandlerContext): Response {
  const entity = routeEntity(context)
  const isChild = context.route.spec.kind === 'childCollection'
  const parentId = isChild ? routeParentId(context) : undefined
  if (isChild && parentId === undefined) return invalidId(context.route.parameters.parentId)
  const operation = context.method === 'POST' ? 'create' : context.method === 'PATCH' ? 'update' : 'replace'
  if (context.body === undefined || context.body === null) {
    return autotaskErrors(500, [`The request body is empty: send the ${singularEntityName(entity)} as JSON.`])
  }
  const result = writeAutotaskRecord({
    entity,
    operation,
    body: context.body,
    ...(isChild && parentId !== undefined ? { parent: { entity: context.route.spec.parent!, id: parentId } } : {}),
    actor: context.actor,
    state: context.state,
    admitAttachment: (bytes) => context.attachmentBudget.admit(bytes),
  })
  if (!result.ok) return autotaskErrors(result.status, result.errors)
  return autotaskJson({ itemId: result.record.id })
}

/** `DELETE /{Entity}/{id}` or `DELETE /{Parent}/{parentId}/{Child}/{id}` (where the spec allows it) → `{"itemId": n}`. */
export function answerDelete(context: AutotaskHandlerContext): Response {
  const entity = routeEntity(context)
  const id = parseId(context.route.parameters.id)
  if (id === undefined) return invalidId(context.route.parameters.id)
  const row = context.state.get(entity, id)
  const link = context.route.spec.kind === 'childItem' ? definitionOf(entity).parentLinks?.[context.route.spec.parent ?? ''] : undefined
  if (!row || (link && row[link] !== routeParentId(context))) {
    return autotaskErrors(404, [`The ${singularEntityName(entity)} with id ${id} does not exist.`])
  }
  if (entity === 'Contacts' && context.state.rows('Tickets').some((ticket) => ticket.contactID === id)) {
    return autotaskErrors(500, [`The Contact ${id} cannot be deleted: tickets reference it. Deactivate it instead (isActive 0).`])
  }
  context.state.remove(entity, id)
  return autotaskJson({ itemId: id })
}
