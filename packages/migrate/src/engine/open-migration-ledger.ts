import { ConfigurationError } from '@ticketbridge/core'
import { MigrationLedger } from '../ledger/migration-ledger'

/**
 * Opens (or makes) the ledger and checks that it belongs to this migration: the same source and
 * target vendors and, where both name them, the same instances. A new ledger takes this identity.
 */
export function openMigrationLedger(
  path: string,
  identity: { source: string; target: string; instances?: { source: string; target: string } },
): MigrationLedger {
  const ledger = new MigrationLedger(path)
  const recorded = {
    source: ledger.getMeta('source'),
    target: ledger.getMeta('target'),
    sourceInstance: ledger.getMeta('sourceInstance'),
    targetInstance: ledger.getMeta('targetInstance'),
  }
  const refuse = (what: string) => {
    ledger.close()
    throw new ConfigurationError(`${path} is the ledger of ${what}. Name this migration's ledger, or none to use its default.`, { option: 'ledger' })
  }
  if (
    (recorded.source !== undefined && recorded.source !== identity.source) ||
    (recorded.target !== undefined && recorded.target !== identity.target)
  ) {
    refuse(`a ${recorded.source} → ${recorded.target} migration, not ${identity.source} → ${identity.target}`)
  }
  const instances = identity.instances
  if (instances && recorded.sourceInstance !== undefined && recorded.sourceInstance !== instances.source) {
    refuse(`a migration from ${identity.source} at ${recorded.sourceInstance}, not at ${instances.source}`)
  }
  if (instances && recorded.targetInstance !== undefined && recorded.targetInstance !== instances.target) {
    refuse(`a migration into ${identity.target} at ${recorded.targetInstance}, not at ${instances.target}`)
  }
  ledger.setMeta('source', identity.source)
  ledger.setMeta('target', identity.target)
  if (instances) {
    ledger.setMeta('sourceInstance', instances.source)
    ledger.setMeta('targetInstance', instances.target)
  }
  return ledger
}
