import type { Person, Reference } from '@ticketbridge/core'
import { rtSystemUserNames, type RtUserRecord, type RtUserReference } from './port/rt-port-records'

/**
 * A person reference from a user reference: the id people are read by, the real name or else
 * the user name, and the address. `undefined` for Nobody and RT_System (no one).
 */
export function mapRtUserReference(reference: RtUserReference | undefined): Reference | undefined {
  if (!reference || rtSystemUserNames.has(reference.name)) return undefined
  return { id: reference.id, name: reference.realName ?? reference.name, ...(reference.emailAddress ? { email: reference.emailAddress } : {}) }
}

/** A user as a person: privileged users are agents, the others (requestors) contacts. */
export function mapRtUser(user: RtUserRecord): Person {
  return {
    id: user.id,
    vendor: 'rt',
    raw: user.raw,
    kind: user.privileged ? 'agent' : 'contact',
    name: user.realName ?? user.name,
    ...(user.emailAddress ? { email: user.emailAddress } : {}),
  }
}
