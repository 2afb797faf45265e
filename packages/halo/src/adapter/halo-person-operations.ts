import { type DriverWriteContext, type PersonDriver, type PersonQuery, UnsupportedOperationError } from '@ticketbridge/core'
import { haloPageSizeLimit, localValidationError } from '../client/halo-collection'
import type { HaloAgent } from '../client/resources/halo-agents'
import type { HaloUser } from '../client/resources/halo-users'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'
import { createHaloKeptRead } from './halo-kept-read'
import { haloRowWarnings } from './halo-row-warnings'
import { haloSilentDirectoryFlags } from './halo-silent-flags'
import { mapHaloAgent, mapHaloUser } from './map-halo-person'

const agentPrefix = 'agent:'

/**
 * The site a new end user sits on: the first site of its organization (a client without one gets
 * a main site), else the configured `defaultSiteId`. Halo puts every end user on a site.
 */
async function siteForNewUser(
  halo: HaloDriverContext,
  clientId: number | undefined,
  context: DriverWriteContext,
  sites: Map<number, Promise<number>>,
): Promise<number> {
  const { client } = halo
  if (clientId !== undefined) {
    // One read (or create) per client, shared by its people written side by side: never two main sites.
    const known = sites.get(clientId)
    if (known) return known
    const finding = (async () => {
      const [site] = await client.sites.list({ client_id: clientId, page_size: 1 }, context).toArray({ limit: 1 })
      if (site) return Number(site.id)
      return Number(
        (await client.sites.create({ name: 'Main', client_id: clientId, ...(context.silent ? haloSilentDirectoryFlags : {}) }, context)).id,
      )
    })()
    sites.set(clientId, finding)
    finding.catch(() => sites.get(clientId) === finding && sites.delete(clientId))
    return finding
  }
  // Refused before sending: Halo would refuse an end user without a site.
  if (halo.options.defaultSiteId === undefined) {
    throw localValidationError(
      'person',
      'organization',
      'Halo puts every end user on a site: name the organization (a client with a site), or set the adapter’s defaultSiteId',
    )
  }
  return halo.options.defaultSiteId
}

/**
 * People: end users (`/Users`, contacts, their plain id) and agents (`/Agent`, `agent:<id>`), two
 * id spaces. Lists give end users first (paged), then agents (one answer).
 */
export function createHaloPersonOperations(halo: HaloDriverContext): PersonDriver {
  const { client } = halo
  /**
   * Every end user where they fit one page (`record_count` ≤ 100: a new or small instance), kept
   * for the lookup cache's age with the users this adapter creates added; `undefined` for a
   * larger directory, which is searched by address.
   */
  const users = createHaloKeptRead(
    halo.options.lookupCacheMs,
    (call): Promise<HaloUser[] | undefined> =>
      client.users
        .listPage({ page_size: haloPageSizeLimit, page_no: 1 }, call)
        .then((page) => (page.recordCount !== undefined && page.recordCount <= page.rows.length ? page.rows : undefined)),
  )
  /** Every agent, kept for the lookup cache's age. */
  const agents = createHaloKeptRead(
    halo.options.lookupCacheMs,
    (call): Promise<HaloAgent[]> => client.agents.list({}, call).toArray({ limit: 100_000 }),
  )
  /** The site new end users of each client go on. */
  const sites = new Map<number, Promise<number>>()
  return {
    async listPage(query: PersonQuery, cursor, context) {
      const pageSize = Math.min(query.pageSize ?? haloPageSizeLimit, haloPageSizeLimit)
      const [phase, pageText, fetchedText] = (cursor ?? `${query.kind === 'agent' ? 'agents' : 'users'}:1:0`).split(':') as [string, string, string]
      if (phase === 'users') {
        const page = await client.users.listPage(
          { ...(query.text ? { search: query.text } : {}), page_no: Number(pageText), page_size: pageSize },
          context,
        )
        const fetched = Number(fetchedText) + page.rows.length
        const moreUsers = page.rows.length > 0 && (page.recordCount === undefined || fetched < page.recordCount)
        const next = moreUsers ? `users:${Number(pageText) + 1}:${fetched}` : query.kind === 'contact' ? undefined : 'agents:1:0'
        return { items: page.rows.map(mapHaloUser), ...(next ? { nextCursor: next } : {}) }
      }
      const agents = await client.agents.list(query.text ? { search: query.text } : {}, context).toArray({ limit: 100_000 })
      return { items: agents.map(mapHaloAgent) }
    },

    async get(id, context) {
      if (id.startsWith(agentPrefix))
        return mapHaloAgent(await client.agents.get(requireNumericId(id.slice(agentPrefix.length), 'id', 'person id'), {}, context))
      return mapHaloUser(await client.users.get(requireNumericId(id, 'id', 'person id'), {}, context))
    },

    async findByEmail(email, context) {
      const wanted = email.trim().toLowerCase()
      const hasAddress = (row: HaloUser) =>
        [row.emailaddress, row.email2, row.email3].some((address) => typeof address === 'string' && address.trim().toLowerCase() === wanted)
      // A directory that fits one page is read once for every address; a larger one is searched address by address.
      const directory = await users.get(context)
      const user = directory
        ? directory.find(hasAddress)
        : (await client.users.list({ search: email.trim(), page_size: 100 }, context).toArray({ limit: 1000 })).find(hasAddress)
      if (user) return mapHaloUser(user)
      // Agents are few and answered in one list: read once for every address asked for a while.
      const agent = (await agents.get(context)).find((row) => row.email?.trim().toLowerCase() === wanted)
      return agent ? mapHaloAgent(agent) : undefined
    },

    async create(input, context) {
      if (input.kind === 'agent') {
        throw new UnsupportedOperationError('people.create (kind: agent)', {
          vendor: 'halo',
          reason: 'agents are licensed Halo users; create them in Halo',
        })
      }
      const clientId = input.organization ? await halo.resolver.clientId(input.organization, 'organization', context) : undefined
      const siteId = await siteForNewUser(halo, clientId, context, sites)
      const row = await halo.userWrites.write(
        {
          name: input.name,
          ...(input.email !== undefined ? { emailaddress: input.email } : {}),
          site_id: siteId,
          ...(clientId !== undefined ? { client_id: clientId } : {}),
          ...(context.silent ? haloSilentDirectoryFlags : {}),
          ...input.vendorOptions?.halo,
        },
        context,
      )
      const merged = {
        name: input.name,
        emailaddress: input.email,
        site_id: siteId,
        ...(clientId !== undefined ? { client_id: clientId } : {}),
        ...row,
      } as typeof row
      halo.resolver.rememberUser(merged)
      users
        .kept()
        ?.then((rows) => rows?.push(merged))
        .catch(() => {})
      return { record: mapHaloUser(merged), warnings: haloRowWarnings(row) }
    },
  }
}
