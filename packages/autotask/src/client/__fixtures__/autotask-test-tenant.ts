import { randomUUID } from 'node:crypto'
import { http, HttpResponse } from 'msw'
import { AutotaskClient } from '../autotask-client'
import type { AutotaskClientSettings } from '../autotask-client-settings'

/** The zone every unit test talks to (msw intercepts it; nothing leaves the process). */
const testZoneUrl = 'https://webservices14.autotask.net/ATServicesRest/'
export const testApiBase = 'https://webservices14.autotask.net/ATServicesRest/V1.0'

export const testCredentials = {
  username: 'api.user@example.com',
  secret: 'Sup3r-Secret-Value-7f2c',
  integrationCode: 'INTEGRATION-CODE-9QX4TT',
}

/** A client on the test zone with fast retries, its own rate-limit key, and no background threshold resync. */
export function createTestClient(overrides: Partial<AutotaskClientSettings> = {}): AutotaskClient {
  return new AutotaskClient({
    ...testCredentials,
    zoneUrl: testZoneUrl,
    rateLimitKey: `test-${randomUUID()}`,
    thresholdResyncIntervalMs: 0,
    retry: { baseDelayMs: 1, maxDelayMs: 5, maximumRetryAfterMs: 20, jitter: 'none' },
    // No AUTOTASK_* variable of the shell running the tests fills in what a case leaves out.
    environment: {},
    ...overrides,
  })
}

/** Tickets with ids from `firstId`, as a tenant would hold them. */
export function makeTickets(count: number, firstId = 1000): { id: number; title: string; status: number; companyID: number }[] {
  return Array.from({ length: count }, (_, index) => ({ id: firstId + index, title: `Ticket ${index + 1}`, status: 1, companyID: 0 }))
}

interface WireFilter {
  op: string
  field?: string
  value?: unknown
  items?: WireFilter[]
}

/** Applies the few conditions the unit tests use (id comparisons, eq, in) like Autotask would. */
function matchesFilter(record: Record<string, unknown>, filter: WireFilter): boolean {
  const value = filter.field === undefined ? undefined : record[filter.field]
  switch (filter.op) {
    case 'gt':
      return Number(value) > Number(filter.value)
    case 'gte':
      return Number(value) >= Number(filter.value)
    case 'eq':
      return value === filter.value
    case 'in':
      return (filter.value as unknown[]).includes(value)
    case 'or':
      return (filter.items ?? []).some((item) => matchesFilter(record, item))
    case 'and':
      return (filter.items ?? []).every((item) => matchesFilter(record, item))
    default:
      throw new Error(`test tenant does not know ${filter.op}`)
  }
}

/**
 * A POST `/{entity}/query` handler over `records`, paging like Autotask: rows by id ascending,
 * `maxRecords` (≤ 500) per page, and a next-page URL while more rows match.
 */
export function queryHandler(
  entity: string,
  records: Record<string, unknown>[],
  onRequest?: (body: { filter: WireFilter[]; maxRecords?: number }) => Response | undefined,
) {
  return http.post(`${testApiBase}/${entity}/query`, async ({ request }) => {
    const body = (await request.json()) as { filter: WireFilter[]; maxRecords?: number }
    const override = onRequest?.(body)
    if (override) return override
    const size = Math.min(body.maxRecords ?? 500, 500)
    const matching = records
      .filter((record) => body.filter.every((filter) => matchesFilter(record, filter)))
      .sort((left, right) => Number(left.id) - Number(right.id))
    const items = matching.slice(0, size)
    const more = matching.length > size
    return HttpResponse.json({
      items,
      pageDetails: {
        count: items.length,
        requestCount: size,
        prevPageUrl: null,
        nextPageUrl: more ? `${testApiBase}/${entity}/query/next?paging=${encodeURIComponent(JSON.stringify({ after: items.at(-1)?.id }))}` : null,
      },
    })
  })
}
