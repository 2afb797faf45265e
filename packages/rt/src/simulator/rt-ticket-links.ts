/** Links between tickets (and to other URIs): RT::Ticket->AddLink and ->DeleteLink. */
import type { RtDatabase } from './rt-database'
import type { RtTicket, RtUser } from './rt-records'
import type { ScripEnvironment } from './rt-scrips'
import { type ActionResult, canModifyTicket, failure, ticketTransaction } from './rt-ticket-actions'

/** Link names clients use, with RT's stored type and which end the ticket is (RT::Link %TYPEMAP). */
export const linkNames = {
  MemberOf: { type: 'MemberOf', mode: 'Target' },
  Parent: { type: 'MemberOf', mode: 'Target' },
  Parents: { type: 'MemberOf', mode: 'Target' },
  Members: { type: 'MemberOf', mode: 'Base' },
  Member: { type: 'MemberOf', mode: 'Base' },
  Child: { type: 'MemberOf', mode: 'Base' },
  Children: { type: 'MemberOf', mode: 'Base' },
  HasMember: { type: 'MemberOf', mode: 'Base' },
  RefersTo: { type: 'RefersTo', mode: 'Target' },
  ReferredToBy: { type: 'RefersTo', mode: 'Base' },
  DependsOn: { type: 'DependsOn', mode: 'Target' },
  DependedOnBy: { type: 'DependsOn', mode: 'Base' },
} as const
export type LinkName = keyof typeof linkNames

const linkVerbs: Record<string, string> = { MemberOf: 'member of', RefersTo: 'refers to', DependsOn: 'depends on' }
/** How RT records a link on each end: the base's field and the target's field. */
const linkFields: Record<string, [base: string, target: string]> = {
  MemberOf: ['MemberOf', 'HasMember'],
  RefersTo: ['RefersTo', 'ReferredToBy'],
  DependsOn: ['DependsOn', 'DependedOnBy'],
}

function resolveLinkEnd(database: RtDatabase, value: string): { uri: string; ticket: RtTicket | undefined } | undefined {
  const ticketId = database.ticketIdFromUri(value.trim())
  if (ticketId !== undefined) {
    const ticket = database.tickets.get(ticketId)
    return ticket ? { uri: database.ticketUri(ticket.id), ticket } : undefined
  }
  return /^[a-z][a-z0-9+.-]*:/i.test(value.trim()) ? { uri: value.trim(), ticket: undefined } : undefined
}

function linkLabel(end: { uri: string; ticket: RtTicket | undefined }): string {
  return end.ticket ? `Ticket ${end.ticket.id}` : end.uri
}

/** RT::Ticket->AddLink: the link row and an `AddLink` transaction on each local end. */
export function addLink(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, name: LinkName, value: string): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const other = resolveLinkEnd(database, value)
  if (!other) return failure(`Couldn't resolve '${value}' into a URI.`)
  if (other.ticket?.id === ticket.id) return failure("Can't link a ticket to itself")
  const { type, mode } = linkNames[name]
  const self = { uri: database.ticketUri(ticket.id), ticket }
  const [base, target] = mode === 'Target' ? [self, other] : [other, self]
  for (const link of database.links.values()) {
    if (link.type === type && link.base === base.uri && link.target === target.uri) return failure('Link already exists')
  }
  const linkId = database.nextId('link')
  database.links.set(linkId, {
    id: linkId,
    type,
    base: base.uri,
    target: target.uri,
    localBase: base.ticket?.id ?? 0,
    localTarget: target.ticket?.id ?? 0,
    creatorId: actor.id,
    created: database.now(),
  })
  const [baseField, targetField] = linkFields[type] as [string, string]
  if (base.ticket) ticketTransaction(environment, base.ticket, actor, { type: 'AddLink', field: baseField, newValue: target.uri })
  if (target.ticket) ticketTransaction(environment, target.ticket, actor, { type: 'AddLink', field: targetField, newValue: base.uri })
  return { ok: true, message: `${linkLabel(base)} ${linkVerbs[type] ?? type} ${linkLabel(target)}.` }
}

/** RT::Ticket->DeleteLink. */
export function deleteLink(environment: ScripEnvironment, actor: RtUser, ticket: RtTicket, name: LinkName, value: string): ActionResult {
  const { database } = environment
  if (!canModifyTicket(database, actor)) return failure('Permission Denied')
  const other = resolveLinkEnd(database, value) ?? { uri: value, ticket: undefined }
  const { type, mode } = linkNames[name]
  const self = { uri: database.ticketUri(ticket.id), ticket }
  const [base, target] = mode === 'Target' ? [self, other] : [other, self]
  const link = [...database.links.values()].find(
    (candidate) => candidate.type === type && candidate.base === base.uri && candidate.target === target.uri,
  )
  if (!link) return failure("Couldn't find that link")
  database.links.delete(link.id)
  const [baseField, targetField] = linkFields[type] as [string, string]
  if (base.ticket) ticketTransaction(environment, base.ticket, actor, { type: 'DeleteLink', field: baseField, oldValue: target.uri })
  if (target.ticket) ticketTransaction(environment, target.ticket, actor, { type: 'DeleteLink', field: targetField, oldValue: base.uri })
  return { ok: true, message: `${linkLabel(base)} no longer ${linkVerbs[type] ?? type} ${linkLabel(target)}.` }
}
