import { contentTypeOfFileName } from '@ticketbridge/core'
import { formatAutotaskDate } from './autotask-date'
import type { AutotaskRecord, AutotaskSimulatorState } from './autotask-simulator-state'

/** Who writes, and when. */
export interface AutotaskWriteActor {
  /** Resource the write is attributed to: the impersonated one, else the API user's. */
  resourceId: number
  /** The API user's own resource. */
  apiUserResourceId: number
  /** True when `ImpersonationResourceId` was honoured. */
  impersonating: boolean
  now: number
}

/** What a rule sees: the row about to be stored, the stored one for updates, and the state. */
export interface AutotaskRuleContext {
  entity: string
  operation: 'create' | 'update'
  record: AutotaskRecord | (Record<string, unknown> & { id?: number })
  previous?: AutotaskRecord
  /** Fields the request set (spec names). */
  changed: Set<string>
  state: AutotaskSimulatorState
  actor: AutotaskWriteActor
  /** Decoded bytes of an attachment create. */
  attachmentBytes?: number
}

/** Per-entity business rules: computed fields and errors beyond required/picklist/reference checks. */
export type AutotaskEntityRule = (context: AutotaskRuleContext) => string[]

function stampCreation(context: AutotaskRuleContext, fields: { created: string; creator?: string; touched?: string[] }): void {
  if (context.operation !== 'create') return
  const now = formatAutotaskDate(context.actor.now)
  context.record[fields.created] = now
  if (fields.creator) context.record[fields.creator] = context.actor.resourceId
  for (const field of fields.touched ?? []) context.record[field] = now
  if ('impersonatorCreatorResourceID' in context.record) {
    context.record.impersonatorCreatorResourceID = context.actor.impersonating ? context.actor.apiUserResourceId : null
  }
}

function touch(context: AutotaskRuleContext, fields: string[]): void {
  const now = formatAutotaskDate(context.actor.now)
  for (const field of fields) context.record[field] = now
}

function ticketNumberFor(state: AutotaskSimulatorState, now: number): string {
  const day = formatAutotaskDate(now).slice(0, 10).replaceAll('-', '')
  const prefix = `T${day}.`
  const sameDay = state.rows('Tickets').filter((ticket) => String(ticket.ticketNumber ?? '').startsWith(prefix)).length
  return `${prefix}${String(sameDay + 1).padStart(4, '0')}`
}

const ticketRule: AutotaskEntityRule = (context) => {
  const errors: string[] = []
  const { record, state } = context
  if (context.operation === 'create') {
    record.ticketNumber = ticketNumberFor(state, context.actor.now)
    stampCreation(context, { created: 'createDate', creator: 'creatorResourceID', touched: ['lastActivityDate', 'lastTrackedModificationDateTime'] })
    record.creatorType = 1
    record.lastActivityPersonType = 1
    record.lastActivityResourceID = context.actor.resourceId
  } else {
    touch(context, ['lastActivityDate', 'lastTrackedModificationDateTime'])
    record.lastActivityPersonType = 1
    record.lastActivityResourceID = context.actor.resourceId
  }
  const wasComplete = context.previous?.status === 5
  if (record.status === 5 && !wasComplete) {
    record.completedDate = formatAutotaskDate(context.actor.now)
    record.completedByResourceID = context.actor.resourceId
    record.resolvedDateTime ??= formatAutotaskDate(context.actor.now)
  } else if (record.status !== 5 && wasComplete) {
    record.completedDate = null
    record.completedByResourceID = null
  }

  const resource = record.assignedResourceID
  const role = record.assignedResourceRoleID
  if ((resource === null || resource === undefined) !== (role === null || role === undefined)) {
    errors.push('When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.')
  } else if (
    resource !== null &&
    resource !== undefined &&
    (context.changed.has('assignedResourceID') || context.changed.has('assignedResourceRoleID'))
  ) {
    const linked = state.rows('ResourceRoles').some((row) => row.resourceID === resource && row.roleID === role && row.isActive !== false)
    if (!linked)
      errors.push(
        `The Resource ${String(resource)} is not associated with the Role ${String(role)}; choose a role the resource holds (ResourceRoles).`,
      )
  }
  if ((record.queueID === null || record.queueID === undefined) && (resource === null || resource === undefined)) {
    errors.push('A ticket must be assigned to a Queue (queueID) or to a primary Resource (assignedResourceID and assignedResourceRoleID).')
  }
  if (record.contactID !== null && record.contactID !== undefined && (context.changed.has('contactID') || context.changed.has('companyID'))) {
    const contact = state.get('Contacts', Number(record.contactID))
    const company = state.get('Companies', Number(record.companyID))
    if (contact && contact.companyID !== record.companyID && contact.companyID !== company?.parentCompanyID) {
      errors.push(`The contact ${String(record.contactID)} does not belong to the company ${String(record.companyID)} or its parent company.`)
    }
  }
  return errors
}

const ticketNoteRule: AutotaskEntityRule = (context) => {
  if (context.operation === 'create') {
    stampCreation(context, { created: 'createDateTime', creator: 'creatorResourceID', touched: ['lastActivityDate'] })
  } else {
    touch(context, ['lastActivityDate'])
    context.record.impersonatorUpdaterResourceID = context.actor.impersonating ? context.actor.apiUserResourceId : null
  }
  return []
}

/** A note is activity on its ticket: incremental syncs on the ticket's lastActivityDate see it. */
function touchParentTicket(context: AutotaskRuleContext): void {
  const ticket = context.state.get('Tickets', Number(context.record.ticketID))
  if (!ticket) return
  const now = formatAutotaskDate(context.actor.now)
  context.state.update('Tickets', { ...ticket, lastActivityDate: now, lastActivityResourceID: context.actor.resourceId, lastActivityPersonType: 1 })
}

function attachmentRule(parentType: number): AutotaskEntityRule {
  return (context) => {
    const errors: string[] = []
    const { record } = context
    if (context.operation !== 'create') return errors
    const type = String(record.attachmentType ?? '')
    if ((type === 'FILE_ATTACHMENT' || type === 'URL' || type === 'FOLDER_LINK') && !record.fullPath) {
      errors.push('Missing Required Field: fullPath')
    }
    if (type === 'FILE_ATTACHMENT') {
      if (context.attachmentBytes === undefined) errors.push('Missing Required Field: data')
      record.contentType = contentTypeOfFileName(String(record.fullPath ?? ''))
      record.fileSize = context.attachmentBytes ?? 0
    } else {
      record.contentType = null
      record.fileSize = 0
    }
    record.attachDate = formatAutotaskDate(context.actor.now)
    record.attachedByResourceID = context.actor.resourceId
    record.attachedByContactID = null
    record.creatorType = 1
    record.impersonatorCreatorResourceID = context.actor.impersonating ? context.actor.apiUserResourceId : null
    record.parentType = parentType
    record.isTaskAttachment = false
    if (context.entity === 'TicketNoteAttachments') {
      const note = context.state.get('TicketNotes', Number(record.ticketNoteID))
      record.ticketID = note ? note.ticketID : null
      record.parentID = record.ticketNoteID
    } else {
      record.parentID = record.ticketID
    }
    record.data = null
    return errors
  }
}

const companyRule: AutotaskEntityRule = (context) => {
  stampCreation(context, { created: 'createDate', creator: 'createdByResourceID', touched: ['lastActivityDate', 'lastTrackedModifiedDateTime'] })
  if (context.operation === 'update') touch(context, ['lastTrackedModifiedDateTime'])
  return []
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const contactRule: AutotaskEntityRule = (context) => {
  const errors: string[] = []
  stampCreation(context, { created: 'createDate', touched: ['lastActivityDate', 'lastModifiedDate'] })
  if (context.operation === 'update') touch(context, ['lastModifiedDate'])
  const isActive = context.record.isActive
  if (isActive !== null && isActive !== undefined && isActive !== 0 && isActive !== 1) errors.push('isActive must be 0 (inactive) or 1 (active).')
  for (const field of ['emailAddress', 'emailAddress2', 'emailAddress3']) {
    const value = context.record[field]
    if (typeof value === 'string' && value !== '' && !emailPattern.test(value))
      errors.push(`The value '${value}' of ${field} is not a valid email address.`)
  }
  return errors
}

const timeEntryRule: AutotaskEntityRule = (context) => {
  const errors: string[] = []
  const { record } = context
  if (context.operation === 'create') {
    stampCreation(context, { created: 'createDateTime', creator: 'creatorUserID', touched: ['lastModifiedDateTime'] })
  } else {
    touch(context, ['lastModifiedDateTime'])
    record.lastModifiedUserID = context.actor.resourceId
  }
  if ((record.ticketID === null || record.ticketID === undefined) && (record.taskID === null || record.taskID === undefined)) {
    errors.push('A time entry must belong to a ticket (ticketID) or a task (taskID).')
  }
  const hasRange =
    record.startDateTime !== null && record.startDateTime !== undefined && record.endDateTime !== null && record.endDateTime !== undefined
  if (!hasRange && (record.hoursWorked === null || record.hoursWorked === undefined)) {
    errors.push('A time entry needs hoursWorked, or startDateTime and endDateTime.')
  }
  record.timeEntryType ??= record.ticketID ? 2 : 6
  return errors
}

const projectRule: AutotaskEntityRule = (context) => {
  if (context.operation === 'create') {
    stampCreation(context, { created: 'createDateTime', creator: 'creatorResourceID', touched: ['lastActivityDateTime'] })
    context.record.projectNumber = `P${formatAutotaskDate(context.actor.now).slice(0, 10).replaceAll('-', '')}.${String(context.state.count('Projects') + 1).padStart(4, '0')}`
  } else {
    touch(context, ['lastActivityDateTime'])
  }
  return []
}

const configurationItemRule: AutotaskEntityRule = (context) => {
  stampCreation(context, { created: 'createDate', creator: 'createdByPersonID', touched: ['lastModifiedTime'] })
  if (context.operation === 'update') touch(context, ['lastModifiedTime'])
  return []
}

/** Effects on other rows once a write is stored. */
export const autotaskAfterWriteEffects: Record<string, (context: AutotaskRuleContext) => void> = {
  TicketNotes: touchParentTicket,
  TicketAttachments: touchParentTicket,
}

/** Rules by entity; entities without one only get the generic checks. */
export const autotaskEntityRules: Record<string, AutotaskEntityRule> = {
  Tickets: ticketRule,
  TicketNotes: ticketNoteRule,
  TicketAttachments: attachmentRule(4),
  TicketNoteAttachments: attachmentRule(16),
  Companies: companyRule,
  Contacts: contactRule,
  TimeEntries: timeEntryRule,
  Projects: projectRule,
  ConfigurationItems: configurationItemRule,
}
