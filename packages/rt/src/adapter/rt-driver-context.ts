import type { AdapterCapabilities, CallOptions, SharedTicketReads } from '@ticketbridge/core'
import type { z } from 'zod'
import type { RtPort } from './port/rt-port'
import type { RtCustomFieldRecord, RtTicketActivity } from './port/rt-port-records'
import type { rtAdapterSettingsSchema } from './rt-adapter-settings'
import { RtAttachmentTickets } from './rt-attachment-tickets'
import { rtCapabilities } from './rt-capabilities'
import { RtDescriptionCache } from './rt-description-cache'
import { rtNumericId } from './rt-errors'
import { RtLifecycles } from './rt-lifecycles'
import { RtPriorities } from './rt-priorities'
import { createRtTicketActivity, type RtActivityReader } from './rt-ticket-activity'

/** The adapter settings the driver reads: how RT's data maps to the common model. */
export type RtDriverSettings = Pick<
  z.output<typeof rtAdapterSettingsSchema>,
  'defaultQueue' | 'externalIdCustomField' | 'fullTextSearch' | 'lifecycles' | 'priorities' | 'maxAttachmentBytes'
>

/** What every operation group of the RT driver shares: the port, the mapping, and what was read so far. */
export interface RtDriverContext {
  readonly port: RtPort
  readonly settings: RtDriverSettings
  readonly capabilities: AdapterCapabilities
  readonly lifecycles: RtLifecycles
  readonly priorities: RtPriorities
  /** The custom field that keeps external ids. */
  readonly externalIdField: string
  /** Descriptions by ticket: a ticket's Create transaction never changes. */
  readonly descriptions: RtDescriptionCache
  /** Which ticket each listed or uploaded file was seen on. */
  readonly attachmentTickets: RtAttachmentTickets
  /** Comments, files and time worked of many tickets from one read, where the API reads tickets together. */
  readonly activity: SharedTicketReads<RtActivityReader, RtTicketActivity> | undefined
  /** The ticket custom fields by name; read again with `refresh`. */
  customFieldsByName(call: CallOptions, refresh?: boolean): Promise<Map<string, RtCustomFieldRecord>>
  /** A ticket id checked to be one RT could have. */
  ticketId(id: string): string
}

export function createRtDriverContext(port: RtPort, settings: RtDriverSettings): RtDriverContext {
  const externalIdField = settings.externalIdCustomField
  return {
    port,
    settings,
    capabilities: rtCapabilities({
      externalIdField,
      fullTextSearch: settings.fullTextSearch,
      maxAttachmentBytes: settings.maxAttachmentBytes,
      api: port.api,
    }),
    lifecycles: new RtLifecycles(settings.lifecycles),
    priorities: new RtPriorities(settings.priorities),
    externalIdField,
    descriptions: new RtDescriptionCache(),
    attachmentTickets: new RtAttachmentTickets(),
    activity: createRtTicketActivity(port),
    async customFieldsByName(call, refresh) {
      return new Map((await port.ticketCustomFields(call, refresh)).map((field) => [field.name, field]))
    },
    ticketId: (id) => rtNumericId(id, 'Ticket', `${port.apiUrl}/ticket/${encodeURIComponent(id)}`),
  }
}
