import { spawn } from 'node:child_process'
import { ConfigurationError, redactText } from '@ticketbridge/core'
import type { ConnectorSignIn, VendorConnector } from '@ticketbridge/http'
import { Command } from 'commander'
import { findConnector, listConnectors } from '../../connectors/connectors'
import { exitCodes } from '../../output/exit-codes'
import { startLoopbackRedirectListener } from './loopback-redirect-listener'
import { addConnectionOptions, type ConnectionOptions, connectionSettings } from '../shared-options'

/** How long `auth login` waits for the browser to come back. */
const signInWaitMs = 10 * 60_000

const storedWhere =
  // Written as the shell would expand it: a template literal keeps `${…}` as text.
  `$TICKETBRIDGE_CONFIG_DIR/credentials/, else \${XDG_CONFIG_HOME:-~/.config}/ticketbridge/credentials/: one file per instance (halo-<address>.json), readable only by you (mode 0600)`

/** The connectors that offer a sign-in in a browser. */
function signInVendors(): VendorConnector[] {
  return listConnectors().filter((connector) => connector.signIn !== undefined)
}

function signInOf(vendor: string): { connector: VendorConnector; signIn: ConnectorSignIn } {
  const connector = findConnector(vendor)
  if (!connector.signIn) {
    const offered = signInVendors().map((candidate) => candidate.vendor)
    throw new ConfigurationError(
      `${connector.title} has no sign-in in a browser: give its API credentials in the environment instead (see --help). Sign-in exists for: ${offered.join(', ')}.`,
      { option: 'vendor' },
    )
  }
  return { connector, signIn: connector.signIn }
}

/** Examples, the variables read and where sign-ins are kept: the end of each auth command's --help. */
function authHelp(examples: string[]): string {
  const lines = ['', 'Examples:', ...examples.map((example) => `  $ ticketbridge ${example}`), '', 'Environment:']
  for (const connector of signInVendors()) {
    const settings = Object.values(connector.settings)
    const width = Math.max(...settings.map((setting) => setting.environment.length))
    lines.push(`  ${connector.title}:`)
    for (const setting of settings) lines.push(`    ${setting.environment.padEnd(width)}  ${setting.description}${setting.secret ? ' (secret)' : ''}`)
  }
  lines.push(
    '  ticketbridge:',
    '    TICKETBRIDGE_CONFIG_DIR  where sign-ins are stored (below)',
    '    XDG_CONFIG_HOME          where sign-ins are stored without TICKETBRIDGE_CONFIG_DIR',
    '    DISPLAY                  login opens a browser only with a terminal and a display',
    '  Settings also come from --config (no secrets), --secrets-file and --set vendor.setting=value.',
    '',
    `Stored sign-ins: ${storedWhere}.`,
    'Only the refresh token is stored, with the instance and the application it belongs to; no token or secret is ever printed.',
  )
  return lines.join('\n')
}

/** Opens the address in the desktop's browser; only with a terminal and a display, and quietly when that fails. */
function tryOpenBrowser(url: string): boolean {
  if (!(process.stdout.isTTY || process.stderr.isTTY) || !process.env.DISPLAY) return false
  const command = process.platform === 'darwin' ? 'open' : 'xdg-open'
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}

async function login(vendor: string, options: ConnectionOptions & { browser: boolean }): Promise<void> {
  const { connector, signIn } = signInOf(vendor)
  const settings = await connectionSettings(vendor, options)
  const listener = await startLoopbackRedirectListener()
  try {
    const attempt = await signIn.start(settings, { redirectUri: listener.redirectUri })
    console.error(`Open this address in a browser to sign in to ${connector.title}:\n\n  ${attempt.authorizeUrl}\n`)
    if (options.browser && tryOpenBrowser(attempt.authorizeUrl)) console.error('(A browser is opening it.)')
    console.error(`Waiting for the browser to come back to ${listener.redirectUri} …`)
    const redirect = await listener.nextRedirect(signInWaitMs)
    try {
      const { path, signedInAs } = await attempt.complete(redirect.url)
      const who = signedInAs ? ` as ${signedInAs}` : ''
      redirect.respond(200, 'Signed in', `You are signed in to ${connector.title}${who}. You can close this window and go back to the terminal.`)
      console.error(`Signed in to ${connector.title}${who}. The sign-in is stored in ${path} (readable only by you).`)
    } catch (error) {
      redirect.respond(400, 'Not signed in', redactText(error instanceof Error ? error.message : String(error)))
      throw error
    }
  } finally {
    await listener.close()
  }
}

/** Where each setting came from, by the loader's precedence: --set, then the environment, then the files. */
function sourceOf(vendor: string, key: string, secret: boolean, environmentName: string, options: ConnectionOptions): string {
  if (options.set?.some((override) => override.startsWith(`${vendor}.${key}=`))) return '--set'
  if (process.env[environmentName]) return 'environment'
  if (secret || !options.config) return 'secrets file'
  return options.secretsFile ? 'config or secrets file' : 'config file'
}

/** One vendor's lines of `auth status`; false when its stored sign-in no longer works. */
async function describeVendor(connector: VendorConnector, options: ConnectionOptions): Promise<{ lines: string[]; healthy: boolean }> {
  const lines = [`${connector.title} (${connector.vendor})`]
  let settings: Record<string, string>
  try {
    settings = await connectionSettings(connector.vendor, options)
  } catch (error) {
    return { lines: [...lines, `  not configured: ${error instanceof Error ? error.message : String(error)}`], healthy: true }
  }
  for (const [key, setting] of Object.entries(connector.settings)) {
    const value = settings[key]
    if (value === undefined) continue
    const shown = setting.secret ? 'set (secret, not shown)' : value
    lines.push(`  ${key}: ${shown}  [${sourceOf(connector.vendor, key, setting.secret, setting.environment, options)}: ${setting.environment}]`)
  }
  const secrets = Object.entries(connector.settings).filter(([key, setting]) => setting.secret && settings[key] !== undefined)
  if (!connector.signIn) return { lines, healthy: true }
  let status: Awaited<ReturnType<ConnectorSignIn['check']>>
  try {
    status = await connector.signIn.check(settings)
  } catch (error) {
    return { lines: [...lines, `  stored sign-in: cannot tell: ${error instanceof Error ? error.message : String(error)}`], healthy: true }
  }
  if (!status.stored) {
    lines.push(`  stored sign-in: none (${status.path})`)
    if (secrets.length === 0) lines.push(`  nothing to authenticate with: set a secret, or run \`ticketbridge auth login ${connector.vendor}\``)
    return { lines, healthy: true }
  }
  const who = status.signedInAs ? ` as ${status.signedInAs}` : ''
  const since = status.signedInAt ? ` since ${status.signedInAt}` : ''
  lines.push(`  stored sign-in: ${status.path}${who}${since}`)
  lines.push(
    status.refreshes
      ? '  the stored sign-in still refreshes (renewed just now)'
      : `  the stored sign-in no longer refreshes: ${status.problem ?? 'refused'} Run \`ticketbridge auth login ${connector.vendor}\` again.`,
  )
  lines.push(secrets.length > 0 ? '  in use: the secret above (a stored sign-in is used only without one)' : '  in use: the stored sign-in')
  return { lines, healthy: status.refreshes }
}

async function status(vendor: string | undefined, options: ConnectionOptions): Promise<void> {
  const connectors = vendor ? [findConnector(vendor)] : listConnectors()
  let healthy = true
  for (const [index, connector] of connectors.entries()) {
    const described = await describeVendor(connector, options)
    healthy &&= described.healthy
    console.log([...(index > 0 ? [''] : []), ...described.lines].join('\n'))
  }
  if (!healthy) process.exitCode = exitCodes.failed
}

async function logout(vendor: string, options: ConnectionOptions): Promise<void> {
  const { connector, signIn } = signInOf(vendor)
  const settings = await connectionSettings(vendor, options)
  const path = signIn.storedPath(settings)
  const removed = await signIn.forget(settings)
  console.error(removed ? `Signed out of ${connector.title}: deleted ${path}.` : `No stored ${connector.title} sign-in at ${path}; nothing to do.`)
}

/** `ticketbridge auth login|status|logout`: a person's sign-in in a browser, stored for the other commands. */
export function createAuthCommand(): Command {
  const vendors = signInVendors()
    .map((connector) => connector.vendor)
    .join(', ')
  const auth = new Command('auth')
    .description(`Sign in as a person (in a browser, OAuth with PKCE) instead of handing an API secret to ticketbridge. Vendors: ${vendors}.`)
    .addHelpText('after', authHelp(['auth login halo', 'auth status', 'auth logout halo']))

  const loginCommand = new Command('login')
    .description(
      'Sign in in a browser: ticketbridge listens on 127.0.0.1 for the redirect, redeems the code and stores the refresh token. Later commands use it when no secret is set.',
    )
    .argument('<vendor>', vendors)
    .option('--no-browser', 'only print the address to open; do not try to open a browser')
    .addHelpText('after', authHelp(['auth login halo', 'auth login halo --no-browser', 'tickets list --vendor halo']))
  addConnectionOptions(loginCommand).action(login)

  const statusCommand = new Command('status')
    .description(
      'Show, per vendor, what is configured and where it came from (secrets never shown), and whether a stored sign-in still refreshes. Exits 3 when one no longer does.',
    )
    .argument('[vendor]', 'only this vendor')
  statusCommand.addHelpText('after', authHelp(['auth status', 'auth status halo --config ticketbridge.config.yaml']))
  addConnectionOptions(statusCommand).action(status)

  const logoutCommand = new Command('logout')
    .description('Delete the stored sign-in of the configured instance.')
    .argument('<vendor>', vendors)
    .addHelpText('after', authHelp(['auth logout halo']))
  addConnectionOptions(logoutCommand).action(logout)

  return auth.addCommand(loginCommand).addCommand(statusCommand).addCommand(logoutCommand)
}
