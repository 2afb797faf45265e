import type { AdapterWarning, Ticket, TicketCreateInput } from '@ticketbridge/core'
import { isUnmapped } from '../mapping/resolve-mapping'
import { hasValue } from './has-value'
import { externalIdStamp, type MigrationContext } from './migration-context'
import { ticketProvenanceLine, withProvenanceLine } from './provenance-line'
import type { DirectoryResolver } from './resolve-directory'
import type { TicketInlineImages } from './ticket-inline-images'

/**
 * The target ticket a source ticket becomes: mapped status, priority, queue, type and custom
 * fields (warning about what has no counterpart), people and organization resolved in the
 * target's directory, the description with its inline images rewritten, and the external id.
 */
export async function buildTicketInput(
  context: MigrationContext,
  directory: DirectoryResolver,
  ticket: Ticket,
  warnings: AdapterWarning[],
  warn: (field: string, message: string) => void,
  inlineImages: TicketInlineImages,
): Promise<TicketCreateInput> {
  const { mapping, source } = context
  const status = mapping.status(ticket)
  const priority = mapping.priority(ticket)
  const queue = mapping.queue(ticket)
  const type = mapping.ticketType(ticket)
  const unmapped = (field: string, value: { value: string }) =>
    warnings.push({ type: 'unsupported', field, message: `${value.value} has no counterpart in the target; left to the target's default.` })
  if (isUnmapped(status)) unmapped('status', status)
  if (isUnmapped(priority)) unmapped('priority', priority)
  if (isUnmapped(queue)) unmapped('queue', queue)
  if (isUnmapped(type)) unmapped('type', type)
  const customFields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(ticket.customFields)) {
    const targetKey = mapping.customField(key)
    // An empty value loses nothing when it has nowhere to go: no warning.
    if (!isUnmapped(targetKey)) customFields[targetKey] = value
    else if (hasValue(value)) {
      warnings.push({
        type: 'unsupported',
        field: `customFields.${key}`,
        message: `Custom field ${key} has no counterpart in the target; its value "${String(value)}" was left out.`,
      })
    }
  }
  const description = await inlineImages.rewrite(ticket.description, 'description')
  warnings.push(...description.warnings)
  const [requester, assignee, organization] = await Promise.all([
    directory.person(ticket.requester, warn, 'requester'),
    directory.person(ticket.assignee, warn, 'assignee'),
    directory.organization(ticket.organization, warn, 'organization'),
  ])
  const sourceDescription = description.body.text.trim() || description.body.html ? description.body : { text: '(no description)' }
  // A target that records the time of import keeps the original one as the description's first line.
  const keepsCreatedAt = context.target.capabilities.tickets.setCreatedAt
  return {
    subject: ticket.subject,
    description: keepsCreatedAt ? sourceDescription : withProvenanceLine(ticketProvenanceLine(ticket, context.source.vendor), sourceDescription),
    ...(isUnmapped(status) ? {} : { status }),
    ...(isUnmapped(priority) ? {} : { priority }),
    ...(queue && !isUnmapped(queue) ? { queue } : {}),
    ...(type && !isUnmapped(type) ? { type } : {}),
    ...(requester ? { requester: { id: requester } } : {}),
    ...(assignee ? { assignee: { id: assignee } } : {}),
    ...(organization ? { organization: { id: organization } } : {}),
    ...(ticket.tags.length > 0 ? { tags: ticket.tags } : {}),
    ...(Object.keys(customFields).length > 0 ? { customFields: customFields as TicketCreateInput['customFields'] } : {}),
    ...(ticket.dueAt ? { dueAt: ticket.dueAt } : {}),
    externalId: externalIdStamp(source.vendor, ticket.id),
    createdAt: ticket.createdAt,
  }
}
