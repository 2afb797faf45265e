import { type RelationDriver, type TicketRelation, UnsupportedOperationError, ValidationError } from '@ticketbridge/core'
import type { RtLinkType } from './port/rt-port-records'
import type { RtDriverContext } from './rt-driver-context'
import { rtRefusalPattern } from './rt-update-check'

const linkTypes: Record<'parent' | 'child' | 'related', RtLinkType> = { parent: 'MemberOf', child: 'Members', related: 'RefersTo' }

/**
 * RT's links between tickets as relations: MemberOf is the parent, Members the children,
 * RefersTo and ReferredToBy related tickets. Links to URLs and other RT objects stay in RT.
 */
export function createRtRelationOperations(context: RtDriverContext): RelationDriver {
  const { port } = context

  return {
    async list(ticketId, call) {
      const links = await port.ticketLinks(context.ticketId(ticketId), call)
      const relations: TicketRelation[] = []
      const add = (relatedTicketId: string, kind: TicketRelation['kind']) => {
        if (!/^\d+$/.test(relatedTicketId)) return
        if (!relations.some((relation) => relation.relatedTicketId === relatedTicketId && relation.kind === kind))
          relations.push({ ticketId, relatedTicketId, kind })
      }
      for (const id of links.MemberOf) add(id, 'parent')
      for (const id of links.Members) add(id, 'child')
      for (const id of [...links.RefersTo, ...links.ReferredToBy]) add(id, 'related')
      return relations
    },

    async create(ticketId, input, { silent: _silent, ...call }) {
      if (input.kind === 'duplicate-of') {
        throw new UnsupportedOperationError('relations.create(kind: duplicate-of)', {
          vendor: 'rt',
          reason: 'RT has no duplicate link; merge the tickets in RT or relate them as related',
        })
      }
      const { messages } = await port.addLink(context.ticketId(ticketId), linkTypes[input.kind], input.relatedTicketId, call)
      // Where RT answers success either way (REST2), its messages say whether it refused.
      const refusals = port.refusesInMessages ? messages.filter((message) => rtRefusalPattern.test(message) && !/already exists/i.test(message)) : []
      if (refusals.length > 0) {
        throw new ValidationError(`RT refused the link: ${refusals.join('; ')}.`, {
          status: 400,
          vendor: 'rt',
          issues: [{ field: 'relatedTicketId', message: refusals.join('; ') }],
        })
      }
      return { record: { ticketId, relatedTicketId: input.relatedTicketId, kind: input.kind }, warnings: [] }
    },
  }
}
