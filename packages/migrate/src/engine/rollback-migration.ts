import { UnsupportedOperationError } from '@ticketbridge/core'
import { collect } from '../ledger/collect'
import type { MigrationLedger } from '../ledger/migration-ledger'
import { rolledBackMark } from '../verify/verify-migration'
import type { RollbackResult } from './migration-options'
import type { MigrationSetup } from './migration-setup'

/**
 * Deletes the tickets this ledger's runs created in the target (their comments, files, time
 * entries and relations go with them) and marks them rolled back; a target that cannot delete
 * tickets keeps them, and the ledger lists them.
 */
export async function rollbackMigration(setup: MigrationSetup): Promise<RollbackResult> {
  const { options, emit } = setup
  const target = setup.target.adapter
  const ledger = await setup.ledger()
  const created = (await collect(ledger.allOfKind('ticket'))).filter((record) => record.createdByMigration && record.targetId)
  // No adapter deletes people or organizations (most vendors do not allow it): they stay, named.
  const left = {
    organizations: await createdTargetIds(ledger, 'organization'),
    people: await createdTargetIds(ledger, 'person'),
  }
  if (!target.capabilities.tickets.delete) {
    return {
      deleted: 0,
      kept: created.length,
      left,
      reason: `${target.vendor} does not allow deleting tickets through its API; the ledger lists the ${created.length} tickets to remove by hand.`,
    }
  }
  let deleted = 0
  for (const record of created) {
    try {
      await target.tickets.delete(record.targetId!, { signal: options.signal })
    } catch (error) {
      if (UnsupportedOperationError.isInstance(error)) throw error
      if (!(error as { status?: number }).status || (error as { status?: number }).status !== 404) throw error
    }
    deleted += 1
    await ledger.put({ ...record, targetId: null, state: 'skipped', error: rolledBackMark, createdByMigration: false })
    for (const kind of ['comment', 'attachment', 'time-entry', 'relation'] as const) {
      for (const child of await ledger.children(kind, record.sourceId))
        await ledger.put({ ...child, targetId: null, state: 'skipped', error: rolledBackMark })
    }
    emit({ phase: 'rollback', done: deleted, total: created.length })
  }
  return { deleted, kept: 0, left }
}

async function createdTargetIds(ledger: MigrationLedger, kind: 'organization' | 'person'): Promise<string[]> {
  return (await collect(ledger.allOfKind(kind))).flatMap((record) => (record.createdByMigration && record.targetId ? [record.targetId] : []))
}
