import { canonicalPropertyName, autotaskEntityModel } from '../spec/autotask-spec-index'
import { recordPropertiesOf } from './autotask-entity-metadata'
import type { AutotaskRecord, AutotaskSimulatorState, AutotaskUserDefinedFieldValue } from './autotask-simulator-state'

const attachmentEntities = new Set(['TicketAttachments', 'TicketNoteAttachments'])

/** Whether an entity holds attachment bytes. */
export function isAttachmentEntity(entity: string): boolean {
  return attachmentEntities.has(entity)
}

/** The rows a query of an entity reads; `AttachmentInfo` is the read-only index of every attachment. */
export function sourceRows(entity: string, state: AutotaskSimulatorState): AutotaskRecord[] {
  if (entity !== 'AttachmentInfo') return state.rows(entity)
  const properties = recordPropertiesOf('AttachmentInfo')
  return [...attachmentEntities]
    .flatMap((attachmentEntity) => state.rows(attachmentEntity))
    .map((row) => {
      const projected: Record<string, unknown> = {}
      for (const property of properties) projected[property] = row[property] ?? null
      return projected as AutotaskRecord
    })
    .sort((left, right) => left.id - right.id)
}

/** Fields a query asked for: spec names, or UDF names; unknown names come back in `unknown`. */
export function resolveIncludeFields(
  entity: string,
  state: AutotaskSimulatorState,
  names: string[],
): { fields: string[]; userDefinedFields: string[]; unknown: string[] } {
  const model = autotaskEntityModel(entity)
  const fields: string[] = []
  const userDefinedFields: string[] = []
  const unknown: string[] = []
  for (const name of names) {
    const canonical = model ? canonicalPropertyName(model, name) : undefined
    if (canonical && canonical !== 'userDefinedFields' && canonical !== 'soapParentPropertyId') {
      if (!fields.includes(canonical)) fields.push(canonical)
      continue
    }
    const udf = state.userDefinedFieldsOf(entity).find((field) => field.name.toLowerCase() === name.toLowerCase())
    if (udf) userDefinedFields.push(udf.name)
    else unknown.push(name)
  }
  return { fields, userDefinedFields, unknown }
}

/**
 * A row as Autotask answers it: every model property in spec order, `userDefinedFields`
 * included; with `includeFields` only those fields (and only the named UDFs, else `[]`).
 * Attachment rows carry `data` only when `withData` (the parent-child GET by id).
 */
export function outputRecord(
  entity: string,
  row: AutotaskRecord,
  options: { include?: { fields: string[]; userDefinedFields: string[] }; withData?: string } = {},
): Record<string, unknown> {
  const output: Record<string, unknown> = {}
  const properties = recordPropertiesOf(entity)
  const wanted = options.include ? new Set(options.include.fields) : undefined
  for (const property of properties) {
    if (property === 'userDefinedFields') continue
    if (wanted && !wanted.has(property)) continue
    output[property] = property === 'data' && isAttachmentEntity(entity) ? (options.withData ?? null) : (row[property] ?? null)
  }
  if (properties.includes('userDefinedFields')) {
    const values = ((row.userDefinedFields ?? []) as AutotaskUserDefinedFieldValue[]).map((entry) => ({ ...entry }))
    output.userDefinedFields = options.include ? values.filter((entry) => options.include!.userDefinedFields.includes(entry.name)) : values
  }
  return output
}
