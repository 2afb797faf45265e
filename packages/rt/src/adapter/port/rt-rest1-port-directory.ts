import type { Rest1FormValue } from '../../client/rest1/rt-rest1-form-encoder'
import { ticketSqlString } from '../rt-ticket-sql'
import type { RtPort } from './rt-port'
import { type RtLinks, rtSystemUserNames, type RtUserRecord } from './rt-port-records'
import { rest1PageOf } from './rt-rest1-listings'
import { type Rest1PortContext, rest1UserIds, rest1UserRecord } from './rt-rest1-port-context'

type Rest1DirectoryPort = Pick<
  RtPort,
  'listUsers' | 'getUser' | 'findUserId' | 'createUser' | 'queues' | 'ticketCustomFields' | 'ticketLinks' | 'addLink'
>

/** A link URI's local ticket id (`fsck.com-rt://example.com/ticket/12` → `12`); other URIs as they are. */
function linkTarget(uri: string): string {
  return /\/ticket\/(\d+)$/.exec(uri)?.[1] ?? uri
}

/**
 * The directory part of the REST 1.0 port: users through `search/user` (privileged ones without a
 * query, all with one; both need AdminUsers) and their forms; queues by `search/queue`; custom
 * field names per queue (REST 1.0 shows no types); links, set a whole type at a time.
 */
export function createRest1DirectoryPort(context: Rest1PortContext): Rest1DirectoryPort {
  const { rest1 } = context

  return {
    async listUsers(cursor, _perPage, call) {
      const users = await context.listings.read('users', cursor === undefined, async () => {
        const [privilegedIds, all] = await Promise.all([
          rest1.request('GET', '/search/user', { ...call, query: { query: '', format: 'i' } }),
          rest1.request('GET', '/search/user', { ...call, query: { query: 'id > 0', format: 'i', orderby: '+id' } }),
        ])
        const privileged = new Set(rest1UserIds(privilegedIds))
        const records = await Promise.all(rest1UserIds(all).map((id) => context.lookupUser(id, call)))
        return records
          .filter((user): user is RtUserRecord => user !== undefined && !rtSystemUserNames.has(user.name))
          .map((user) => ({ ...user, privileged: privileged.has(user.id) }))
      })
      return rest1PageOf(users, cursor)
    },

    getUser: async (id, call) => rest1UserRecord(await rest1.getUser(id, call)),

    async findUserId(email, call) {
      const ids = await rest1.request('GET', '/search/user', {
        ...call,
        query: { query: `EmailAddress = ${ticketSqlString(email.trim())}`, format: 'i' },
      })
      return rest1UserIds(ids)[0]
    },

    async createUser(fields, extra, call) {
      return (await rest1.createUser({ ...(extra as Record<string, Rest1FormValue>), ...fields }, call)).id
    },

    async queues(call, refresh) {
      return [...(await context.queueIds(call, refresh))].map(([name, id]) => ({ id, name }))
    },

    /** Names only: REST 1.0 lists each queue's ticket custom fields without their types. */
    async ticketCustomFields(call, refresh) {
      const names = new Set<string>()
      for (const id of (await context.queueIds(call, refresh)).values()) {
        const payload = await rest1.request('GET', `/queue/${id}/ticketcustomfields`, call)
        for (const line of payload.split('\n')) {
          const match = /^([^:#][^:]*):/.exec(line)
          if (match && match[1] !== 'id') names.add(match[1]!.trim())
        }
      }
      return [...names].map((name) => ({ name }))
    },

    async ticketLinks(ticketId, call) {
      const links = await rest1.getLinks(ticketId, call)
      return Object.fromEntries(Object.entries(links).map(([type, uris]) => [type, uris.map(linkTarget)])) as unknown as RtLinks
    },

    /** REST 1.0 sets a link type's whole list: the links there are, and the new one. */
    async addLink(ticketId, type, targetId, call) {
      const current = (await rest1.getLinks(ticketId, call))[type].map(linkTarget)
      if (current.includes(targetId)) return { messages: [] }
      return rest1.updateLinks(ticketId, { [type]: [...current, targetId] }, call)
    },
  }
}
