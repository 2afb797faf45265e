import type { TicketingDriverV1 } from '@ticketbridge/core'
import type { RtPort } from './port/rt-port'
import { createRtAttachmentOperations } from './rt-attachment-operations'
import { createRtCommentOperations } from './rt-comment-operations'
import { createRtDriverContext, type RtDriverSettings } from './rt-driver-context'
import { createRtLookupOperations } from './rt-lookup-operations'
import { createRtOrganizationOperations } from './rt-organization-operations'
import { createRtPersonOperations } from './rt-person-operations'
import { createRtRelationOperations } from './rt-relation-operations'
import { createRtTicketOperations } from './rt-ticket-operations'
import { createRtTimeEntryOperations } from './rt-time-entry-operations'

/**
 * The RT driver: the common model over an RT port (REST2 or REST 1.0, `port/`), one file per
 * operation group. What the port's API cannot do it declares, and the driver follows (see
 * `rtCapabilities`). RT documents no rate limit: the driver keeps to none. Writes are never
 * silent (RT's scrips run on every transaction): their `silent` is always false, and not passed on.
 */
export function createRtDriver(port: RtPort, settings: RtDriverSettings): TicketingDriverV1 {
  const context = createRtDriverContext(port, settings)
  return {
    specificationVersion: 'v1',
    vendor: 'rt',
    title: 'RT',
    capabilities: context.capabilities,
    tickets: createRtTicketOperations(context),
    comments: createRtCommentOperations(context),
    attachments: createRtAttachmentOperations(context),
    people: createRtPersonOperations(context),
    organizations: createRtOrganizationOperations(),
    lookups: createRtLookupOperations(context),
    timeEntries: createRtTimeEntryOperations(context),
    relations: createRtRelationOperations(context),
    unsupportedReasons: { 'organizations.create': 'RT has no organizations' },
    close: () => port.close(),
  }
}
