import {
  AbortError,
  type AdapterWarning,
  type CallOptions,
  type CustomFieldValue,
  type PrioritySelector,
  type ReferenceSelector,
  type StatusSelector,
} from '@ticketbridge/core'
import type { HaloClient } from '../client/halo-client'
import { localValidationError } from '../client/halo-collection'
import type { HaloUser } from '../client/resources/halo-users'
import { parseHaloInstant, toHaloDate } from './halo-dates'
import type { HaloInstanceLookups, HaloNamedEntry, HaloPriorityEntry, HaloStatusEntry } from './halo-instance-lookups'

const agentPrefix = /^agent:/

function same(left: string | null | undefined, right: string): boolean {
  return typeof left === 'string' && left.trim().toLowerCase() === right.trim().toLowerCase()
}

function describe(selector: object): string {
  return JSON.stringify(selector)
}

/** Settings of {@link HaloInputResolver}'s cache of requesters. */
export interface HaloInputResolverOptions {
  /** How long an end user read by id is reused (its site and client); 0 reads it every time. */
  userCacheMs?: number
  /** The clock, for tests. */
  now?: () => number
}

interface CachedUser {
  user?: HaloUser
  loadedAt: number
  pending?: Promise<HaloUser>
}

/** At most this many end users are kept; the oldest read goes first. */
const userCacheLimit = 10_000

/**
 * Turns the common model's selectors (by id, name, email, category or level) into Halo's ids,
 * against the instance's own lookups and records. Nothing is hard-coded: a status "closed" is
 * whichever status this instance puts in that category.
 */
export class HaloInputResolver {
  private readonly users = new Map<number, CachedUser>()
  private readonly userCacheMs: number
  private readonly now: () => number

  constructor(
    private readonly client: HaloClient,
    private readonly lookups: HaloInstanceLookups,
    private readonly what: string,
    options: HaloInputResolverOptions = {},
  ) {
    this.userCacheMs = options.userCacheMs ?? 0
    this.now = options.now ?? Date.now
  }

  /**
   * An end user by id, reused for `userCacheMs` (a migration names the same few requesters on
   * many tickets). Concurrent reads of one id share a request; a failed read is not kept.
   */
  private async userById(id: number, options: CallOptions): Promise<HaloUser> {
    const entry = this.users.get(id)
    if (entry?.user !== undefined && this.now() - entry.loadedAt < this.userCacheMs) return entry.user
    if (entry?.pending) {
      try {
        return await entry.pending
      } catch (error) {
        // A read abandoned by its own caller does not fail this one: it reads for itself.
        if (!AbortError.isInstance(error) || options.signal?.aborted) throw error
      }
    }
    const current: CachedUser = this.users.get(id) ?? { loadedAt: 0 }
    const pending = this.client.users.get(id, {}, options)
    current.pending = pending
    if (!this.users.has(id)) {
      if (this.users.size >= userCacheLimit) this.users.delete(this.users.keys().next().value!)
      this.users.set(id, current)
    }
    try {
      const user = await pending
      if (this.userCacheMs > 0) {
        current.user = user
        current.loadedAt = this.now()
      }
      return user
    } finally {
      if (current.pending === pending) delete current.pending
      if (current.user === undefined && current.pending === undefined && this.users.get(id) === current) this.users.delete(id)
    }
  }

  /**
   * Keeps an end user this adapter just wrote (its id, site and client as written), so naming it
   * as a requester next does not read it back.
   */
  rememberUser(user: HaloUser): void {
    if (this.userCacheMs <= 0 || typeof user.id !== 'number') return
    if (this.users.size >= userCacheLimit) this.users.delete(this.users.keys().next().value!)
    this.users.set(user.id, { user, loadedAt: this.now() })
  }

  private invalid(field: string, message: string): Error {
    return localValidationError(this.what, field, message)
  }

  /** A known status of the instance (reloading the lookups once for a status created meanwhile). */
  async status(selector: StatusSelector, field: string, options: CallOptions): Promise<HaloStatusEntry> {
    const find = (statuses: readonly HaloStatusEntry[]) =>
      (selector.id !== undefined ? statuses.find((status) => status.id === selector.id) : undefined) ??
      (selector.name !== undefined ? statuses.find((status) => same(status.name, selector.name!)) : undefined) ??
      (selector.id === undefined && selector.name === undefined && selector.category !== undefined
        ? statuses.find((status) => status.category === selector.category)
        : undefined)
    const found = find(await this.lookups.statuses(options)) ?? find(await this.lookups.statuses({ ...options, fresh: true }))
    if (!found) throw this.invalid(field, `no status of this instance matches ${describe(selector)}; see lookups.statuses()`)
    return found
  }

  /** A known priority (`priorityid`) of the instance. */
  async priority(selector: PrioritySelector, field: string, options: CallOptions): Promise<HaloPriorityEntry> {
    const find = (priorities: readonly HaloPriorityEntry[]) =>
      (selector.id !== undefined ? priorities.find((priority) => priority.id === selector.id) : undefined) ??
      (selector.name !== undefined ? priorities.find((priority) => same(priority.name, selector.name!)) : undefined) ??
      (selector.id === undefined && selector.name === undefined && selector.level !== undefined
        ? priorities.find((priority) => priority.level === selector.level)
        : undefined)
    const found = find(await this.lookups.priorities(options)) ?? find(await this.lookups.priorities({ ...options, fresh: true }))
    if (!found) throw this.invalid(field, `no priority of this instance matches ${describe(selector)}; see lookups.priorities()`)
    return found
  }

  /** A team (Halo's queue). Tickets name their team by name. */
  async team(selector: ReferenceSelector, field: string, options: CallOptions): Promise<HaloNamedEntry> {
    const find = (teams: readonly HaloNamedEntry[]) =>
      (selector.id !== undefined ? teams.find((team) => team.id === selector.id) : undefined) ??
      (selector.name !== undefined ? teams.find((team) => same(team.name, selector.name!)) : undefined)
    const found = find(await this.lookups.teams(options)) ?? find(await this.lookups.teams({ ...options, fresh: true }))
    if (!found) throw this.invalid(field, `no team matches ${describe(selector)}; see lookups.queues()`)
    return found
  }

  /** A ticket type. */
  async ticketType(selector: ReferenceSelector, field: string, options: CallOptions): Promise<HaloNamedEntry> {
    const find = (types: readonly HaloNamedEntry[]) =>
      (selector.id !== undefined ? types.find((type) => type.id === selector.id) : undefined) ??
      (selector.name !== undefined ? types.find((type) => same(type.name, selector.name!)) : undefined)
    const found = find(await this.lookups.ticketTypes(options)) ?? find(await this.lookups.ticketTypes({ ...options, fresh: true }))
    if (!found) throw this.invalid(field, `no ticket type matches ${describe(selector)}; see lookups.ticketTypes()`)
    return found
  }

  /** An end user (the requester), with the site and client Halo wants sent beside `user_id`. */
  async endUser(selector: ReferenceSelector, field: string, options: CallOptions): Promise<HaloUser> {
    if (selector.id !== undefined) {
      if (agentPrefix.test(selector.id) || !/^\d+$/.test(selector.id))
        throw this.invalid(field, `${selector.id} is not an end user's id; requesters are end users (contacts)`)
      return this.userById(Number(selector.id), options)
    }
    const wanted = (selector.email ?? selector.name)!
    const candidates = await this.client.users.list({ search: wanted, page_size: 100 }, options).toArray({ limit: 500 })
    const found =
      (selector.email !== undefined
        ? candidates.find((user) => same(user.emailaddress, selector.email!) || same(user.email2 as string, selector.email!))
        : undefined) ?? (selector.name !== undefined ? candidates.find((user) => same(user.name, selector.name!)) : undefined)
    if (!found) throw this.invalid(field, `no end user matches ${describe(selector)}`)
    return found
  }

  /** An agent's id (the assignee): `agent:7`, `7`, or found by email or name. */
  async agentId(selector: ReferenceSelector, field: string, options: CallOptions): Promise<number> {
    if (selector.id !== undefined) {
      const id = selector.id.replace(agentPrefix, '')
      if (!/^\d+$/.test(id)) throw this.invalid(field, `${selector.id} is not an agent id (agent:<number>)`)
      return Number(id)
    }
    const wanted = (selector.email ?? selector.name)!
    const agents = await this.client.agents.list({ search: wanted }, options).toArray({ limit: 1000 })
    const found =
      (selector.email !== undefined ? agents.find((agent) => same(agent.email, selector.email!)) : undefined) ??
      (selector.name !== undefined ? agents.find((agent) => same(agent.name, selector.name!)) : undefined)
    if (!found) throw this.invalid(field, `no agent matches ${describe(selector)}`)
    return Number(found.id)
  }

  /** A client's id (the organization). */
  async clientId(selector: ReferenceSelector, field: string, options: CallOptions): Promise<number> {
    if (selector.id !== undefined) {
      if (!/^\d+$/.test(selector.id)) throw this.invalid(field, `${selector.id} is not a client id`)
      return Number(selector.id)
    }
    if (selector.name === undefined) throw this.invalid(field, 'organizations are found by id or name')
    const candidates = await this.client.clients.list({ search: selector.name, page_size: 100 }, options).toArray({ limit: 500 })
    const found = candidates.find((client) => same(client.name, selector.name!))
    if (!found) throw this.invalid(field, `no client matches ${describe(selector)}`)
    return Number(found.id)
  }

  /**
   * Custom field values as Halo writes them (`[{ name, value }]`): select labels become their
   * lookup ids. A key the instance does not have is left out with a warning.
   */
  async customFields(
    values: Record<string, CustomFieldValue>,
    warnings: AdapterWarning[],
    options: CallOptions,
  ): Promise<{ name: string; value: unknown }[]> {
    const entries = Object.entries(values)
    if (entries.length === 0) return []
    const fields = await this.lookups.ticketFields(options)
    const written: { name: string; value: unknown }[] = []
    for (const [key, value] of entries) {
      const field =
        fields.find((entry) => entry.definition.key === key) ??
        fields.find((entry) => same(entry.definition.key, key) || same(entry.definition.label, key))
      if (!field) {
        warnings.push({
          type: 'unsupported',
          field: `customFields.${key}`,
          message: `This Halo instance has no ticket custom field "${key}"; the value was left out.`,
        })
        continue
      }
      const { definition } = field
      const toId = (label: string): number => {
        const match = field.values.find((option) => same(option.name, label) || String(option.id) === label)
        if (!match) throw this.invalid(`customFields.${key}`, `"${label}" is not one of ${field.values.map((option) => option.name).join(', ')}`)
        return match.id
      }
      if (definition.type === 'select' && value !== null) written.push({ name: definition.key, value: toId(String(value)) })
      // Dates as Halo writes them, UTC without a zone: with one, .NET would convert to the server's zone.
      else if (definition.type === 'date' && typeof value === 'string' && parseHaloInstant(value) !== undefined) {
        written.push({ name: definition.key, value: toHaloDate(value) })
      } else if (definition.type === 'multiselect' && value !== null) {
        written.push({ name: definition.key, value: (Array.isArray(value) ? value : [String(value)]).map((label) => ({ id: toId(label) })) })
      } else written.push({ name: definition.key, value })
    }
    return written
  }
}
