/** Users as RT creates and names them (principals, autocreated watchers, display formats). */
import { type RtDatabase, systemUserId } from './rt-database'
import type { RtUser } from './rt-records'
import { recordTransaction } from './rt-transactions'

/** Splits `Name <address>` (or a bare address) into its parts. */
export function parseEmailAddress(text: string): { address: string; realName: string | null } | undefined {
  const trimmed = text.trim()
  const angled = /^(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed)
  if (angled) return { address: angled[2] as string, realName: angled[1]?.trim() || null }
  if (/^[^\s@<>]+@[^\s@<>]+$/.test(trimmed)) return { address: trimmed, realName: null }
  return undefined
}

/** Creates a user row, its ACL-equivalence group, and the user's Create transaction. */
export function createUser(database: RtDatabase, fields: Partial<RtUser> & Pick<RtUser, 'name'>, creatorId = systemUserId): RtUser {
  const id = database.nextId('principal')
  const groupId = database.nextId('principal')
  const now = database.now()
  const user: RtUser = {
    id,
    password: null,
    emailAddress: null,
    realName: null,
    gecos: null,
    comments: null,
    organization: null,
    privileged: false,
    disabled: false,
    superUser: false,
    created: now,
    lastUpdated: now,
    creatorId,
    lastUpdatedById: creatorId,
    ...fields,
  }
  database.users.set(id, user)
  database.groups.set(groupId, { id: groupId, name: 'UserEquiv', domain: 'ACLEquivalence', instance: id, memberIds: [id], created: now })
  recordTransaction(database, { objectType: 'RT::User', objectId: id, type: 'Create', creatorId })
  setSystemGroups(database, user)
  return user
}

/**
 * RT's watcher canonicalisation: a user id, a user name, or an address (loaded, or created as an
 * unprivileged user "Autocreated when added as a watcher"). Returns an error text otherwise.
 */
export function loadOrCreateWatcher(database: RtDatabase, value: string): RtUser | string {
  const existing = database.findUser(value.trim())
  if (existing) return existing
  const parsed = parseEmailAddress(value)
  if (!parsed) return `Couldn't load or create user: ${value.trim()}`
  const byAddress = database.findUser(parsed.address)
  if (byAddress) return byAddress
  return createUser(database, {
    name: parsed.address,
    emailAddress: parsed.address,
    realName: parsed.realName,
    comments: 'Autocreated when added as a watcher',
  })
}

const privilegedGroupId = 4
const unprivilegedGroupId = 5
const everyoneGroupId = 3

/** Puts a user in the Privileged or Unprivileged system group (and Everyone). */
export function setSystemGroups(database: RtDatabase, user: RtUser): void {
  for (const groupId of [everyoneGroupId, privilegedGroupId, unprivilegedGroupId]) {
    const group = database.groups.get(groupId)
    if (!group) continue
    const belongs = groupId === everyoneGroupId || (groupId === privilegedGroupId) === user.privileged
    group.memberIds = group.memberIds.filter((id) => id !== user.id)
    if (belongs) group.memberIds.push(user.id)
  }
}
