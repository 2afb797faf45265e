/** A ticket's custom field values: RT's checks, the value rows, the `CustomField` transactions. */
import type { RtDatabase } from './rt-database'
import type { RtCustomField, RtTicket, RtUser } from './rt-records'
import { type ScripEnvironment, runScrips } from './rt-scrips'
import { type ActionResult, canModifyTicket, failure, ticketTransaction } from './rt-ticket-actions'
import { briefDescription } from './rt-transactions'

/** Why RT refuses a custom field value, or undefined when it takes it. */
export function customFieldValueProblem(customField: RtCustomField, value: string): string | undefined {
  if (customField.type === 'Select' && !customField.values.includes(value)) return 'Invalid value for custom field'
  if (customField.pattern && !new RegExp(customField.pattern).test(value)) return `Input must match ${customField.pattern}`
  return undefined
}

/** Stores one value of a custom field on a ticket (no transaction: callers record their own). */
export function addCustomFieldValueRow(database: RtDatabase, customField: RtCustomField, ticketId: number, value: string, actor: RtUser) {
  const row = {
    id: database.nextId('customFieldValue'),
    customFieldId: customField.id,
    objectType: 'RT::Ticket' as const,
    objectId: ticketId,
    content: value,
    disabled: false,
    created: database.now(),
    creatorId: actor.id,
  }
  database.customFieldValues.set(row.id, row)
  return row
}

/**
 * RT::Record->AddCustomFieldValue: for a single-value field the old value is replaced in one
 * `CustomField` transaction ("Severity low changed to high"), otherwise the value is added.
 */
export function addTicketCustomFieldValue(
  environment: ScripEnvironment,
  actor: RtUser,
  ticket: RtTicket,
  customField: RtCustomField,
  value: string,
): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const problem = customFieldValueProblem(customField, value)
  if (problem) return failure(problem)
  const current = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id)
  let old: (typeof current)[number] | undefined
  if (customField.maxValues === 1) {
    old = current[0]
    if (old && old.content === value) return failure('That is already the current value')
    for (const row of current) row.disabled = true
  } else if (customField.maxValues > 1 && current.length >= customField.maxValues) {
    return failure(`Custom field ${customField.name} can only hold ${customField.maxValues} values`)
  }
  const row = addCustomFieldValueRow(database, customField, ticket.id, value, actor)
  const transaction = ticketTransaction(environment, ticket, actor, {
    type: 'CustomField',
    field: String(customField.id),
    oldValue: old?.content ?? null,
    newValue: value,
    referenceType: 'RT::ObjectCustomFieldValue',
    oldReference: old?.id ?? null,
    newReference: row.id,
  })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: briefDescription(database, transaction) }
}

/** RT::Record->DeleteCustomFieldValue. */
export function deleteTicketCustomFieldValue(
  environment: ScripEnvironment,
  actor: RtUser,
  ticket: RtTicket,
  customField: RtCustomField,
  value: string,
): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const row = database.customFieldValuesOf('RT::Ticket', ticket.id, customField.id).find((candidate) => candidate.content === value)
  if (!row) return failure(`Could not find a value ${value} for custom field ${customField.name}`)
  row.disabled = true
  const transaction = ticketTransaction(environment, ticket, actor, {
    type: 'CustomField',
    field: String(customField.id),
    oldValue: row.content,
    newValue: '',
    referenceType: 'RT::ObjectCustomFieldValue',
    oldReference: row.id,
  })
  runScrips(environment, ticket, transaction)
  return { ok: true, message: `${row.content} is no longer a value for custom field ${customField.name}` }
}
