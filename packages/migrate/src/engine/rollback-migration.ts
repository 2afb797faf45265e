import { UnsupportedOperationError } from '@ticketbridge/core'
import type { MigrationSetup } from './migration-setup'

/**
 * Deletes the tickets this ledger's runs created in the target (their comments, files, time
 * entries and relations go with them) and marks them rolled back; a target that cannot delete
 * tickets keeps them, and the ledger lists them.
 */
export async function rollbackMigration(setup: MigrationSetup): Promise<{ deleted: number; kept: number; reason?: string }> {
  const { options, emit } = setup
  const target = setup.target.adapter
  const ledger = setup.ledger()
  const created = [...ledger.allOfKind('ticket')].filter((record) => record.createdByMigration && record.targetId)
  if (!target.capabilities.tickets.delete) {
    return {
      deleted: 0,
      kept: created.length,
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
    ledger.put({ ...record, targetId: null, state: 'skipped', error: 'rolled back', createdByMigration: false })
    for (const kind of ['comment', 'attachment', 'time-entry', 'relation'] as const) {
      for (const child of ledger.children(kind, record.sourceId)) ledger.put({ ...child, targetId: null, state: 'skipped', error: 'rolled back' })
    }
    emit({ phase: 'rollback', done: deleted, total: created.length })
  }
  return { deleted, kept: 0 }
}
