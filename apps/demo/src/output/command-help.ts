import { findConnector } from '../connectors/connectors'

/** What a command's `--help` ends with: examples, then the environment variables it reads. */
export interface CommandHelp {
  /** Command lines without the leading `ticketbridge`. */
  examples: string[]
  /** The vendors whose settings the command reads. */
  vendors: readonly string[]
  /** Lines said after the variables (limits, what is never printed, …). */
  notes?: string[]
}

/**
 * The text after a command's options (commander `addHelpText('after', …)`): examples, the
 * variables of each vendor it reads (from the vendor's connector, so the list never goes stale),
 * and where else settings come from.
 */
export function commandHelp(help: CommandHelp): string {
  const lines = ['', 'Examples:', ...help.examples.map((example) => `  $ ticketbridge ${example}`)]
  if (help.vendors.length > 0) lines.push('', 'Environment:')
  for (const vendor of help.vendors) {
    const connector = findConnector(vendor)
    lines.push(`  ${connector.title}:`)
    const width = Math.max(...Object.values(connector.settings).map((setting) => setting.environment.length))
    for (const setting of Object.values(connector.settings)) {
      const marks = [setting.required ? 'required' : '', setting.secret ? 'secret' : ''].filter(Boolean).join(', ')
      lines.push(`    ${setting.environment.padEnd(width)}  ${setting.description}${marks ? ` (${marks})` : ''}`)
    }
  }
  if (help.vendors.length > 0)
    lines.push(
      '  Settings also come from --config (no secrets), --secrets-file (KEY=value lines) and --set vendor.setting=value (no secrets).',
      '  Secrets are never printed, in output or in errors.',
    )
  if (help.notes && help.notes.length > 0) lines.push('', ...help.notes)
  return lines.join('\n')
}
