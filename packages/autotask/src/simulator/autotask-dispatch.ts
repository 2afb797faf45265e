import { autotaskEntityModel } from '../spec/autotask-spec-index'
import type { AutotaskHandlerContext } from './autotask-handler-context'
import { answerDelete, answerGetItem, answerWrite } from './autotask-item-handlers'
import { answerMetadata, type AutotaskThresholdInformation } from './autotask-metadata-handlers'
import { answerQuery } from './autotask-query-handlers'
import { autotaskErrors, autotaskJson } from './autotask-responses'

/** Methods that write on a collection route (create, update, replace). */
export const writeMethods = new Set(['POST', 'PATCH', 'PUT'])

/**
 * Sends an authenticated, admitted request to the handler of its route kind: metadata, queries,
 * writes, reads and deletes of the entities the simulator models, 501 for everything else.
 */
export function dispatchAutotaskRoute(context: AutotaskHandlerContext, thresholdInformation: () => AutotaskThresholdInformation): Response {
  const { kind, entity } = context.route.spec
  switch (kind) {
    case 'threshold':
      return autotaskJson(thresholdInformation())
    case 'apiVersions':
    case 'version':
    case 'modules':
    case 'entityInformationAll':
    case 'entityInformation':
    case 'fields':
    case 'userDefinedFields':
    case 'childEntityInformation':
    case 'childFields':
    case 'childUserDefinedFields':
      return entity && !autotaskEntityModel(entity) ? notSimulated(context) : answerMetadata(context)
    default:
      break
  }
  if (!entity || !autotaskEntityModel(entity) || kind === 'other') return notSimulated(context)
  if (kind === 'query' || kind === 'count' || kind === 'next' || (kind === 'childCollection' && context.method === 'GET')) return answerQuery(context)
  if ((kind === 'collection' || kind === 'childCollection') && writeMethods.has(context.method)) return answerWrite(context)
  if ((kind === 'item' || kind === 'childItem') && context.method === 'GET') return answerGetItem(context)
  if ((kind === 'item' || kind === 'childItem') && context.method === 'DELETE') return answerDelete(context)
  return notSimulated(context)
}

function notSimulated(context: AutotaskHandlerContext): Response {
  return autotaskErrors(501, [`The Autotask simulator does not implement ${context.method} ${context.route.template}.`])
}
