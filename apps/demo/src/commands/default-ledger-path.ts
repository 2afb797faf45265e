import { createHash } from 'node:crypto'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { findConnector } from '../connectors/connectors'
import { type ConnectionOptions, connectionSettings } from './shared-options'

/**
 * Where ledgers live when `--ledger` names none: `$TICKETBRIDGE_STATE_DIR`, else
 * `$XDG_STATE_HOME/ticketbridge`, else `~/.local/state/ticketbridge`. Not the shell's folder: a
 * rerun from another folder must find the same ledger.
 */
export function ledgerFolder(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.TICKETBRIDGE_STATE_DIR) return environment.TICKETBRIDGE_STATE_DIR
  return join(environment.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'ticketbridge')
}

/** `<vendor>-127.0.0.1-9080-1a2b3c4d`: the vendor, the instance's address made file-safe, and a digest that keeps two instances apart. */
function instanceKey(vendor: string, instance: string): string {
  const readable = instance
    .replace(/^https?:\/\//, '')
    .replace(/[^a-z0-9.@-]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  const digest = createHash('sha256').update(`${vendor}\n${instance}`).digest('hex').slice(0, 8)
  return [vendor, readable, digest].filter(Boolean).join('-')
}

/**
 * The default ledger of a migration between two instances: one file per pair of instances (the
 * source's and target's addresses, tenants or API users), in {@link ledgerFolder}.
 */
export function defaultLedgerPath(
  from: { vendor: string; instance: string },
  to: { vendor: string; instance: string },
  environment: NodeJS.ProcessEnv = process.env,
): string {
  return join(ledgerFolder(environment), 'ledgers', `${instanceKey(from.vendor, from.instance)}--to--${instanceKey(to.vendor, to.instance)}.sqlite`)
}

/** The ledger a command uses: `--ledger`, else the default for the instances its settings name. */
export async function resolveLedgerPath(options: ConnectionOptions & { from: string; to: string; ledger?: string }): Promise<string> {
  if (options.ledger) return options.ledger
  const { from, to } = await resolveInstances(options)
  return defaultLedgerPath(from, to)
}

/** The source and target instances the settings name (addresses, tenants, API users; never secrets). */
export async function resolveInstances(
  options: ConnectionOptions & { from: string; to: string },
): Promise<{ from: { vendor: string; instance: string }; to: { vendor: string; instance: string } }> {
  const instance = async (vendor: string) => ({ vendor, instance: findConnector(vendor).instanceOf(await connectionSettings(vendor, options)) })
  return { from: await instance(options.from), to: await instance(options.to) }
}
