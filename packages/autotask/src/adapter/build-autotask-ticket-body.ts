import { type AdapterWarning, type CallOptions, type CheckedTicketCreate, type CheckedTicketUpdate, htmlToText } from '@ticketbridge/core'
import type { AutotaskField } from '../client/autotask-schemas'
import type { ResolvedAutotaskAdapterOptions } from './autotask-adapter-settings'
import { type AutotaskInputResolver, invalidInput } from './autotask-input-resolver'
import type { AutotaskTicketLookups } from './autotask-lookups'

/** What building a ticket body needs. */
export interface TicketBodyContext {
  lookups: AutotaskTicketLookups
  resolver: AutotaskInputResolver
  options: ResolvedAutotaskAdapterOptions
  /** The tickets' user-defined field definitions, for custom fields. */
  userDefinedFields: () => Promise<AutotaskField[]>
  callOptions: CallOptions
}

/**
 * The Autotask body of a ticket create (`mode: 'create'`, with the tenant's defaults for what
 * Autotask requires: company, status, priority, and a queue unless someone is assigned) or of a
 * partial update (only the fields given). What Autotask cannot keep becomes a warning: tags,
 * the team, unknown custom fields. HTML is written as text and the creation time left to
 * Autotask; the adapter runtime warns about those.
 */
export async function buildAutotaskTicketBody(
  input: CheckedTicketCreate | CheckedTicketUpdate,
  mode: 'create' | 'update',
  context: TicketBodyContext,
): Promise<{ body: Record<string, unknown>; warnings: AdapterWarning[] }> {
  const { lookups, resolver, options, callOptions } = context
  const warnings: AdapterWarning[] = []
  const body: Record<string, unknown> = {}

  if (input.subject !== undefined) body.title = input.subject
  if (input.description !== undefined) {
    const { text, html } = input.description
    body.description = text.trim() === '' && html !== undefined ? htmlToText(html) : text
  }

  if (input.status) body.status = resolver.status(input.status, lookups)
  else if (mode === 'create') body.status = Number(lookups.statuses.defaultValue() ?? 1)

  if (input.priority) body.priority = resolver.priority(input.priority, lookups)
  else if (mode === 'create') body.priority = Number(lookups.priorities.defaultValue() ?? resolver.priority({ level: 'normal' }, lookups))

  if (input.type) body.issueType = resolver.picklist(lookups.issueTypes, input.type, 'type')

  if (input.organization) body.companyID = await resolver.company(input.organization, 'organization', callOptions)
  else if (mode === 'create') body.companyID = options.defaultCompanyId

  if (input.requester) body.contactID = await resolver.contact(input.requester, 'requester', callOptions)

  const vendorFields = { ...(input.vendorOptions?.autotask ?? {}) }
  if (input.assignee) {
    const resourceId = await resolver.resource(input.assignee, 'assignee', callOptions)
    body.assignedResourceID = resourceId
    // Autotask takes a resource only together with a role the resource holds.
    body.assignedResourceRoleID =
      typeof vendorFields.assignedResourceRoleID === 'number'
        ? vendorFields.assignedResourceRoleID
        : await resolver.defaultRoleOf(resourceId, 'assignee', callOptions)
  }

  if (input.queue) body.queueID = resolver.picklist(lookups.queues, input.queue, 'queue')
  else if (mode === 'create' && body.assignedResourceID === undefined && vendorFields.queueID === undefined) {
    // A ticket needs a queue or a primary resource.
    const queue =
      options.defaultQueue !== undefined
        ? resolver.choice(lookups.queues, options.defaultQueue, 'defaultQueue')
        : Number(lookups.queues.defaultValue() ?? lookups.queues.active[0]?.value ?? Number.NaN)
    if (!Number.isNaN(queue)) body.queueID = queue
  }

  if (input.team) warnings.push({ type: 'unsupported', field: 'team', message: 'Autotask tickets have no team; use queue. The team was left out.' })
  if (input.tags && input.tags.length > 0)
    warnings.push({ type: 'unsupported', field: 'tags', message: 'Tags are not written through this adapter; they were left out.' })
  if (input.dueAt !== undefined) body.dueDateTime = input.dueAt

  const userDefined: { name: string; value: string | null }[] = []
  if (input.customFields && Object.keys(input.customFields).length > 0) {
    const definitions = await context.userDefinedFields()
    for (const [key, value] of Object.entries(input.customFields)) {
      const definition = definitions.find(
        (field) => field.name.toLowerCase() === key.toLowerCase() || field.label?.toLowerCase() === key.toLowerCase(),
      )
      if (!definition) {
        warnings.push({
          type: 'unsupported',
          field: `customFields.${key}`,
          message: `The tickets have no user-defined field "${key}"; the value was left out.`,
        })
        continue
      }
      userDefined.push({ name: definition.name, value: value === null ? null : Array.isArray(value) ? value.join(', ') : String(value) })
    }
  }

  if (input.externalId !== undefined) {
    if ('udf' in options.externalId) userDefined.push({ name: options.externalId.udf, value: input.externalId })
    else body[options.externalId.field] = input.externalId
  }
  if (userDefined.length > 0) body.userDefinedFields = userDefined

  // Vendor fields go last: the caller asked for exactly these.
  Object.assign(body, vendorFields)
  if (mode === 'create' && typeof body.companyID !== 'number') throw invalidInput('organization', 'Autotask tickets need a company')
  return { body, warnings }
}
