import type { AutotaskClient, AutotaskEntity, AutotaskEntityName } from '@ticketbridge/autotask'
import { ConfigurationError } from '@ticketbridge/core'

/** An Autotask record as the commands pass it around: vendor field names, values as Autotask sends them. */
export type AutotaskPlainRecord = Record<string, unknown>

/**
 * The entity a command line names (`Companies`, `tickets`: any case), with its routes as the spec
 * gives them; an unknown name is the client's ConfigurationError naming where the list is.
 */
export function autotaskEntityOf(client: AutotaskClient, name: string): AutotaskEntity<AutotaskPlainRecord> {
  return client.entity(name as AutotaskEntityName) as unknown as AutotaskEntity<AutotaskPlainRecord>
}

/** A delete only runs with `--yes`: Autotask has no undo. */
export function confirmDelete(yes: boolean | undefined, what: string): void {
  if (!yes) throw new ConfigurationError(`Deleting ${what} cannot be undone in Autotask; add --yes to confirm.`, { option: 'yes' })
}

/** A commander parser for an Autotask id: a whole number from 0 (company 0 is the tenant's own). */
export function parseAutotaskId(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value.trim())
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed))
      throw new ConfigurationError(`${name} must be an Autotask id (a whole number from 0), not "${value}".`, { option: name })
    return parsed
  }
}
