import {
  AuthenticationError,
  ConfigurationError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type TicketingAdapter,
  TimeoutError,
} from '@ticketbridge/core'
import type { VendorConnector } from '@ticketbridge/http'
import { type DoctorCheck, messageOf, type VendorDoctorChecks } from './doctor-check'
import { addressVariables, credentialVariables } from './doctor-settings-variables'
import { type ConnectionOptions, connectionSettings } from '../shared-options'

/** A doctor waits less than a migration: a silent address should be reported, not waited on. */
const doctorTimeoutMs = 15_000

/** The first call answers two questions at once: does the address answer, and are the credentials accepted (a refusal for lack of rights goes on to the read checks). */
function firstContact(connector: VendorConnector, error: unknown): DoctorCheck[] {
  const address = `${addressVariables(connector).join(', ')}`
  const credentials = credentialVariables(connector).join(', ')
  const notChecked = (check: string): DoctorCheck => ({
    check,
    outcome: 'not checked',
    detail: 'the address did not answer',
    advice: 'fix the address first',
  })
  if (NetworkError.isInstance(error) || TimeoutError.isInstance(error))
    return [
      {
        check: 'address answers',
        outcome: 'failed',
        detail: messageOf(error),
        advice: `check ${address}, and that this machine reaches it (proxy, VPN, firewall)`,
      },
      notChecked('credentials accepted'),
    ]
  if (InvalidResponseError.isInstance(error) || NotFoundError.isInstance(error))
    return [
      {
        check: 'address answers',
        outcome: 'failed',
        detail: `something answered, but not ${connector.title}'s API: ${messageOf(error)}`,
        advice: `check ${address}: it must be the API's address`,
      },
      notChecked('credentials accepted'),
    ]
  const answered: DoctorCheck = { check: 'address answers', outcome: 'ok', detail: 'the API answered' }
  if (AuthenticationError.isInstance(error))
    return [answered, { check: 'credentials accepted', outcome: 'failed', detail: messageOf(error), advice: `check ${credentials}` }]
  if (RateLimitError.isInstance(error))
    return [
      answered,
      { check: 'credentials accepted', outcome: 'failed', detail: messageOf(error), advice: 'the rate limit is spent: wait and run doctor again' },
    ]
  return [
    answered,
    { check: 'credentials accepted', outcome: 'failed', detail: messageOf(error), advice: `check ${credentials}, and the vendor's status` },
  ]
}

function readFailure(check: string, error: unknown, rights: string): DoctorCheck {
  return PermissionError.isInstance(error)
    ? { check, outcome: 'failed', detail: messageOf(error), advice: `give the API user ${rights}` }
    : { check, outcome: 'failed', detail: messageOf(error), advice: 'see the message; run doctor again when it is fixed' }
}

/** The neutral checks over the adapter, then the vendor's own; stops where a failure makes the rest meaningless. */
async function checkWithAdapter(
  connector: VendorConnector,
  adapter: TicketingAdapter,
  settings: Record<string, string>,
  vendorChecks?: VendorDoctorChecks,
) {
  const rows: DoctorCheck[] = []
  let statuses: Awaited<ReturnType<TicketingAdapter['lookups']['statuses']>> | undefined
  let firstError: unknown
  try {
    statuses = await adapter.lookups.statuses()
  } catch (error) {
    firstError = error
  }
  if (statuses === undefined && !PermissionError.isInstance(firstError)) {
    const skipped = ['read tickets', 'read lookups', 'write rights'].map(
      (check): DoctorCheck => ({ check, outcome: 'not checked', detail: 'the first call failed (above)', advice: 'fix what is above first' }),
    )
    return [...firstContact(connector, firstError), ...skipped]
  }
  const instance = connector.instanceOf(settings)
  rows.push(
    { check: 'address answers', outcome: 'ok', detail: instance.includes('://') ? `${instance} answered` : 'the API answered' },
    { check: 'credentials accepted', outcome: 'ok', detail: 'signed in' },
  )
  let sampleTicketId: string | undefined
  try {
    const tickets = await adapter.tickets.list().toArray({ limit: 1 })
    sampleTicketId = tickets[0]?.id
    rows.push({ check: 'read tickets', outcome: 'ok', detail: sampleTicketId ? `read ticket ${sampleTicketId}` : 'allowed (no tickets yet)' })
  } catch (error) {
    rows.push(readFailure('read tickets', error, 'the right to see tickets (all queues the migration reads)'))
  }
  try {
    const [priorities, queues, ticketTypes, customFields] = await Promise.all([
      adapter.lookups.priorities(),
      adapter.lookups.queues(),
      adapter.lookups.ticketTypes(),
      adapter.lookups.customFields(),
    ])
    if (statuses === undefined) throw firstError
    rows.push({
      check: 'read lookups',
      outcome: 'ok',
      detail: `${statuses.length} statuses, ${priorities.length} priorities, ${queues.length} queues, ${ticketTypes.length} types, ${customFields.length} custom fields`,
    })
  } catch (error) {
    rows.push(readFailure('read lookups', error, 'read access to the setup: statuses, priorities, queues, ticket types, custom fields'))
  }
  if (vendorChecks) {
    try {
      rows.push(...(await vendorChecks({ connector, adapter, settings, ...(sampleTicketId ? { sampleTicketId } : {}) })))
    } catch (error) {
      rows.push({ check: `${connector.title}'s own checks`, outcome: 'failed', detail: messageOf(error), advice: 'see the message' })
    }
  } else {
    rows.push({
      check: 'write rights',
      outcome: 'not checked',
      detail: `${connector.title} shows write rights only on a write`,
      advice: `create a test ticket: ticketbridge tickets create --vendor ${connector.vendor} --subject "doctor test"`,
    })
  }
  return rows
}

/** Every check of one configured vendor: its settings complete, then the checks through its adapter. */
export async function checkVendor(connector: VendorConnector, options: ConnectionOptions, vendorChecks?: VendorDoctorChecks): Promise<DoctorCheck[]> {
  let settings: Record<string, string>
  let adapter: TicketingAdapter
  try {
    settings = await connectionSettings(connector.vendor, options)
    adapter = connector.createAdapter(settings, {
      timeoutMs: options.timeout ? options.timeout * 1000 : doctorTimeoutMs,
      // One quick retry: a doctor reports trouble instead of riding it out.
      retry: { maxRetries: 1, baseDelayMs: 200, maxDelayMs: 1000 },
    })
  } catch (error) {
    if (!ConfigurationError.isInstance(error)) throw error
    // The option may be a setting's key (`clientSecret`, `rt.token`): name the variable that sets it.
    const key = error.option?.split('.').at(-1)
    const variable = key ? connector.settings[key]?.environment : undefined
    return [
      {
        check: 'settings complete',
        outcome: 'failed',
        detail: messageOf(error),
        advice: variable ? `set ${variable}, then run doctor again` : 'set what the message names, then run doctor again',
      },
    ]
  }
  try {
    return [
      { check: 'settings complete', outcome: 'ok', detail: 'every required setting is given' },
      ...(await checkWithAdapter(connector, adapter, settings, vendorChecks)),
    ]
  } finally {
    await adapter.close()
  }
}
