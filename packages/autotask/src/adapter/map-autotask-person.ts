import type { Person } from '@ticketbridge/core'
import type { AutotaskEntityModels } from '../generated/autotask-entities'
import type { AutotaskRecord } from '../client/autotask-query'

export type AutotaskContact = AutotaskRecord<AutotaskEntityModels['Contacts']>
export type AutotaskResource = AutotaskRecord<AutotaskEntityModels['Resources']>

function fullName(first: unknown, last: unknown): string {
  return [first, last].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ')
}

/** A contact (an end user of a customer company) as a person of kind `contact`. */
export function mapAutotaskContact(raw: AutotaskContact): Person {
  const email = [raw.emailAddress, raw.emailAddress2, raw.emailAddress3].find((value): value is string => typeof value === 'string' && value !== '')
  return {
    id: String(raw.id),
    vendor: 'autotask',
    raw,
    kind: 'contact',
    name: fullName(raw.firstName, raw.lastName) || email || `Contact ${raw.id}`,
    ...(email !== undefined ? { email } : {}),
    ...(typeof raw.companyID === 'number' ? { organization: { id: String(raw.companyID) } } : {}),
  }
}

/** A resource (a technician) as a person of kind `agent`. */
export function mapAutotaskResource(raw: AutotaskResource): Person {
  const email = [raw.email, raw.email2, raw.email3].find((value): value is string => typeof value === 'string' && value !== '')
  return {
    id: String(raw.id),
    vendor: 'autotask',
    raw,
    kind: 'agent',
    name: fullName(raw.firstName, raw.lastName) || (typeof raw.userName === 'string' ? raw.userName : '') || `Resource ${raw.id}`,
    ...(email !== undefined ? { email } : {}),
  }
}
