import type { TicketingAdapter } from '@ticketbridge/core'
import { createMemoryAdapter, createMemoryStore, type MemoryStore } from '@ticketbridge/memory'
import type { TargetLookups } from '../mapping/resolve-mapping'

/**
 * The adapter a migration writes to: the real target or, in a dry run, a memory adapter that
 * behaves like it (same capabilities, the real target's lookups), made when first needed. Its
 * lookups are read once.
 */
export class MigrationTarget {
  private current: TicketingAdapter
  private dryRunPrepared: Promise<void> | undefined
  private lookupsRead: Promise<TargetLookups> | undefined
  private standInStore: MemoryStore | undefined

  constructor(
    private readonly real: TicketingAdapter,
    private readonly dryRun: boolean,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.current = real
  }

  /** The adapter to use now: in a dry run, the stand-in once it is made. */
  get adapter(): TicketingAdapter {
    return this.current
  }

  /** In a dry run, replaces the target by a memory adapter with its capabilities and lookups. */
  prepareDryRun(): Promise<void> {
    this.dryRunPrepared ??= (async () => {
      const real = this.real
      const [statuses, priorities, queues, ticketTypes, customFields] = await Promise.all([
        real.lookups.statuses(),
        real.lookups.priorities(),
        real.lookups.queues(),
        real.lookups.ticketTypes(),
        real.lookups.customFields(),
      ])
      this.standInStore = createMemoryStore({ statuses, priorities, queues, ticketTypes, customFields })
      const standIn = createMemoryAdapter({
        vendor: real.vendor,
        // The stand-in warns in the target's own words.
        ...(real.title ? { title: real.title } : {}),
        capabilities: real.capabilities,
        store: this.standInStore,
      })
      // And keeps the target's documented budget, so the preflight times the run the target would take.
      this.current = real.rateLimit ? { ...standIn, rateLimit: real.rateLimit } : standIn
    })()
    return this.dryRunPrepared
  }

  /**
   * In a dry run, the calls the stand-in answered: the requests the run's own planner would
   * have sent the target (batches split at the target's limits, files inside creates where it
   * takes them). Undefined in a real run, where the wire is counted instead.
   */
  dryRunRequests(): number | undefined {
    return this.standInStore?.requests
  }

  /** The target's statuses, priorities, queues, ticket types and custom fields. */
  lookups(): Promise<TargetLookups> {
    this.lookupsRead ??= (async () => {
      if (this.dryRun) await this.prepareDryRun()
      const target = this.current
      const { signal } = this
      const [statuses, priorities, queues, ticketTypes, customFields] = await Promise.all([
        target.lookups.statuses({ signal }),
        target.lookups.priorities({ signal }),
        target.lookups.queues({ signal }),
        target.lookups.ticketTypes({ signal }),
        target.lookups.customFields({ signal }),
      ])
      return { statuses, priorities, queues, ticketTypes, customFields }
    })()
    return this.lookupsRead
  }
}
