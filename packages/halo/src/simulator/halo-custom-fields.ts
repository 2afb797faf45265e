import { normaliseHaloDate } from './halo-date-format'
import { haloError } from './halo-responses'
import type { HaloSimulatorState } from './halo-simulator-state'
import type { HaloJson } from './halo-table'

/** Custom fields of tickets, clients, sites and assets: `[{ id, value }]` as stored, rendered with their definitions. */

/** Custom field values as stored: `[{ id, value }]`. */
export function customFieldValues(record: HaloJson): { id: number; value: unknown }[] {
  return Array.isArray(record.customfields) ? (record.customfields as { id: number; value: unknown }[]) : []
}

/** Merges `[{ id | name, value }]` into the stored values, resolving names and choice labels. */
export function mergeCustomFields(state: HaloSimulatorState, stored: unknown, incoming: unknown, usage: number): { id: number; value: unknown }[] {
  const current = new Map((Array.isArray(stored) ? (stored as { id: number; value: unknown }[]) : []).map((entry) => [entry.id, entry.value]))
  if (incoming === undefined || incoming === null) return [...current].map(([id, value]) => ({ id, value }))
  if (!Array.isArray(incoming)) throw haloError.exception('customfields must be an array of { id, value } objects.')
  for (const entry of incoming as HaloJson[]) {
    const definition =
      typeof entry.id === 'number'
        ? state.fieldInfos.get(entry.id)
        : typeof entry.name === 'string'
          ? state.fieldInfos.all().find((field) => String(field.name).toLowerCase() === String(entry.name).toLowerCase())
          : undefined
    if (definition?.custom !== 1 || definition.usage !== usage) {
      throw haloError.result(`Custom field ${JSON.stringify(entry.id ?? entry.name)} does not exist for this record type.`)
    }
    let value = entry.value
    const choices = Array.isArray(definition.values) ? (definition.values as { id: number; name: string }[]) : []
    if (choices.length > 0 && typeof value === 'string' && !/^\d+$/.test(value)) {
      const label = value.toLowerCase()
      const choice = choices.find((option) => option.name.toLowerCase() === label)
      if (!choice) throw haloError.result(`'${value}' is not a choice of custom field ${String(definition.name)}.`)
      value = choice.id
    }
    if (definition.type === 4 && typeof value === 'string' && value.trim() !== '') value = normaliseHaloDate(value) ?? value
    current.set(definition.id as number, value)
  }
  return [...current].map(([id, value]) => ({ id, value }))
}

/** Custom fields as Halo renders them on a single record: the definition with `value` and `display`. */
export function renderCustomFields(state: HaloSimulatorState, stored: unknown, usage: number, onlyIds?: number[]): HaloJson[] {
  const values = new Map((Array.isArray(stored) ? (stored as { id: number; value: unknown }[]) : []).map((entry) => [entry.id, entry.value]))
  const definitions = state.fieldInfos
    .all()
    .filter(
      (field) =>
        field.custom === 1 &&
        field.usage === usage &&
        (onlyIds === undefined || onlyIds.includes(field.id as number) || values.has(field.id as number)),
    )
  return definitions.map((field) => {
    const value = values.get(field.id as number) ?? ''
    const choices = Array.isArray(field.values) ? (field.values as { id: number; name: string }[]) : []
    const display = choices.length > 0 ? (choices.find((choice) => choice.id === Number(value))?.name ?? '') : value === null ? '' : String(value)
    return {
      id: field.id,
      name: field.name,
      label: field.label,
      summary: field.label,
      type: field.type,
      inputtype: field.inputtype,
      usage: field.usage,
      characterlimit: field.characterlimit,
      value,
      display,
    }
  })
}
