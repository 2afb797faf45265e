import {
  type AdapterWarning,
  type CallOptions,
  type CheckedTicketCreate,
  type CheckedTicketUpdate,
  type RichText,
  type Ticket,
  ValidationError,
  type WriteResult,
} from '@ticketbridge/core'
import type { RtExtraFields, RtTicketChanges, RtTicketFields } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'
import {
  customFieldValues,
  externalIdValue,
  leftOutTicketFields,
  resolvePriority,
  resolveQueue,
  resolveStatus,
  userIdentifier,
} from './rt-input-resolution'
import { readTicket } from './rt-ticket-reads'
import { checkRtUpdateApplied, type RtExpectedChange } from './rt-update-check'

/** Writes a batch keeps in flight at once: RT has no documented limit; a few keep its workers busy without crowding them. */
export const rtWritesAtOnce = 4

/** The description as the first message: HTML where the API keeps it, else the text; nothing when empty. */
function descriptionContent(description: RichText, keepsHtml: boolean): Pick<RtTicketFields, 'Content' | 'ContentType'> {
  if (keepsHtml && description.html !== undefined && description.html.trim() !== '') return { Content: description.html, ContentType: 'text/html' }
  return description.text !== '' ? { Content: description.text, ContentType: 'text/plain' } : {}
}

/** The custom fields of a write: the values asked for and the external id. */
async function customFieldsOf(
  context: RtDriverContext,
  input: CheckedTicketCreate | CheckedTicketUpdate,
  warnings: AdapterWarning[],
  call: CallOptions,
  allowNull: boolean,
) {
  return {
    ...(input.customFields ? await customFieldValues(context, input.customFields, warnings, call, { allowNull }) : {}),
    ...(input.externalId !== undefined ? await externalIdValue(context, input.externalId, call) : {}),
  }
}

/**
 * Creates a ticket. RT's lifecycles say which statuses a new ticket may have (new, open or
 * resolved in the shipped ones); any other status is set right after the create, with a warning
 * when RT did not apply it. The creation time is sent (REST2 passes `Created` on; RT keeps it on
 * some builds only): the runtime compares what RT stored.
 */
export async function createRtTicket(context: RtDriverContext, input: CheckedTicketCreate, call: CallOptions): Promise<WriteResult<Ticket>> {
  const { record, warnings } = await createRtTicketReceipt(context, input, call, { readBack: true })
  return { record: record!, warnings }
}

/**
 * Creates a ticket and answers its id; the ticket is read back only where asked (`readBack`) or
 * where its status had to be set afterwards and RT's answer must be checked.
 */
export async function createRtTicketReceipt(
  context: RtDriverContext,
  input: CheckedTicketCreate,
  call: CallOptions,
  { readBack }: { readBack: boolean },
): Promise<{ id: string; record?: Ticket; warnings: AdapterWarning[] }> {
  const { port, lifecycles } = context
  const warnings: AdapterWarning[] = []
  const queue = await resolveQueue(context, input.queue, call, input.status !== undefined)
  const fields: RtTicketFields = { Queue: queue.id, Subject: input.subject, ...descriptionContent(input.description, port.keepsHtml) }
  let statusAfterCreate: string | undefined
  if (input.status) {
    const status = resolveStatus(context, input.status, queue.lifecycle)
    // Through REST 1.0 queues show no lifecycle: they are taken as RT's default one.
    const lifecycle = queue.lifecycle ?? (port.showsQueueLifecycles ? undefined : 'default')
    const creatable = lifecycle !== undefined ? lifecycles.createStatuses(lifecycle) : undefined
    if (creatable && !creatable.includes(status)) statusAfterCreate = status
    else fields.Status = status
  }
  if (input.priority) fields.Priority = resolvePriority(context, input.priority)
  if (input.requester) fields.Requestor = [userIdentifier(input.requester)]
  if (input.assignee) fields.Owner = userIdentifier(input.assignee)
  if (input.dueAt) fields.Due = input.dueAt
  if (input.createdAt) fields.Created = input.createdAt
  // The files ride on the Create transaction, with the description.
  if (input.attachments?.length)
    fields.Attachments = input.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, data: file.data }))
  leftOutTicketFields(input, warnings, 'create')
  const customFields = await customFieldsOf(context, input, warnings, call, false)
  if (Object.keys(customFields).length > 0) fields.CustomFields = customFields
  const extra: RtExtraFields = { ...input.vendorOptions?.rt }
  let created: Awaited<ReturnType<typeof port.createTicket>>
  try {
    created = await port.createTicket(fields, extra, call)
  } catch (error) {
    // A lifecycle the adapter does not know refused the status: RT refused before creating
    // anything, so create without it and set it afterwards.
    if (!(ValidationError.isInstance(error) && fields.Status !== undefined && /New tickets can not have status/i.test(error.message))) throw error
    statusAfterCreate = fields.Status
    delete fields.Status
    created = await port.createTicket(fields, extra, call)
  }
  if (created.storedDescription) context.descriptions.set(created.id, created.storedDescription)
  if (statusAfterCreate === undefined) {
    if (!readBack) return { id: created.id, warnings }
    return { id: created.id, record: await readTicket(context, created.id, call), warnings }
  }
  const { messages } = await port.setStatus(created.id, statusAfterCreate, call)
  const record = await readTicket(context, created.id, call)
  if (record.status.id !== statusAfterCreate) {
    const reason = messages.join(' ') || 'no reason given'
    warnings.push({
      type: 'substituted',
      field: 'status',
      message: `RT created the ticket but did not set the status ${statusAfterCreate}: ${reason}. It is ${record.status.id}.`,
    })
  }
  return { id: created.id, record, warnings }
}

/**
 * Updates a ticket. The current ticket is read only when the change depends on it: a status
 * chosen by category (from the ticket's lifecycle) or a new first requestor (the others are
 * kept). Where RT answers a refusal with success (REST2), the ticket read afterwards is compared
 * with what was asked.
 */
export async function updateRtTicket(
  context: RtDriverContext,
  id: string,
  input: CheckedTicketUpdate,
  call: CallOptions,
): Promise<WriteResult<Ticket>> {
  const { port } = context
  const ticketId = context.ticketId(id)
  const warnings: AdapterWarning[] = []
  const leftOut = (field: string, message: string) => warnings.push({ type: 'unsupported', field, message })
  const { ifMatch, ...extra }: RtExtraFields = { ...input.vendorOptions?.rt }
  if (ifMatch !== undefined && !port.conditionalUpdates)
    leftOut('vendorOptions.rt.ifMatch', 'RT REST 1.0 has no ETags; the update was not conditional.')
  const changes: RtTicketChanges = {}
  const expected: RtExpectedChange[] = []
  const needsCurrent = (input.status !== undefined && input.queue === undefined && port.showsQueueLifecycles) || input.requester !== undefined
  const current = needsCurrent ? await port.getTicket(ticketId, call) : undefined
  let lifecycle = current?.queue?.lifecycle
  if (input.subject !== undefined) {
    changes.Subject = input.subject
    expected.push({ field: 'subject', matches: (ticket) => ticket.subject === input.subject })
  }
  if (input.queue) {
    const queue = await resolveQueue(context, input.queue, call, input.status !== undefined)
    changes.Queue = queue.id
    lifecycle = queue.lifecycle
    expected.push({
      field: 'queue',
      matches: (ticket) => ticket.queue?.id === queue.id || ticket.queue?.name?.toLowerCase() === queue.id.toLowerCase(),
    })
  }
  if (input.status) {
    const status = resolveStatus(context, input.status, lifecycle)
    changes.Status = status
    expected.push({ field: 'status', matches: (ticket) => ticket.status.id === status })
  }
  if (input.priority) {
    const priority = resolvePriority(context, input.priority)
    changes.Priority = priority
    expected.push({ field: 'priority', matches: (ticket) => ticket.priority.id === String(priority) })
  }
  if (input.assignee) {
    const assignee = input.assignee
    changes.Owner = userIdentifier(assignee)
    expected.push({
      field: 'assignee',
      matches: (ticket) =>
        assignee.id !== undefined
          ? ticket.assignee?.id === assignee.id
          : assignee.email !== undefined
            ? ticket.assignee?.email?.toLowerCase() === assignee.email.toLowerCase()
            : ticket.assignee !== undefined,
    })
  }
  // The model's requester is RT's first requestor: replace it, keep the others.
  if (input.requester) changes.Requestor = [userIdentifier(input.requester), ...(current?.requestors.slice(1).map((requestor) => requestor.id) ?? [])]
  if (input.dueAt !== undefined) changes.Due = input.dueAt
  if (input.description !== undefined)
    leftOut('description', "RT keeps the description as the ticket's first message, which cannot be changed; add a comment instead. It was left out.")
  if (input.createdAt !== undefined) leftOut('createdAt', 'RT sets the creation time only when the ticket is created; it was left out.')
  leftOutTicketFields(input, warnings, 'update')
  const customFields = await customFieldsOf(context, input, warnings, call, true)
  for (const [key, value] of Object.entries(customFields)) {
    const field = key === context.externalIdField && input.externalId !== undefined ? 'externalId' : `customFields.${key}`
    const matches =
      field === 'externalId'
        ? (ticket: Ticket) => ticket.externalId === input.externalId
        : (ticket: Ticket) => JSON.stringify(ticket.customFields[key] ?? null) === JSON.stringify(value)
    expected.push({ field, matches })
  }
  if (Object.keys(customFields).length > 0) changes.CustomFields = customFields
  if (Object.keys(changes).length === 0 && Object.keys(extra).length === 0) return { record: await readTicket(context, ticketId, call), warnings }
  const conditional = typeof ifMatch === 'string' && port.conditionalUpdates ? { ifMatch } : {}
  const { messages } = await port.updateTicket(ticketId, changes, extra, { ...call, ...conditional })
  const record = await readTicket(context, ticketId, call)
  if (port.refusesInMessages) checkRtUpdateApplied(record, expected, messages, `${port.apiUrl}/ticket/${ticketId}`)
  return { record, warnings }
}
