import { ConfigurationError } from '@ticketbridge/core'
import type { MigrationLedger } from '../ledger/migration-ledger'
import { openLedger } from '../ledger/open-ledger'

/**
 * Opens (or makes) the ledger and checks that it belongs to this migration: the same source and
 * target vendors and, where both name them, the same instances. A new ledger takes this identity.
 */
export async function openMigrationLedger(
  location: { ledger: string; ledgerName?: string | undefined },
  identity: { source: string; target: string; instances?: { source: string; target: string } },
): Promise<MigrationLedger> {
  const ledger = await openLedger(location.ledger, { name: location.ledgerName })
  const recorded = {
    source: await ledger.getMeta('source'),
    target: await ledger.getMeta('target'),
    sourceInstance: await ledger.getMeta('sourceInstance'),
    targetInstance: await ledger.getMeta('targetInstance'),
  }
  const refuse = async (what: string) => {
    await ledger.close()
    throw new ConfigurationError(`${ledger.location} is the ledger of ${what}. Name this migration's ledger, or none to use its default.`, {
      option: 'ledger',
    })
  }
  if (
    (recorded.source !== undefined && recorded.source !== identity.source) ||
    (recorded.target !== undefined && recorded.target !== identity.target)
  ) {
    await refuse(`a ${recorded.source} → ${recorded.target} migration, not ${identity.source} → ${identity.target}`)
  }
  const instances = identity.instances
  if (instances && recorded.sourceInstance !== undefined && recorded.sourceInstance !== instances.source) {
    await refuse(`a migration from ${identity.source} at ${recorded.sourceInstance}, not at ${instances.source}`)
  }
  if (instances && recorded.targetInstance !== undefined && recorded.targetInstance !== instances.target) {
    await refuse(`a migration into ${identity.target} at ${recorded.targetInstance}, not at ${instances.target}`)
  }
  await ledger.setMeta('source', identity.source)
  await ledger.setMeta('target', identity.target)
  if (instances) {
    await ledger.setMeta('sourceInstance', instances.source)
    await ledger.setMeta('targetInstance', instances.target)
  }
  return ledger
}
