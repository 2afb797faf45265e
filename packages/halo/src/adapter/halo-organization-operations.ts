import type { OrganizationDriver } from '@ticketbridge/core'
import { haloPageSizeLimit } from '../client/halo-collection'
import type { HaloDriverContext } from './halo-driver-context'
import { requireNumericId } from './halo-numeric-id'
import { haloRowWarnings } from './halo-row-warnings'
import { haloSilentDirectoryFlags } from './halo-silent-flags'
import { mapHaloClient } from './map-halo-person'

/** Organizations are Halo's customers (`/Client`). */
export function createHaloOrganizationOperations(halo: HaloDriverContext): OrganizationDriver {
  const { client } = halo
  return {
    async listPage(cursor, context) {
      // The cursor: the page to fetch and the rows fetched so far.
      const [pageText = '1', fetchedText = '0'] = cursor?.split(':') ?? []
      const pageNumber = Number(pageText)
      const page = await client.clients.listPage({ page_no: pageNumber, page_size: haloPageSizeLimit }, context)
      const fetched = Number(fetchedText) + page.rows.length
      const moreRemain = page.rows.length > 0 && (page.recordCount === undefined || fetched < page.recordCount)
      return { items: page.rows.map(mapHaloClient), ...(moreRemain ? { nextCursor: `${pageNumber + 1}:${fetched}` } : {}) }
    },

    get: async (id, context) => mapHaloClient(await client.clients.get(requireNumericId(id, 'id', 'organization id'), {}, context)),

    async findByName(name, context) {
      const wanted = name.trim().toLowerCase()
      const rows = await client.clients.list({ search: name.trim(), page_size: 100 }, context).toArray({ limit: 1000 })
      const found = rows.find((row) => row.name?.trim().toLowerCase() === wanted)
      return found ? mapHaloClient(found) : undefined
    },

    async create(input, context) {
      const row = await client.clients.create(
        { name: input.name, ...(context.silent ? haloSilentDirectoryFlags : {}), ...input.vendorOptions?.halo },
        context,
      )
      return { record: mapHaloClient({ name: input.name, ...row }), warnings: haloRowWarnings(row) }
    },
  }
}
