import { type CallOptions, NotFoundError } from '@ticketbridge/core'
import type { Rest1Client } from '../../client/rest1/rt-rest1-client'
import type { Rest1HistoryEntry, Rest1Record } from '../../client/rest1/rt-rest1-types'
import type { RtClient } from '../../client/rt-client'
import { rtInputDate } from '../../client/rt-time-zone'
import { ticketSqlString } from '../rt-ticket-sql'
import { createRtCatalog, type RtCatalog } from './rt-catalog'
import { rtSystemUserNames, type RtTransactionRecord, type RtUserRecord, type RtUserReference } from './rt-port-records'
import { RtRest1Listings } from './rt-rest1-listings'

const newMessagePattern = /^(Comments added|Correspondence added) by /

/** What the parts of the REST 1.0 port share: the client, the users and queues read so far, the listings. */
export interface Rest1PortContext {
  rest1: Rest1Client
  listings: RtRest1Listings
  /** Queue ids by name (REST 1.0 names a ticket's queue): kept, read again with `refresh`. */
  queueIds: RtCatalog<Map<string, string>>
  /** A user by id, name or address, read once per adapter. */
  lookupUser(identifier: string, call: CallOptions): Promise<RtUserRecord | undefined>
  /** A user as REST 1.0 names them (owners by name, requestors by address), with the numeric id once read. */
  userReference(identifier: string | undefined, call: CallOptions): Promise<RtUserReference | undefined>
  /** An instant as REST 1.0 forms take dates: wall time in the RT user's time zone, as RT reads it back (see `rtInputDate`). */
  formDate(timestamp: string, call: CallOptions): Promise<string>
  /** A history entry as a transaction, its creator read. */
  transactionOf(entry: Rest1HistoryEntry, call: CallOptions): Promise<RtTransactionRecord>
  /** The transaction a comment or reply just created: the newest message entry of the short history. */
  newestMessage(ticketId: string, call: CallOptions): Promise<Rest1HistoryEntry>
  /** The id of the newest comment or reply on a ticket, from the short history alone. */
  newestMessageId(ticketId: string, call: CallOptions): Promise<string>
}

/** A user's form as a record. */
export function rest1UserRecord(record: Rest1Record): RtUserRecord {
  const field = (name: string) => {
    const value = record.fields[name]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }
  const realName = field('RealName')
  const emailAddress = field('EmailAddress')
  return {
    id: record.id,
    name: field('Name') ?? record.id,
    ...(realName ? { realName } : {}),
    ...(emailAddress ? { emailAddress } : {}),
    privileged: field('Privileged') === '1',
    raw: record.form,
  }
}

/** The ids of a `search/user?format=i` answer (`user/12` lines). */
export function rest1UserIds(payload: string): string[] {
  return [...payload.matchAll(/user\/(\d+)/g)].map((match) => match[1]!)
}

export function createRest1PortContext(client: RtClient): Rest1PortContext {
  const rest1 = client.rest1
  const users = new Map<string, Promise<RtUserRecord | undefined>>()

  async function readUser(identifier: string, call: CallOptions): Promise<RtUserRecord | undefined> {
    try {
      return rest1UserRecord(await rest1.getUser(identifier, call))
    } catch (error) {
      if (!NotFoundError.isInstance(error) || !identifier.includes('@')) throw error
    }
    // A user created with another name than its address.
    const ids = await rest1.request('GET', '/search/user', {
      ...call,
      query: { query: `EmailAddress = ${ticketSqlString(identifier)}`, format: 'i' },
    })
    const id = rest1UserIds(ids)[0]
    return id ? rest1UserRecord(await rest1.getUser(id, call)) : undefined
  }

  function lookupUser(identifier: string, call: CallOptions): Promise<RtUserRecord | undefined> {
    const key = identifier.toLowerCase()
    let found = users.get(key)
    if (!found) {
      found = readUser(identifier, call)
      users.set(key, found)
      found.catch(() => users.delete(key))
    }
    return found
  }

  async function userReference(identifier: string | undefined, call: CallOptions): Promise<RtUserReference | undefined> {
    if (identifier === undefined || identifier === '') return undefined
    // Nobody and RT_System are no one: not read.
    if (rtSystemUserNames.has(identifier)) return { id: identifier, name: identifier }
    const user = await lookupUser(identifier, call)
    if (!user) return { id: identifier, name: identifier }
    const { privileged: _privileged, raw: _raw, ...reference } = user
    return reference
  }

  const queueIds = createRtCatalog(async (call) => {
    const payload = await rest1.request('GET', '/search/queue', { ...call, query: { query: '', format: 's' } })
    const byName = new Map<string, string>()
    for (const line of payload.split('\n')) {
      const match = /^(\d+): (.*)$/.exec(line)
      if (match) byName.set(match[2]!, match[1]!)
    }
    return byName
  })

  async function newestMessageId(ticketId: string, call: CallOptions): Promise<string> {
    const history = await rest1.getHistory(ticketId, call)
    const newest = [...history].reverse().find((entry) => newMessagePattern.test(entry.description))
    if (!newest) throw new NotFoundError(`RT recorded no message on ticket ${ticketId}.`, { status: 404, vendor: 'rt' })
    return newest.id
  }

  return {
    rest1,
    listings: new RtRest1Listings(),
    queueIds,
    lookupUser,
    userReference,
    formDate: async (timestamp, call) => rtInputDate(Date.parse(timestamp), await client.timeZone(call)),
    async transactionOf(entry, call) {
      const creator = await userReference(entry.creator, call)
      const files = entry.attachments.flatMap((attachment) =>
        attachment.filename === undefined
          ? []
          : [
              {
                id: attachment.id,
                filename: attachment.filename,
                contentType: 'application/octet-stream',
                size: attachment.size ?? 0,
                transactionId: entry.id,
                transactionType: entry.type,
                ...(entry.created ? { createdAt: entry.created } : {}),
                raw: attachment,
              },
            ],
      )
      return {
        id: entry.id,
        type: entry.type,
        ...(creator ? { creator } : {}),
        ...(entry.created ? { createdAt: entry.created } : {}),
        timeTaken: Number(entry.timeTaken ?? 0),
        body: { text: entry.content ?? '' },
        files,
        raw: entry.form,
      }
    },
    newestMessage: async (ticketId, call) => rest1.getHistoryEntry(ticketId, await newestMessageId(ticketId, call), call),
    newestMessageId,
  }
}
