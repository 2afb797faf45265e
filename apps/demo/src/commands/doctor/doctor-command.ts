import type { VendorConnector } from '@ticketbridge/http'
import { Command } from 'commander'
import { loadVendorSettings } from '../../config/load-cli-config'
import { listConnectors } from '../../connectors/connectors'
import { exitCodes } from '../../output/exit-codes'
import { renderTable } from '../../output/render-table'
import { autotaskDoctorChecks } from '../autotask/autotask-doctor-checks'
import { commandHelp } from '../../output/command-help'
import type { DoctorCheck, VendorDoctorChecks } from './doctor-check'
import { configuringVariables } from './doctor-settings-variables'
import { checkVendor } from './doctor-vendor-checks'
import { haloDoctorChecks } from '../halo/halo-doctor-checks'
import { rtDoctorChecks } from '../rt/rt-doctor-checks'
import { addConnectionOptions, type ConnectionOptions } from '../shared-options'

/** Each vendor's own checks (write rights without writing); a vendor without any gets the neutral checks only. */
const vendorChecks: Record<string, VendorDoctorChecks> = { halo: haloDoctorChecks, autotask: autotaskDoctorChecks, rt: rtDoctorChecks }

/**
 * The settings given for a vendor anywhere (config file, environment, secrets file, --set), missing
 * ones allowed: a vendor with none is not configured, one with some is, and then its checks say
 * what is missing.
 */
async function givenSettings(connector: VendorConnector, options: ConnectionOptions): Promise<Record<string, string>> {
  const optional = Object.fromEntries(Object.entries(connector.settings).map(([key, setting]) => [key, { ...setting, required: false }]))
  return loadVendorSettings(
    { ...connector, settings: optional },
    {
      ...(options.config ? { configFile: options.config } : {}),
      ...(options.secretsFile ? { secretsFile: options.secretsFile } : {}),
      ...(options.set ? { overrides: options.set } : {}),
    },
  )
}

const outcomeWords: Record<DoctorCheck['outcome'], string> = { ok: 'ok', failed: 'FAILED', 'not checked': 'not checked' }

function printReport(results: { connector: VendorConnector; checks: DoctorCheck[] }[], notConfigured: VendorConnector[]): void {
  console.log(
    renderTable(
      ['vendor', 'check', 'result', 'what to do'],
      results.flatMap(({ connector, checks }) =>
        checks.map((check) => [
          connector.title,
          check.check,
          `${outcomeWords[check.outcome]}: ${check.detail}`,
          check.outcome === 'ok' ? '' : (check.advice ?? ''),
        ]),
      ),
    ),
  )
  for (const connector of notConfigured) console.log(`${connector.title}: not configured (set ${configuringVariables(connector)}; see --help).`)
  const failing = results.filter(({ checks }) => checks.some((check) => check.outcome === 'failed')).map(({ connector }) => connector.title)
  console.log(
    failing.length === 0
      ? `Every configured vendor passed (${results.map(({ connector }) => connector.title).join(', ')}). Rows marked "not checked" say what could not be checked without writing.`
      : `Failed: ${failing.join(', ')}. Fix what the table says, then run ticketbridge doctor again.`,
  )
}

/** `ticketbridge doctor`: are the configured vendors reachable, the credentials accepted, and the rights enough for a migration? */
export function createDoctorCommand(): Command {
  const vendors = listConnectors().map((connector) => connector.vendor)
  const command = new Command('doctor')
    .description(
      'Check each configured vendor before a migration: the address answers, the credentials are accepted, tickets and lookups can be read, and writes are allowed where that can be seen without writing.',
    )
    .option('--json', 'print the checks as JSON')
    .addHelpText(
      'after',
      commandHelp({
        examples: ['doctor', 'doctor --secrets-file .env.ticketbridge', 'doctor --config ticketbridge.config.yaml --json'],
        vendors,
        notes: [
          'Only vendors with at least one setting given are checked; the others are named with the variables that would configure them.',
          'Nothing is written to any vendor. A request gives up after 15 s without progress (--timeout to change it), with one quick retry.',
          'Exit codes: 0 every configured vendor passed, 3 a check failed, 2 no vendor is configured.',
        ],
      }),
    )
  addConnectionOptions(command)
  return command.action(async (options: ConnectionOptions & { json?: boolean }) => {
    const configured: VendorConnector[] = []
    const notConfigured: VendorConnector[] = []
    for (const connector of listConnectors())
      (Object.keys(await givenSettings(connector, options)).length > 0 ? configured : notConfigured).push(connector)
    if (configured.length === 0) {
      console.log('No vendor is configured, so there is nothing to check. Set, for one vendor at least:')
      for (const connector of notConfigured) console.log(`  ${connector.title}: ${configuringVariables(connector)}`)
      console.log('in the environment, a --secrets-file or --config (see ticketbridge doctor --help for every variable).')
      process.exitCode = exitCodes.configuration
      return
    }
    const results = await Promise.all(
      configured.map(async (connector) => ({ connector, checks: await checkVendor(connector, options, vendorChecks[connector.vendor]) })),
    )
    if (options.json) {
      const report = {
        vendors: results.map(({ connector, checks }) => ({
          vendor: connector.vendor,
          passed: checks.every((check) => check.outcome !== 'failed'),
          checks,
        })),
        notConfigured: notConfigured.map((connector) => ({ vendor: connector.vendor, variables: configuringVariables(connector) })),
      }
      console.log(JSON.stringify(report, null, 2))
    } else printReport(results, notConfigured)
    process.exitCode = results.some(({ checks }) => checks.some((check) => check.outcome === 'failed')) ? exitCodes.failed : exitCodes.success
  })
}
