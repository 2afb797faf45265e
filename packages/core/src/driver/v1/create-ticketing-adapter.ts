import type { TicketingAdapterV1 } from '../../adapter/v1/ticketing-adapter-v1'
import { createAdapterDirectoryOperations } from './adapter-directory-operations'
import { createAdapterRuntime } from './adapter-runtime'
import {
  createAdapterAttachmentOperations,
  createAdapterCommentOperations,
  createAdapterRelationOperations,
  createAdapterTimeEntryOperations,
} from './adapter-ticket-child-operations'
import { createAdapterTicketOperations } from './adapter-ticket-operations'
import { checkDriverOperations } from './check-driver-operations'
import type { TicketingDriverV1 } from './ticketing-driver-v1'

/**
 * The one adapter runtime: turns a vendor's driver into a `TicketingAdapterV1`. `extensions` are
 * added to the adapter as they are (a vendor's native `client`, the memory adapter's `store`).
 *
 * @example
 * export function createZendeskAdapter(settings: ZendeskAdapterSettings): ZendeskAdapter {
 *   const client = createZendeskClient(settings)
 *   return createTicketingAdapter(createZendeskDriver(client, settings), { client })
 * }
 */
export function createTicketingAdapter<Extensions extends object = Record<never, never>>(
  driver: TicketingDriverV1,
  extensions?: Extensions,
): TicketingAdapterV1 & Extensions {
  checkDriverOperations(driver)
  const runtime = createAdapterRuntime(driver, driver.unsupportedReasons)
  const { people, organizations, lookups } = createAdapterDirectoryOperations(runtime)
  const adapter: TicketingAdapterV1 = {
    specificationVersion: 'v1',
    vendor: driver.vendor,
    title: driver.title,
    capabilities: driver.capabilities,
    ...(driver.rateLimit ? { rateLimit: driver.rateLimit } : {}),
    tickets: createAdapterTicketOperations(runtime),
    comments: createAdapterCommentOperations(runtime),
    attachments: createAdapterAttachmentOperations(runtime),
    people,
    organizations,
    lookups,
    timeEntries: createAdapterTimeEntryOperations(runtime),
    relations: createAdapterRelationOperations(runtime),
    async close() {
      if (runtime.guard.close()) await driver.close?.()
    },
  }
  return Object.assign(adapter, extensions)
}
