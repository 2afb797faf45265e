import type { AutotaskPathMatch } from '../spec/autotask-spec-index'
import type { AutotaskCaller } from './autotask-auth'
import type { AutotaskWriteActor } from './autotask-entity-rules'
import type { AutotaskAttachmentBudget } from './autotask-request-limits'
import type { AutotaskSimulatorSettings } from './autotask-simulator-options'
import type { AutotaskSimulatorState } from './autotask-simulator-state'

/** Everything a route handler needs to answer one authenticated request. */
export interface AutotaskHandlerContext {
  url: URL
  /** Upper-case HTTP method. */
  method: string
  route: AutotaskPathMatch
  /** The parsed JSON body (undefined when there was none). */
  body: unknown
  state: AutotaskSimulatorState
  settings: AutotaskSimulatorSettings
  caller: AutotaskCaller
  actor: AutotaskWriteActor
  attachmentBudget: AutotaskAttachmentBudget
}

/** The entity of a route (the generator resolved it from the spec). */
export function routeEntity(context: AutotaskHandlerContext): string {
  return context.route.spec.entity!
}

/** The parent id of a child route, when it is an integer. */
export function routeParentId(context: AutotaskHandlerContext): number | undefined {
  const raw = context.route.parameters.parentId
  return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined
}
