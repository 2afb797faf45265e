import type { StatusCategory, StatusDefinition } from '@ticketbridge/core'

/** Statuses of one RT lifecycle mapped to the common categories, in RT's order. */
export type RtLifecycleStatuses = Readonly<Record<string, StatusCategory>>

/**
 * RT 5's shipped ticket lifecycles (`default` and `approvals`, RT_Config.pm): initial `new`;
 * active `open` and `stalled`; inactive `resolved`, `rejected` and `deleted`. Initial statuses
 * are `new`, stalled work is `pending`, `resolved` is resolved, and the other inactive statuses
 * (rejected, deleted) are `closed`.
 */
export const defaultRtLifecycleStatuses: RtLifecycleStatuses = {
  new: 'new',
  open: 'open',
  stalled: 'pending',
  resolved: 'resolved',
  rejected: 'closed',
  deleted: 'closed',
}

/** The lifecycles RT ships; others come from the adapter's `lifecycles` setting. */
export const shippedRtLifecycles: Readonly<Record<string, RtLifecycleStatuses>> = {
  default: defaultRtLifecycleStatuses,
  approvals: defaultRtLifecycleStatuses,
}

/**
 * Statuses a ticket may be created with in the shipped lifecycles (the `"" => [new open
 * resolved]` transition); RT refuses others with 400 `New tickets can not have status …`.
 */
const shippedCreateStatuses: Readonly<Record<string, readonly string[]>> = {
  default: ['new', 'open', 'resolved'],
  approvals: ['new', 'open', 'resolved'],
}

/**
 * What the adapter knows of a server's lifecycles: RT's REST2 does not publish lifecycle
 * definitions, so custom ones are declared in the settings and merged over the shipped ones.
 */
export class RtLifecycles {
  readonly #lifecycles: Map<string, RtLifecycleStatuses>

  constructor(configured: Readonly<Record<string, RtLifecycleStatuses>> = {}) {
    this.#lifecycles = new Map(Object.entries({ ...shippedRtLifecycles, ...configured }))
  }

  /**
   * Statuses a new ticket may have in this lifecycle, when known (RT's shipped lifecycles; a
   * configured lifecycle of the same name replaces the shipped one and its rules are unknown).
   */
  createStatuses(lifecycle: string): readonly string[] | undefined {
    return this.#lifecycles.get(lifecycle) === shippedRtLifecycles[lifecycle] ? shippedCreateStatuses[lifecycle] : undefined
  }

  /** Whether the lifecycle's statuses are known. */
  knows(lifecycle: string): boolean {
    return this.#lifecycles.has(lifecycle)
  }

  /**
   * The category of a status: from its lifecycle when known, else from any known lifecycle
   * that has a status of that name, else `open` (an unknown status is work in progress).
   */
  categoryOf(status: string, lifecycle?: string): StatusCategory {
    const own = lifecycle === undefined ? undefined : this.#lifecycles.get(lifecycle)?.[status]
    if (own) return own
    for (const statuses of this.#lifecycles.values()) {
      const category = statuses[status]
      if (category) return category
    }
    return 'open'
  }

  /**
   * The statuses of these lifecycles (all known ones when none are given), each once, without
   * `deleted`: RT's searches never return deleted tickets, so it is reached through
   * `tickets.delete` rather than offered as a status.
   */
  statuses(lifecycles?: readonly string[]): StatusDefinition[] {
    const names = lifecycles ?? [...this.#lifecycles.keys()]
    const seen = new Map<string, StatusDefinition>()
    for (const name of names) {
      for (const [status, category] of Object.entries(this.#lifecycles.get(name) ?? {})) {
        if (status === 'deleted' || seen.has(status)) continue
        seen.set(status, { id: status, name: status, category })
      }
    }
    return [...seen.values()]
  }

  /** Every status of the given categories in the known lifecycles (for TicketSQL `Status = …`). */
  statusesIn(categories: readonly StatusCategory[]): string[] {
    const found = new Set<string>()
    for (const statuses of this.#lifecycles.values()) {
      for (const [status, category] of Object.entries(statuses)) if (categories.includes(category)) found.add(status)
    }
    return [...found]
  }

  /** The first status of a category in a lifecycle (the one RT lists first), e.g. `pending` → `stalled`. */
  statusFor(category: StatusCategory, lifecycle = 'default'): string | undefined {
    const statuses = this.#lifecycles.get(lifecycle) ?? defaultRtLifecycleStatuses
    return Object.entries(statuses).find(([status, candidate]) => candidate === category && status !== 'deleted')?.[0]
  }
}
