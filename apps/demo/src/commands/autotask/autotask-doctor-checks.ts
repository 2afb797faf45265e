import type { AutotaskClient } from '@ticketbridge/autotask'
import type { DoctorCheck, VendorDoctorChecks } from '../doctor/doctor-check'
import { nativeClientOf } from '../native-client-connection'

/** The entities a migration into Autotask writes, and what it does to each. */
const writtenEntities = [
  { name: 'Tickets', create: true, update: true },
  { name: 'TicketNotes', create: true, update: false },
  { name: 'TicketAttachments', create: true, update: false },
] as const

/**
 * Autotask's own checks: the zone, the hourly request budget (ThresholdInformation), and whether
 * the API lets the tenant create and update what a migration writes (entityInformation). The
 * API user's security level decides the rest and shows only on a write.
 */
export const autotaskDoctorChecks: VendorDoctorChecks = async ({ adapter }) => {
  const client = nativeClientOf<AutotaskClient>(adapter)
  if (!client) return []
  const rows: DoctorCheck[] = []
  const zone = await client.zone()
  rows.push({ check: 'zone', outcome: 'ok', detail: `${zone.zoneName ?? 'zone'} at ${zone.apiBaseUrl}` })
  const threshold = await client.thresholdInformation()
  const used = threshold.currentTimeframeRequestCount ?? 0
  const limit = threshold.externalRequestThreshold ?? 0
  rows.push(
    limit > 0 && used >= limit
      ? {
          check: 'hourly request budget',
          outcome: 'failed',
          detail: `${used} of ${limit} requests used this hour`,
          advice: 'wait for the rolling hour to free requests',
        }
      : { check: 'hourly request budget', outcome: 'ok', detail: `${used} of ${limit || '?'} requests used this hour` },
  )
  const refused: string[] = []
  for (const entity of writtenEntities) {
    const information = await client.entity(entity.name).entityInformation()
    if (!information.canCreate) refused.push(`create ${entity.name}`)
    if (entity.update && !information.canUpdate) refused.push(`update ${entity.name}`)
  }
  rows.push(
    refused.length > 0
      ? {
          check: 'write tickets',
          outcome: 'failed',
          detail: `the API refuses to ${refused.join(', ')}`,
          advice: 'check the API user and the tenant: these writes are needed',
        }
      : {
          check: 'write tickets',
          outcome: 'ok',
          detail: 'the API allows creating tickets, notes and attachments (entityInformation); the security level shows only on a write',
        },
  )
  return rows
}
