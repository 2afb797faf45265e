import type { RtUser } from './rt-records'

/**
 * How RT formats a user in history lines (RT::User->Format): `root (Enoch Root)` for privileged
 * users, `<dave@example.com>` or `Real Name <address>` for others, the real name alone for
 * users without an address (`Nobody in particular`).
 */
export function formatUser(user: RtUser): string {
  if (user.privileged) return user.realName ? `${user.name} (${user.realName})` : user.name
  if (user.emailAddress) return user.realName ? `${user.realName} <${user.emailAddress}>` : `<${user.emailAddress}>`
  return user.realName || user.name
}
