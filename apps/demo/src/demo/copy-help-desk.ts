import { createHash } from 'node:crypto'
import type { AdapterWarning, Reference, TicketingAdapter } from '@ticketbridge/core'

/** What the copy did, per entity, and every warning the target gave back. */
export interface CopySummary {
  counts: Record<'tickets' | 'comments' | 'attachments' | 'people' | 'organizations', { source: number; target: number }>
  attachmentBytes: { source: number; target: number; identical: boolean }
  warnings: { record: string; warning: AdapterWarning }[]
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Copies every ticket with its people, organization, comments and files from one adapter to
 * another through the neutral interface only, then reads both sides back to compare. A small
 * preview of the migration engine: it shows the contract, not the engine's resumability.
 */
export async function copyHelpDesk(source: TicketingAdapter, target: TicketingAdapter): Promise<CopySummary> {
  const warnings: CopySummary['warnings'] = []
  const organizationIds = new Map<string, string>()
  const personIds = new Map<string, string>()
  const sourceDigests: string[] = []
  let sourceBytes = 0

  async function mapOrganization(reference: Reference | undefined): Promise<string | undefined> {
    if (!reference) return undefined
    if (!organizationIds.has(reference.id)) {
      const organization = await source.organizations.get(reference.id)
      const existing = await target.organizations.findByName(organization.name)
      organizationIds.set(reference.id, existing?.id ?? (await target.organizations.create({ name: organization.name })).record.id)
    }
    return organizationIds.get(reference.id)
  }

  async function mapPerson(reference: Reference | undefined): Promise<string | undefined> {
    if (!reference) return undefined
    if (!personIds.has(reference.id)) {
      const person = await source.people.get(reference.id)
      const existing = person.email ? await target.people.findByEmail(person.email) : undefined
      const organization = await mapOrganization(person.organization)
      const created =
        existing ??
        (await target.people.create({ kind: person.kind, name: person.name, email: person.email, organization: organization ? { id: organization } : undefined })).record
      personIds.set(reference.id, created.id)
    }
    return personIds.get(reference.id)
  }

  const counts: CopySummary['counts'] = {
    tickets: { source: 0, target: 0 },
    comments: { source: 0, target: 0 },
    attachments: { source: 0, target: 0 },
    people: { source: 0, target: 0 },
    organizations: { source: 0, target: 0 },
  }

  // The whole directory moves, not only the people tickets mention: contacts without tickets yet are customers too.
  for await (const organization of source.organizations.list()) await mapOrganization({ id: organization.id })
  for await (const person of source.people.list()) await mapPerson({ id: person.id })

  for await (const ticket of source.tickets.list()) {
    counts.tickets.source += 1
    const existing = await target.tickets.findByExternalId(`${source.vendor}:${ticket.id}`)
    if (existing) continue
    const requester = await mapPerson(ticket.requester)
    const assignee = await mapPerson(ticket.assignee)
    const organization = await mapOrganization(ticket.organization)
    const created = await target.tickets.create(
      {
        subject: ticket.subject,
        description: ticket.description,
        status: { category: ticket.status.category, name: ticket.status.name },
        priority: { level: ticket.priority.level },
        requester: requester ? { id: requester } : undefined,
        assignee: assignee ? { id: assignee } : undefined,
        organization: organization ? { id: organization } : undefined,
        tags: ticket.tags,
        externalId: `${source.vendor}:${ticket.id}`,
        createdAt: ticket.createdAt,
      },
      { silent: true },
    )
    for (const warning of created.warnings) warnings.push({ record: `ticket ${ticket.id}`, warning })
    for await (const comment of source.comments.list(ticket.id)) {
      counts.comments.source += 1
      const author = await mapPerson(comment.author)
      const result = await target.comments.create(
        created.record.id,
        { body: comment.body, visibility: comment.visibility, author: author ? { id: author } : undefined, createdAt: comment.createdAt },
        { silent: true },
      )
      for (const warning of result.warnings) warnings.push({ record: `comment ${comment.id}`, warning })
    }
    for await (const attachment of source.attachments.list(ticket.id)) {
      counts.attachments.source += 1
      const data = await source.attachments.download(attachment)
      sourceBytes += data.byteLength
      sourceDigests.push(digest(data))
      await target.attachments.upload(created.record.id, { filename: attachment.filename, contentType: attachment.contentType, data })
    }
  }

  const targetDigests: string[] = []
  let targetBytes = 0
  for await (const ticket of target.tickets.list()) {
    counts.tickets.target += 1
    for await (const _comment of target.comments.list(ticket.id)) counts.comments.target += 1
    for await (const attachment of target.attachments.list(ticket.id)) {
      counts.attachments.target += 1
      const data = await target.attachments.download(attachment)
      targetBytes += data.byteLength
      targetDigests.push(digest(data))
    }
  }
  for await (const _person of source.people.list()) counts.people.source += 1
  for await (const _person of target.people.list()) counts.people.target += 1
  for await (const _organization of source.organizations.list()) counts.organizations.source += 1
  for await (const _organization of target.organizations.list()) counts.organizations.target += 1

  return {
    counts,
    attachmentBytes: {
      source: sourceBytes,
      target: targetBytes,
      identical: sourceDigests.sort().join() === targetDigests.sort().join(),
    },
    warnings,
  }
}
