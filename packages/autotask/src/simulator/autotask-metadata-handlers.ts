import { autotaskSpecIndex } from '../spec/autotask-spec-index'
import { describeEntityFields, describeEntityInformation, describeUserDefinedFields } from './autotask-entity-metadata'
import { routeEntity, type AutotaskHandlerContext } from './autotask-handler-context'
import { autotaskJson } from './autotask-responses'

/** What `GET /V1.0/ThresholdInformation` answers (ThresholdStatusResultModel). */
export interface AutotaskThresholdInformation {
  externalRequestThreshold: number
  /** Minutes of the rolling window. */
  requestThresholdTimeframe: number
  currentTimeframeRequestCount: number
}

const rootEntities = Object.keys(autotaskSpecIndex.entities)

/**
 * The metadata routes: `/{Entity}/entityInformation` (`{info}`), `.../fields` and
 * `.../userDefinedFields` (`{fields: [...]}`, also under child routes), `/V1.0/EntityInformation`
 * (`{entityDescriptions: [{info}]}`), `/V1.0/Version`, `/V1.0/Modules` and `/VersionInformation`.
 */
export function answerMetadata(context: AutotaskHandlerContext): Response {
  const canWrite = context.caller.user.access === 'full'
  switch (context.route.spec.kind) {
    case 'entityInformation':
    case 'childEntityInformation':
      return autotaskJson({ info: describeEntityInformation(routeEntity(context), { canWrite }) })
    case 'fields':
    case 'childFields':
      return autotaskJson({ fields: describeEntityFields(routeEntity(context), context.state) })
    case 'userDefinedFields':
    case 'childUserDefinedFields':
      return autotaskJson({ fields: describeUserDefinedFields(routeEntity(context), context.state) })
    case 'entityInformationAll':
      return autotaskJson({ entityDescriptions: rootEntities.map((entity) => ({ info: describeEntityInformation(entity, { canWrite }) })) })
    case 'version':
      return autotaskJson({ majorVersion: '2026', minorVersion: '1', build: '7' })
    case 'modules':
      // Module keys as the tenant reports them; every licensed module is on in the simulator.
      return autotaskJson({ modules: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 20, 24].map((key) => ({ key, value: true })) })
    default:
      return autotaskJson({ apiVersions: ['1.0'] })
  }
}
