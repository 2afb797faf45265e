import type { HaloClient } from '@ticketbridge/halo'
import type { DoctorCheck, VendorDoctorChecks } from '../doctor/doctor-check'
import { nativeClientOf } from '../native-client-connection'

/** Scopes that include editing tickets (halo.md §2.2). */
const editingScopes = ['all', 'all:standard', 'edit:tickets']

/**
 * Halo's own checks: whom the token acts as (`GET /Agent/me`), and whether the scopes asked for
 * can include editing tickets. A token's scopes are at most those requested, so a request
 * without `edit:tickets` is a sure failure; a request with it is not a sure pass (the API
 * application and its agent must grant it too, and Halo says so only with a 403 on a write).
 */
export const haloDoctorChecks: VendorDoctorChecks = async ({ adapter, settings }) => {
  const client = nativeClientOf<HaloClient>(adapter)
  if (!client) return []
  const rows: DoctorCheck[] = []
  const agent = (await client.get('/Agent/me')) as { id?: number; name?: string; is_admin?: boolean }
  rows.push({
    check: 'signed-in agent',
    outcome: 'ok',
    detail: `${agent.name ?? 'an agent'} (agent ${agent.id ?? '?'})${agent.is_admin ? ', an administrator' : ''}`,
  })
  const requested = (settings.scopes ?? 'all').split(/\s+/).filter(Boolean)
  if (!requested.some((scope) => editingScopes.includes(scope.toLowerCase()))) {
    rows.push({
      check: 'write tickets',
      outcome: 'failed',
      detail: `HALO_SCOPES asks for ${requested.join(' ')}, without edit:tickets: Halo would refuse every write`,
      advice: 'add edit:tickets (or all) to HALO_SCOPES, and grant it to the API application',
    })
  } else {
    rows.push({
      check: 'write tickets',
      outcome: 'not checked',
      detail: `the scopes asked for (${requested.join(' ')}) allow it; Halo shows what the application and its agent grant only on a write (403)`,
      advice: 'if a migration gets 403, give the API application edit:tickets and its agent the right to edit tickets',
    })
  }
  return rows
}
