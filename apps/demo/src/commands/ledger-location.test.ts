import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultLedgerPath, ledgerFolder } from './ledger-location'

describe('defaultLedgerPath', () => {
  const rt = { vendor: 'rt', instance: 'https://rt.acme.example' }
  const halo = { vendor: 'halo', instance: 'https://acme.halopsa.com/api tenant acme' }
  const environment = { TICKETBRIDGE_STATE_DIR: '/var/lib/ticketbridge' }

  it('keeps one ledger per pair of instances, whatever the shell’s folder', () => {
    const path = defaultLedgerPath(rt, halo, environment)
    expect(path.startsWith(join('/var/lib/ticketbridge', 'ledgers'))).toBe(true)
    expect(path).toMatch(/rt-rt\.acme\.example-[0-9a-f]{8}--to--halo-acme\.halopsa\.com-api-tenant-acme-[0-9a-f]{8}\.sqlite$/)
    expect(defaultLedgerPath(rt, halo, environment)).toBe(path)
    // Another tenant on the same host, or the other direction, is another migration.
    expect(defaultLedgerPath(rt, { vendor: 'halo', instance: 'https://acme.halopsa.com/api tenant other' }, environment)).not.toBe(path)
    expect(defaultLedgerPath(halo, rt, environment)).not.toBe(path)
  })

  it('lives in TICKETBRIDGE_STATE_DIR, else XDG_STATE_HOME, else ~/.local/state', () => {
    expect(ledgerFolder({ TICKETBRIDGE_STATE_DIR: '/srv/tb', XDG_STATE_HOME: '/x' })).toBe('/srv/tb')
    expect(ledgerFolder({ XDG_STATE_HOME: '/x' })).toBe(join('/x', 'ticketbridge'))
    expect(ledgerFolder({})).toMatch(/\.local[/\\]state[/\\]ticketbridge$/)
  })
})
