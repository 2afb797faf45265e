import { parseSettings, type TicketingAdapterV1, createTicketingAdapter } from '@ticketbridge/core'
import type { z } from 'zod'
import { RtClient } from '../client/rt-client'
import { type RtClientSettings, rtTransportSettingsShape } from '../client/rt-client-settings'
import { checkRtRequiredSettings, namingRtVariable, rtAdapterEnvironmentNames, withRtEnvironment } from '../client/rt-environment-settings'
import { createRtRest1Port } from './port/rt-rest1-port'
import { createRtRest2Port } from './port/rt-rest2-port'
import { type RtAdapterSettings, rtAdapterSettingsSchema } from './rt-adapter-settings'
import { createRtDriver } from './rt-driver'

/** The RT adapter, with the native client it goes through (`adapter.client.rest2`, `adapter.client.rest1`). */
export type RtAdapter = TicketingAdapterV1 & { client: RtClient }

/**
 * The Request Tracker adapter: the common ticketing model over RT's REST2 (RT 5, or RT 4.4 with
 * the REST2 extension), or over REST 1.0 with `api: 'rest1'` for servers without REST2.
 *
 * How RT maps (see the README for the full table): statuses to categories by the queue's
 * lifecycle (new → new, open → open, stalled → pending, resolved → resolved, rejected and
 * deleted → closed); priorities by number bands; the first requestor is the requester and the
 * owner the assignee; custom fields by name; `comment` transactions are internal comments and
 * `correspond` transactions public ones; time worked is a transaction's `TimeTaken`, and a time
 * entry on a comment or reply names it as its `commentId`; the description is the Create transaction's content;
 * the external id lives in the `External ID` custom field; RT has no organizations.
 *
 * Settings left out are read from the environment: RT_URL, RT_TOKEN (or RT_USER and RT_PASSWORD),
 * RT_API, RT_DEFAULT_QUEUE, RT_EXTERNAL_ID_FIELD, RT_FULL_TEXT_SEARCH, RT_MAX_ATTACHMENT_BYTES and
 * RT_TIMEZONE. Given settings win. Without a time zone, the client reads RT's (see `RtClient.timeZone`).
 *
 * @example
 * // RT_URL and RT_TOKEN set in the environment:
 * const adapter = createRtAdapter()
 *
 * @example
 * const adapter = createRtAdapter({ baseUrl: 'https://rt.example.com', auth: { token } })
 * for await (const ticket of adapter.tickets.list({ statusCategories: ['open'] })) console.log(ticket.subject)
 */
export function createRtAdapter(settings: RtAdapterSettings = {}): RtAdapter {
  const { environment = process.env, ...given } = settings
  const { settings: complete, fromEnvironment } = withRtEnvironment(given, environment, rtAdapterEnvironmentNames)
  let parsed: z.output<typeof rtAdapterSettingsSchema>
  try {
    checkRtRequiredSettings(complete, 'RT adapter settings')
    parsed = parseSettings(rtAdapterSettingsSchema, complete, { vendor: 'rt', what: 'RT adapter settings' })
  } catch (error) {
    throw namingRtVariable(error, fromEnvironment)
  }
  // The client reads nothing more: what the environment gives is in `parsed` already.
  const client = new RtClient({ ...clientSettingsOf(parsed), environment: {} })
  const port = parsed.api === 'rest1' ? createRtRest1Port(client) : createRtRest2Port(client)
  return createTicketingAdapter(createRtDriver(port, parsed), { client })
}

/** The transport part of the adapter's settings: what the client takes. */
function clientSettingsOf(settings: z.output<typeof rtAdapterSettingsSchema>): RtClientSettings {
  const clientSettings: Record<string, unknown> = {}
  for (const key of Object.keys(rtTransportSettingsShape)) {
    const value = (settings as Record<string, unknown>)[key]
    if (value !== undefined) clientSettings[key] = value
  }
  return clientSettings as unknown as RtClientSettings
}
