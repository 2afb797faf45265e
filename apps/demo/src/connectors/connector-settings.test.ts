import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadVendorSettings } from '../config/load-cli-config'
import { listConnectors } from './connectors'

const packages = fileURLToPath(new URL('../../../../packages', import.meta.url))

/** The settings an adapter's messages tell the user to set: "set timeEntryResourceId in the settings". */
function settingsNamedInMessages(vendor: string): string[] {
  const folder = join(packages, vendor, 'src', 'adapter')
  const names = new Set<string>()
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/\bset (\w+) in the settings/g)) names.add(match[1]!)
  }
  return [...names]
}

describe('settings the messages name', () => {
  for (const connector of listConnectors()) {
    const vendor = connector.vendor
    it(`${vendor}: each one the adapter's messages name is settable from the CLI, the config file and the environment`, async () => {
      // Every required setting filled, so only the one under test can go wrong.
      const required = Object.fromEntries(
        Object.values(connector.settings)
          .filter((setting) => setting.required)
          .map((setting) => [setting.environment, 'x']),
      )
      for (const name of settingsNamedInMessages(vendor)) {
        const setting = connector.settings[name]
        expect(setting, `${vendor}.${name} is named in a message but is not a CLI setting`).toBeDefined()
        expect((await loadVendorSettings(connector, { overrides: [`${vendor}.${name}=4`], environment: required }))[name]).toBe('4')
        expect((await loadVendorSettings(connector, { environment: { ...required, [setting!.environment]: '4' } }))[name]).toBe('4')
      }
    })
  }

  it('finds the Autotask time-entry resource among them', () => {
    expect(settingsNamedInMessages('autotask')).toContain('timeEntryResourceId')
  })
})
