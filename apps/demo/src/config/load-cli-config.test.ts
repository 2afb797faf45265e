import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'
import { afterAll, describe, expect, it } from 'vitest'
import { findConnector } from '../connectors/connectors'
import { loadVendorSettings } from './load-cli-config'

const haloConnector = findConnector('halo')

describe('loadVendorSettings', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-config-test-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const path = join(folder, name)
    writeFileSync(path, text)
    return path
  }

  it('reads the config file, then the environment and the secrets file, then --set', async () => {
    const configFile = file('config.yaml', 'halo:\n  resourceUrl: https://file.example/api\n  clientId: from-file\n  tenant: acme\n')
    const secretsFile = file('secrets.env', '# secrets\nHALO_CLIENT_SECRET="s3cret-from-file"\n')
    const settings = await loadVendorSettings(haloConnector, {
      configFile,
      secretsFile,
      overrides: ['halo.tenant=override', 'rt.url=http://ignored.example'],
      environment: { HALO_CLIENT_ID: 'from-environment' },
    })
    expect(settings).toMatchObject({
      resourceUrl: 'https://file.example/api',
      clientId: 'from-environment',
      tenant: 'override',
      clientSecret: 's3cret-from-file',
    })
  })

  it('refuses secrets in the config file and in flags, naming where they belong', async () => {
    const configFile = file('bad.yaml', 'halo:\n  clientId: x\n  clientSecret: do-not-put-me-here\n')
    await expect(loadVendorSettings(haloConnector, { configFile, environment: {} })).rejects.toThrow(
      /halo\.clientSecret is a secret; set HALO_CLIENT_SECRET/,
    )
    await expect(loadVendorSettings(haloConnector, { overrides: ['halo.clientSecret=nope'], environment: { HALO_CLIENT_ID: 'x' } })).rejects.toThrow(
      /secrets are not taken from flags/,
    )
  })

  it('names unknown and missing settings', async () => {
    const configFile = file('typo.yaml', 'halo:\n  clientid: x\n')
    const typo = loadVendorSettings(haloConnector, { configFile, environment: {} })
    await expect(typo).rejects.toThrow(/halo\.clientid is not a Halo setting/)
    try {
      await loadVendorSettings(haloConnector, { environment: {} })
      expect.unreachable()
    } catch (error) {
      expect(ConfigurationError.isInstance(error) && error.option).toBe('halo.clientId')
      expect(String(error)).toContain('HALO_CLIENT_ID')
    }
  })
})
