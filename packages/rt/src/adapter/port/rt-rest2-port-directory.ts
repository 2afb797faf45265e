import { type CallOptions, PermissionError } from '@ticketbridge/core'
import type { Rest2Client } from '../../client/rest2/rt-rest2-client'
import { nextRest2Page } from '../../client/rest2/rt-rest2-paging'
import { rest2LinkFieldByRef, rest2LinkRefs, type Rest2User } from '../../client/rest2/rt-rest2-types'
import { createRtCatalog } from './rt-catalog'
import type { RtPort } from './rt-port'
import { type RtCustomFieldRecord, type RtLinks, type RtQueueRecord, rtSystemUserNames, type RtUserRecord } from './rt-port-records'
import { collectRest2 } from './rt-rest2-message-parts'
import { rest2UserRecord } from './rt-rest2-records'

type Rest2DirectoryPort = Pick<
  RtPort,
  'listUsers' | 'getUser' | 'findUserId' | 'createUser' | 'queues' | 'ticketCustomFields' | 'customFieldValues' | 'ticketLinks' | 'addLink'
>

const userListFields = ['id', 'Name', 'EmailAddress', 'RealName', 'Organization', 'Disabled']

/** The directory part of the REST2 port: users, queues, custom fields, links. */
export function createRest2DirectoryPort(rest2: Rest2Client): Rest2DirectoryPort {
  const customFieldRecords = new Map<string, Promise<string[]>>()
  /** Who is privileged, read when a listing of users starts and kept for its next pages. */
  let privilegedOfListing: Promise<Set<string> | undefined> | undefined

  const queues = createRtCatalog(async (call): Promise<RtQueueRecord[]> => {
    const items = await collectRest2((page) => rest2.listQueues({ ...call, page, perPage: 100, orderBy: 'id', fields: ['Name', 'Lifecycle'] }))
    return items.map((item) => ({ id: String(item.id), name: String(item.Name), lifecycle: String(item.Lifecycle || 'default') }))
  })

  const customFields = createRtCatalog(async (call): Promise<RtCustomFieldRecord[]> => {
    const fields = ['Name', 'Type', 'MaxValues', 'Pattern', 'Description', 'Disabled']
    const items = await collectRest2((page) =>
      rest2.searchCustomFields([{ field: 'LookupType', value: 'RT::Queue-RT::Ticket' }], { ...call, page, perPage: 100, orderBy: 'id', fields }),
    )
    return items.map((item) => ({
      id: String(item.id),
      name: String(item.Name),
      type: String(item.Type ?? 'Freeform'),
      maxValues: Number(item.MaxValues ?? 1),
      pattern: String(item.Pattern ?? ''),
    }))
  })

  async function privilegedUserIds(call: CallOptions): Promise<Set<string> | undefined> {
    try {
      const groups = await rest2.searchGroups(
        [
          { field: 'Domain', value: 'SystemInternal' },
          { field: 'Name', value: 'Privileged' },
        ],
        { ...call, fields: ['Name'] },
      )
      const group = groups.items[0]
      if (!group) return undefined
      const members = await collectRest2((page) =>
        rest2.getGroupMembers(String(group.id), { ...call, users: true, groups: false, page, perPage: 100 }),
      )
      return new Set(members.map((member) => String(member.id)))
    } catch (error) {
      // Reading group members needs AdminGroupMembership; without it each user is read instead.
      if (PermissionError.isInstance(error)) return undefined
      throw error
    }
  }

  async function getUser(id: string, call: CallOptions): Promise<RtUserRecord> {
    const { record } = await rest2.getUser(id, call)
    return rest2UserRecord(record, Number(record.Privileged) === 1)
  }

  return {
    async listUsers(cursor, perPage, call) {
      if (cursor === undefined || !privilegedOfListing) privilegedOfListing = privilegedUserIds(call)
      const privilegedIds = await privilegedOfListing
      const page = cursor === undefined ? 1 : Number(cursor)
      const collection = await rest2.listUsers({ ...call, page, perPage, orderBy: 'id', fields: userListFields })
      const users: RtUserRecord[] = []
      for (const user of collection.items as unknown as Rest2User[]) {
        if (rtSystemUserNames.has(String(user.Name))) continue
        users.push(privilegedIds ? rest2UserRecord(user, privilegedIds.has(String(user.id))) : await getUser(String(user.id), call))
      }
      const next = nextRest2Page(collection)
      return next === undefined ? { items: users } : { items: users, nextCursor: String(next) }
    },

    getUser,

    async findUserId(email, call) {
      const found = await rest2.searchUsers([{ field: 'EmailAddress', value: email.trim() }], { ...call, perPage: 1, orderBy: 'id', fields: ['id'] })
      const user = found.items[0]
      return user ? String(user.id) : undefined
    },

    async createUser(fields, extra, call) {
      return (await rest2.createUser({ ...extra, ...fields }, call)).id
    },

    queues,

    async ticketCustomFields(call, refresh) {
      const fields = await customFields(call, refresh)
      if (refresh) customFieldRecords.clear()
      return fields
    },

    customFieldValues(field, call) {
      const id = field.id ?? field.name
      let found = customFieldRecords.get(id)
      if (!found) {
        found = rest2.getCustomField(id, call).then((response) => response.record.Values ?? [])
        customFieldRecords.set(id, found)
        found.catch(() => customFieldRecords.delete(id))
      }
      return found
    },

    async ticketLinks(ticketId, call) {
      const byRef = await rest2.getTicketLinks(ticketId, call)
      const links: RtLinks = { MemberOf: [], Members: [], RefersTo: [], ReferredToBy: [], DependsOn: [], DependedOnBy: [] }
      for (const ref of rest2LinkRefs) links[rest2LinkFieldByRef[ref]].push(...byRef[ref])
      return links
    },

    addLink: (ticketId, type, targetId, call) => rest2.updateTicketLinks(ticketId, { [`Add${type}`]: targetId }, call),
  }
}
