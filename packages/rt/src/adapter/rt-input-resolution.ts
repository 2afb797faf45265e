import type {
  AdapterWarning,
  CallOptions,
  CheckedTicketCreate,
  CheckedTicketUpdate,
  CustomFieldValue,
  PrioritySelector,
  ReferenceSelector,
  StatusSelector,
} from '@ticketbridge/core'
import type { RtTicketFields } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'
import { rtInvalid } from './rt-errors'

/** A queue of a write, with its lifecycle where it was read. */
export interface RtResolvedQueue {
  id: string
  lifecycle?: string
}

/**
 * The queue of a write. RT takes a queue by id or name, so the queue list is read only when
 * the queue's lifecycle matters (a status to check or to pick by category) and the API shows
 * lifecycles; a queue this user cannot see is passed on as given, and RT answers (403 for a
 * queue without the right).
 */
export async function resolveQueue(
  context: RtDriverContext,
  selector: ReferenceSelector | undefined,
  call: CallOptions,
  needLifecycle: boolean,
): Promise<RtResolvedQueue> {
  const wanted = selector ?? { name: context.settings.defaultQueue }
  const given = (wanted.id ?? wanted.name ?? wanted.email)!
  if (!needLifecycle || !context.port.showsQueueLifecycles) return { id: given }
  const queues = await context.port.queues(call)
  const found =
    (wanted.id !== undefined ? queues.find((queue) => queue.id === wanted.id) : undefined) ??
    queues.find((queue) => queue.name.toLowerCase() === given.toLowerCase())
  return found ? { id: found.id, ...(found.lifecycle !== undefined ? { lifecycle: found.lifecycle } : {}) } : { id: given }
}

/** A status name for RT; checked against the lifecycle when it is known (else RT checks it). */
export function resolveStatus(context: RtDriverContext, selector: StatusSelector, lifecycle: string | undefined): string {
  const { lifecycles } = context
  if (selector.id !== undefined || selector.name !== undefined) {
    const status = (selector.id ?? selector.name)!.trim()
    const known =
      lifecycle !== undefined && lifecycles.knows(lifecycle) ? lifecycles.statuses([lifecycle]).map((definition) => definition.id) : undefined
    if (known && !known.includes(status) && status !== 'deleted') {
      throw rtInvalid('status', `"${status}" is not a status of the ${lifecycle} lifecycle (${known.join(', ')})`)
    }
    return status
  }
  const status = lifecycles.statusFor(selector.category!, lifecycle ?? 'default')
  if (!status)
    throw rtInvalid(
      'status',
      `the ${lifecycle ?? 'default'} lifecycle has no ${selector.category} status; configure its statuses in the lifecycles setting`,
    )
  return status
}

/** RT priorities are numbers: one given, or a band's by name or level. */
export function resolvePriority(context: RtDriverContext, selector: PrioritySelector): number {
  const { priorities } = context
  if (selector.id !== undefined) {
    const value = Number(selector.id)
    if (!Number.isInteger(value)) throw rtInvalid('priority', `RT priorities are whole numbers, not "${selector.id}"`)
    return value
  }
  if (selector.name !== undefined) {
    const value = priorities.valueForName(selector.name)
    if (value === undefined) throw rtInvalid('priority', `no priority is named "${selector.name}"; see lookups.priorities()`)
    return value
  }
  const value = priorities.valueForLevel(selector.level!)
  if (value === undefined) throw rtInvalid('priority', `no priority band has the level ${selector.level}; see the priorities setting`)
  return value
}

/** What RT takes to name a user in Requestor or Owner: a numeric id, a user name or an address. */
export function userIdentifier(selector: ReferenceSelector): string {
  return (selector.id ?? selector.email ?? selector.name)!
}

type RtCustomFieldWrite = NonNullable<RtTicketFields['CustomFields']>

/**
 * Custom field values as RT takes them. Where the API describes its fields (REST2) they are
 * checked: unknown fields are warned about and left out, a list for a single-value field or a
 * value a select field lacks is refused. Elsewhere RT checks them. `null` clears, on update only.
 */
export async function customFieldValues(
  context: RtDriverContext,
  values: Record<string, CustomFieldValue>,
  warnings: AdapterWarning[],
  call: CallOptions,
  options: { allowNull: boolean },
): Promise<RtCustomFieldWrite> {
  const { port } = context
  const catalog = port.describesCustomFields ? await context.customFieldsByName(call) : undefined
  const result: RtCustomFieldWrite = {}
  for (const [key, value] of Object.entries(values)) {
    const field = catalog?.get(key)
    if (catalog && !field) {
      warnings.push({
        type: 'unsupported',
        field: `customFields.${key}`,
        message: `RT has no ticket custom field "${key}"; the value was left out. See lookups.customFields().`,
      })
      continue
    }
    if (value === null) {
      if (options.allowNull) result[key] = null
      continue
    }
    const list = Array.isArray(value) ? value.map(String) : [String(value)]
    if (!field) {
      result[key] = Array.isArray(value) ? list : list[0]!
      continue
    }
    if (field.maxValues === 1 && list.length > 1) throw rtInvalid(`customFields.${key}`, `"${key}" takes one value, not ${list.length}`)
    if (field.type === 'Select' && port.customFieldValues) {
      const allowed = await port.customFieldValues(field, call)
      const wrong = list.filter((item) => !allowed.includes(item))
      if (wrong.length > 0)
        throw rtInvalid(`customFields.${key}`, `${wrong.map((item) => `"${item}"`).join(', ')} is not one of ${allowed.join(', ')}`)
    }
    result[key] = field.maxValues === 1 ? list[0]! : list
  }
  return result
}

/** The external id as a custom field value; where fields are described, the field must exist. */
export async function externalIdValue(context: RtDriverContext, externalId: string, call: CallOptions): Promise<RtCustomFieldWrite> {
  const field = context.externalIdField
  if (context.port.describesCustomFields && !(await context.customFieldsByName(call)).has(field)) {
    throw rtInvalid(
      'externalId',
      `RT has no ticket custom field "${field}" to keep it in; create a free-form ticket custom field of that name, or set externalIdCustomField`,
    )
  }
  return { [field]: externalId }
}

/** Warnings for what RT tickets do not have: a team, an organization, a type apart from the queue, tags. */
export function leftOutTicketFields(input: CheckedTicketCreate | CheckedTicketUpdate, warnings: AdapterWarning[], write: 'create' | 'update'): void {
  const leftOut = (field: string, message: string) => warnings.push({ type: 'unsupported', field, message })
  if (input.team) leftOut('team', 'RT tickets have no team; use the queue. The team was left out.')
  if (input.organization) leftOut('organization', 'RT has no organizations; the organization was left out.')
  if (input.type)
    leftOut(
      'type',
      write === 'create'
        ? 'In RT the queue decides the lifecycle (the ticket type); the type was left out.'
        : 'In RT the queue decides the lifecycle; the type was left out.',
    )
  if (input.tags && input.tags.length > 0) leftOut('tags', 'RT has no tags; they were left out.')
}
