import type { Organization, Person } from '@ticketbridge/core'
import type { HaloAgent } from '../client/resources/halo-agents'
import type { HaloClientRecord } from '../client/resources/halo-clients'
import type { HaloUser } from '../client/resources/halo-users'
import { agentReferenceId } from './map-halo-ticket'

/** An end user as a contact; its organization is its client. */
export function mapHaloUser(user: HaloUser): Person {
  const clientId = user.client_id
  return {
    id: String(user.id),
    vendor: 'halo',
    raw: user,
    kind: 'contact',
    name: user.name ?? [user.firstname, user.surname].filter(Boolean).join(' '),
    ...(user.emailaddress ? { email: user.emailaddress } : {}),
    ...(typeof clientId === 'number' && clientId > 0
      ? { organization: { id: String(clientId), ...(user.client_name ? { name: user.client_name } : {}) } }
      : {}),
  }
}

/** An agent; its id is `agent:<id>` because agents and end users are numbered separately. */
export function mapHaloAgent(agent: HaloAgent): Person {
  return {
    id: agentReferenceId(agent.id),
    vendor: 'halo',
    raw: agent,
    kind: 'agent',
    name: agent.name ?? [agent.firstname, agent.surname].filter(Boolean).join(' '),
    ...(agent.email ? { email: agent.email } : {}),
  }
}

/** A client as an organization. */
export function mapHaloClient(client: HaloClientRecord): Organization {
  return { id: String(client.id), vendor: 'halo', raw: client, name: client.name ?? '' }
}
