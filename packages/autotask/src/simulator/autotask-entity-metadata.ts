import { autotaskEntityModel, autotaskSpecIndex, canonicalPropertyName } from '../spec/autotask-spec-index'
import { definitionOf, singularEntityName } from './autotask-entity-definitions'
import type { AutotaskPicklistValue } from './autotask-picklists'
import type { AutotaskQueryFields } from './autotask-query-filter'
import type { AutotaskSimulatorState } from './autotask-simulator-state'

/** What the spec lets an entity do, as `entityInformation` reports it. */
export interface AutotaskEntityCapabilities {
  canCreate: boolean
  canUpdate: boolean
  canDelete: boolean
  canQuery: boolean
}

const capabilities = new Map<string, AutotaskEntityCapabilities>()
for (const spec of Object.values(autotaskSpecIndex.paths)) {
  if (!spec.entity || spec.source === 'peer') continue
  const current = capabilities.get(spec.entity) ?? { canCreate: false, canUpdate: false, canDelete: false, canQuery: false }
  const methods = spec.methods
  if (spec.kind === 'query') current.canQuery = true
  if ((spec.kind === 'collection' || spec.kind === 'childCollection') && methods.post) current.canCreate = true
  if ((spec.kind === 'collection' || spec.kind === 'childCollection') && (methods.patch || methods.put)) current.canUpdate = true
  if ((spec.kind === 'item' || spec.kind === 'childItem') && methods.delete) current.canDelete = true
  capabilities.set(spec.entity, current)
}

/** Create, update, delete and query as the spec's routes allow them for an entity. */
function capabilitiesOf(entity: string): AutotaskEntityCapabilities {
  return capabilities.get(entity) ?? { canCreate: false, canUpdate: false, canDelete: false, canQuery: false }
}

/** Properties that never appear on records or in field metadata (SOAP plumbing). */
const hiddenProperties = new Set(['soapParentPropertyId'])

/** The model properties an entity's records carry, in spec order. */
export function recordPropertiesOf(entity: string): string[] {
  const model = autotaskEntityModel(entity)
  return model ? Object.keys(model.properties).filter((property) => !hiddenProperties.has(property)) : []
}

/** Whether an entity's records carry `userDefinedFields`. */
export function hasUserDefinedFields(entity: string): boolean {
  return recordPropertiesOf(entity).includes('userDefinedFields')
}

/** Field-level lookups the query evaluator and the write validation share. */
export function queryFieldsOf(entity: string, state: AutotaskSimulatorState): AutotaskQueryFields {
  const model = autotaskEntityModel(entity)
  const definition = definitionOf(entity)
  return {
    entityLabel: singularEntityName(entity),
    field(name) {
      if (!model) return undefined
      const canonical = canonicalPropertyName(model, name)
      if (!canonical || hiddenProperties.has(canonical) || canonical === 'userDefinedFields') return undefined
      const dataType = model.properties[canonical]!
      const isQueryable = !(definition.nonQueryable ?? []).includes(canonical) && dataType !== 'object' && dataType !== 'array'
      return { name: canonical, dataType, isQueryable }
    },
    userDefinedField(name) {
      const lower = name.toLowerCase()
      return state.userDefinedFieldsOf(entity).find((field) => field.name.toLowerCase() === lower)
    },
  }
}

/** The picklist of a field on the tenant, when it has one. */
export function picklistOf(state: AutotaskSimulatorState, entity: string, field: string): AutotaskPicklistValue[] | undefined {
  return state.picklists[entity]?.[field]
}

function describePicklist(values: AutotaskPicklistValue[] | undefined): Record<string, unknown>[] | null {
  if (!values) return null
  return values.map((value, index) => ({
    value: String(value.value),
    label: value.label,
    isDefaultValue: value.isDefaultValue ?? false,
    sortOrder: index + 1,
    parentValue: value.parentValue === undefined ? '' : String(value.parentValue),
    isActive: value.isActive ?? true,
    isSystem: value.isSystem ?? false,
  }))
}

/** `GET /{Entity}/entityInformation` → `{ info }`. */
export function describeEntityInformation(entity: string, options: { canWrite: boolean }): Record<string, unknown> {
  const can = capabilitiesOf(entity)
  const access = (allowed: boolean): string => (allowed ? 'All' : 'None')
  return {
    name: entity,
    canCreate: can.canCreate,
    canDelete: can.canDelete,
    canQuery: can.canQuery,
    canUpdate: can.canUpdate,
    userAccessForCreate: access(can.canCreate && options.canWrite),
    userAccessForDelete: access(can.canDelete && options.canWrite),
    userAccessForQuery: access(can.canQuery),
    userAccessForUpdate: access(can.canUpdate && options.canWrite),
    hasUserDefinedFields: hasUserDefinedFields(entity),
    supportsWebhookCallouts: definitionOf(entity).supportsWebhookCallouts ?? false,
  }
}

/** `GET /{Entity}/entityInformation/fields` → the `fields` array (FieldInformationModel). */
export function describeEntityFields(entity: string, state: AutotaskSimulatorState): Record<string, unknown>[] {
  const model = autotaskEntityModel(entity)
  if (!model) return []
  const definition = definitionOf(entity)
  const readOnly = new Set(['id', ...(model.readOnly ?? []), ...(definition.readOnly ?? [])])
  const fields = queryFieldsOf(entity, state)
  return recordPropertiesOf(entity)
    .filter((property) => property !== 'userDefinedFields')
    .map((property) => {
      const picklist = picklistOf(state, entity, property)
      const reference = definition.references?.[property]
      return {
        name: property,
        dataType: model.properties[property],
        length: definition.lengths?.[property] ?? 0,
        isRequired: (definition.required ?? []).includes(property),
        isReadOnly: readOnly.has(property),
        isQueryable: fields.field(property)?.isQueryable ?? false,
        isReference: reference !== undefined,
        referenceEntityType: reference ? singularEntityName(reference) : '',
        isPickList: picklist !== undefined,
        picklistValues: describePicklist(picklist),
        picklistParentValueField: definition.picklistParents?.[property] ?? '',
        isSupportedWebhookField: definition.supportsWebhookCallouts ?? false,
      }
    })
}

/** `GET /{Entity}/entityInformation/userDefinedFields` → the `fields` array (Field). */
export function describeUserDefinedFields(entity: string, state: AutotaskSimulatorState): Record<string, unknown>[] {
  return state.userDefinedFieldsOf(entity).map((field) => ({
    name: field.name,
    label: field.name,
    type: field.type === 'list' ? 'string' : field.type,
    length: field.length ?? 0,
    description: field.description ?? '',
    isRequired: field.isRequired ?? false,
    isReadOnly: false,
    isQueryable: true,
    isReference: false,
    referenceEntityType: '',
    isPickList: field.type === 'list',
    picklistValues: describePicklist(field.picklistValues),
    picklistParentValueField: '',
    defaultValue: field.defaultValue ?? '',
    isSupportedWebhookField: definitionOf(entity).supportsWebhookCallouts ?? false,
  }))
}
