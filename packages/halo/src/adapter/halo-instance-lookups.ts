import {
  AbortError,
  type CallOptions,
  type CustomFieldDefinition,
  type CustomFieldType,
  type PriorityLevel,
  runConcurrently,
  type StatusCategory,
} from '@ticketbridge/core'
import type { HaloClient } from '../client/halo-client'
import type { HaloFieldInfo } from '../client/resources/halo-custom-fields'
import type { HaloOutcome } from '../client/resources/halo-outcomes'
import type { HaloStatus } from '../client/resources/halo-statuses'
import { mapHaloPriorityLevels } from './map-halo-priority-level'
import { mapHaloStatusCategory } from './map-halo-status-category'

/** A status of the instance with its common category. */
export interface HaloStatusEntry {
  id: string
  name: string
  category: StatusCategory
  sequence: number
}

/** A ticket-facing priority (`priorityid`) with its common level. */
export interface HaloPriorityEntry {
  id: string
  name: string
  level: PriorityLevel
}

/** A team or ticket type: an id and a name. */
export interface HaloNamedEntry {
  id: string
  name: string
}

/** A ticket custom field, as the adapter reads and writes it. */
export interface HaloTicketFieldEntry {
  definition: CustomFieldDefinition
  /** Halo's field id. */
  id?: number
  /** FieldInfo `type`, for value conversion. */
  type?: number
  /** Select values: label and id. */
  values: { id: number; name: string }[]
}

interface CacheEntry<T> {
  value?: T
  loadedAt: number
  pending?: Promise<T>
}

/** Settings of {@link createHaloInstanceLookups}. */
export interface HaloInstanceLookupsOptions {
  ttlMs: number
  statusCategories: Readonly<Record<string, StatusCategory>>
  priorityLevels: Readonly<Record<string, PriorityLevel>>
  now?: () => number
}

/**
 * FieldInfo `type` to the common field type (codes [I], halo.md §3.6): 2 single select, 3 multi
 * select, 4 date, 6 checkbox; text otherwise, numbers when the input type says so.
 */
function fieldType(info: HaloFieldInfo): CustomFieldType {
  switch (info.type) {
    case 2:
      return 'select'
    case 3:
      return 'multiselect'
    case 4:
      return 'date'
    case 6:
      return 'boolean'
    default:
      // Input types 1 (integer), 2 (money) and 4 (decimal) hold numbers [I].
      return info.inputtype === 1 || info.inputtype === 2 || info.inputtype === 4 ? 'number' : 'text'
  }
}

/** The instance's lookups, read from Halo and kept for `ttlMs`; nothing here is a fixed id. */
export interface HaloInstanceLookups {
  statuses(options?: CallOptions & { fresh?: boolean }): Promise<HaloStatusEntry[]>
  priorities(options?: CallOptions & { fresh?: boolean }): Promise<HaloPriorityEntry[]>
  teams(options?: CallOptions & { fresh?: boolean }): Promise<HaloNamedEntry[]>
  ticketTypes(options?: CallOptions & { fresh?: boolean }): Promise<HaloNamedEntry[]>
  outcomes(options?: CallOptions & { fresh?: boolean }): Promise<HaloOutcome[]>
  /**
   * The ids of the system outcomes (`systemid` > 0, hidden ones included): actions with them are
   * what `GET /Actions?excludesys=true` leaves out, so they are no comments [I].
   */
  systemOutcomeIds(options?: CallOptions & { fresh?: boolean }): Promise<ReadonlySet<string>>
  ticketFields(options?: CallOptions & { fresh?: boolean }): Promise<HaloTicketFieldEntry[]>
}

/** Builds the lookup cache of one adapter. Concurrent loads of one kind share a request. */
export function createHaloInstanceLookups(client: HaloClient, options: HaloInstanceLookupsOptions): HaloInstanceLookups {
  const now = options.now ?? Date.now
  const entries = new Map<string, CacheEntry<unknown>>()

  function cached<T>(key: string, load: (callOptions: CallOptions) => Promise<T>): (callOptions?: CallOptions & { fresh?: boolean }) => Promise<T> {
    return async ({ fresh = false, ...callOptions } = {}) => {
      const entry = (entries.get(key) as CacheEntry<T> | undefined) ?? { loadedAt: 0 }
      entries.set(key, entry as CacheEntry<unknown>)
      if (!fresh && entry.value !== undefined && now() - entry.loadedAt < options.ttlMs) return entry.value
      // A public lookup call always asks Halo (fresh); internal mapping joins a load in flight,
      // unless that load was abandoned by its own caller (then this caller loads for itself).
      if (!fresh && entry.pending) {
        try {
          return await entry.pending
        } catch (error) {
          if (!AbortError.isInstance(error) || callOptions.signal?.aborted) throw error
        }
      }
      const pending = load(callOptions).then((value) => {
        entry.value = value
        entry.loadedAt = now()
        return value
      })
      entry.pending = pending
      pending.then(
        () => {
          if (entry.pending === pending) delete entry.pending
        },
        () => {
          if (entry.pending === pending) delete entry.pending
        },
      )
      return pending
    }
  }

  const statuses = cached('statuses', async (callOptions) => {
    // The instance's own classes: which statuses `excludeclosed` and `excludepending` leave out.
    // Side by side; a failure is thrown only once the other reads have settled, so none goes on unseen.
    let all: HaloStatus[] = []
    let withoutClosed: HaloStatus[] = []
    let withoutPending: HaloStatus[] = []
    const reads = [
      async () => {
        all = await client.statuses.list({}, callOptions).toArray({ limit: 10_000 })
      },
      async () => {
        withoutClosed = await client.statuses.list({ excludeclosed: true }, callOptions).toArray({ limit: 10_000 })
      },
      async () => {
        withoutPending = await client.statuses.list({ excludepending: true }, callOptions).toArray({ limit: 10_000 })
      },
    ]
    await runConcurrently(reads, reads.length, (read) => read())
    const openIds = new Set(withoutClosed.map((status) => String(status.id)))
    const notPendingIds = new Set(withoutPending.map((status) => String(status.id)))
    // An instance that ignored a filter returned everything: it then says nothing.
    const closedKnown = withoutClosed.length < all.length
    const pendingKnown = withoutPending.length < all.length
    const seen = new Set<string>()
    return all
      .filter((status) => (seen.has(String(status.id)) ? false : (seen.add(String(status.id)), true)))
      .map((status) => {
        const id = String(status.id)
        const name = status.name ?? status.shortname ?? id
        return {
          id,
          name,
          sequence: status.sequence ?? Number(status.id),
          category: mapHaloStatusCategory(
            { id, name, ...(closedKnown ? { closed: !openIds.has(id) } : {}), ...(pendingKnown ? { pending: !notPendingIds.has(id) } : {}) },
            options.statusCategories,
          ),
        }
      })
      .sort((left, right) => left.sequence - right.sequence || Number(left.id) - Number(right.id))
  })

  const priorities = cached('priorities', async (callOptions) => {
    // One row per priority and SLA; tickets refer to the integer `priorityid`.
    const rows = await client.priorities.list({}, callOptions).toArray({ limit: 10_000 })
    const byId = new Map<string, string>()
    for (const row of [...rows].sort((left, right) => Number(Boolean(left.ishidden)) - Number(Boolean(right.ishidden)))) {
      const id = row.priorityid ?? (/^\d+$/.test(row.id) ? Number(row.id) : undefined)
      if (id === undefined || id === null) continue
      if (!byId.has(String(id))) byId.set(String(id), row.name ?? String(id))
    }
    const evidence = [...byId].map(([id, name]) => ({ id, name }))
    const levels = mapHaloPriorityLevels(evidence, options.priorityLevels)
    return evidence
      .map((priority) => ({ ...priority, level: levels.get(priority.id) ?? 'normal' }))
      .sort((left, right) => Number(left.id) - Number(right.id))
  })

  const teams = cached('teams', async (callOptions) =>
    (await client.teams.list({}, callOptions).toArray({ limit: 10_000 }))
      .filter((team) => !team.inactive)
      .map((team) => ({ id: String(team.id), name: team.name ?? String(team.id) })),
  )

  const ticketTypes = cached('ticketTypes', async (callOptions) =>
    (await client.ticketTypes.list({}, callOptions).toArray({ limit: 10_000 })).map((type) => ({
      id: String(type.id),
      name: type.name ?? String(type.id),
    })),
  )

  const outcomes = cached('outcomes', (callOptions) => client.outcomes.list({}, callOptions).toArray({ limit: 10_000 }))

  // Hidden outcomes too: the one Halo stamps on a newly logged ticket is hidden (and a system one).
  const systemOutcomeIds = cached('systemOutcomeIds', async (callOptions) => {
    const rows = await client.outcomes.list({ showhidden: true }, callOptions).toArray({ limit: 10_000 })
    return new Set(rows.filter((row) => typeof row.systemid === 'number' && row.systemid > 0).map((row) => String(row.id))) as ReadonlySet<string>
  })

  const ticketFields = cached('ticketFields', async (callOptions) => {
    const rows = await client.customFields.list({ typeid: 1, includevalues: true }, callOptions).toArray({ limit: 10_000 })
    return rows
      .filter((info) => (typeof info.custom === 'number' ? info.custom !== 0 : /^CF/i.test(info.name ?? '')) && (info.name ?? '') !== '')
      .map((info) => {
        const type = fieldType(info)
        const values = (info.values ?? []).flatMap((value) =>
          value.id !== undefined && value.id !== null && !value.inactive ? [{ id: Number(value.id), name: value.name ?? String(value.id) }] : [],
        )
        const definition: CustomFieldDefinition = {
          key: info.name!,
          label: info.label ?? info.name!,
          type,
          required: info.mandatory === true,
          ...(type === 'select' || type === 'multiselect' ? { options: values.map((value) => value.name) } : {}),
        }
        return {
          definition,
          values,
          ...(typeof info.id === 'number' ? { id: info.id } : {}),
          ...(typeof info.type === 'number' ? { type: info.type } : {}),
        }
      })
  })

  return { statuses, priorities, teams, ticketTypes, outcomes, systemOutcomeIds, ticketFields }
}
