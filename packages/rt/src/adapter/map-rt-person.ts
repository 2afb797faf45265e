import type { Person, Reference } from '@ticketbridge/core'
import type { Rest2Reference, Rest2User } from '../client/rest2/rt-rest2-types'

/** The user fields asked of every user reference (`fields[Owner]=…`), so references carry the numeric id. */
export const rtUserReferenceFields = ['id', 'Name', 'EmailAddress', 'RealName'] as const

/** RT's built-in pseudo-users: not people, never listed, and an owner `Nobody` means unassigned. */
export const rtSystemUserNames: ReadonlySet<string> = new Set(['Nobody', 'RT_System'])

/**
 * A person reference from an expanded user reference: the numeric user id (the id people are
 * read by), the real name or else the user name, and the address. `undefined` for Nobody.
 */
export function rtPersonReference(reference: Rest2Reference | undefined): Reference | undefined {
  if (!reference || reference.type !== 'user') return undefined
  const name = typeof reference.Name === 'string' ? reference.Name : String(reference.id)
  if (rtSystemUserNames.has(name)) return undefined
  const realName = typeof reference.RealName === 'string' && reference.RealName.trim() !== '' ? reference.RealName.trim() : undefined
  const email = typeof reference.EmailAddress === 'string' && reference.EmailAddress.trim() !== '' ? reference.EmailAddress.trim() : undefined
  return { id: String(reference.id), name: realName ?? name, ...(email ? { email } : {}) }
}

/** A user as a person: privileged users are agents, the others (requestors) contacts. */
export function mapRtUser(user: Rest2User, vendor: string, privileged: boolean): Person {
  const name = (typeof user.RealName === 'string' && user.RealName.trim()) || user.Name || String(user.id)
  const email = typeof user.EmailAddress === 'string' && user.EmailAddress.trim() !== '' ? user.EmailAddress.trim() : undefined
  return { id: String(user.id), vendor, raw: user, kind: privileged ? 'agent' : 'contact', name, ...(email ? { email } : {}) }
}
