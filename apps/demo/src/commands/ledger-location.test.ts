import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '@ticketbridge/core'
import { defaultLedgerPath, ledgerFolder, ledgerLocation } from './ledger-location'

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

  it('names a ledger in PostgreSQL after the instances, as the default file is named, and never shows the password', () => {
    const instances = { from: rt, to: halo }
    const url = 'postgres://ticketbridge:s3cret-pass@db.internal:5432/ticketbridge'
    const location = ledgerLocation({ ledger: url }, instances, environment)
    expect(location.ledger).toBe(url)
    expect(`${location.ledgerName}.sqlite`).toBe(defaultLedgerPath(rt, halo, environment).split(/[/\\]/).at(-1))
    expect(location.label).not.toContain('s3cret-pass')
    expect(location.label).toContain('db.internal:5432')
    expect(ledgerLocation({ ledger: url, ledgerName: 'acme' }, instances, environment).ledgerName).toBe('acme')
    // The setting stands in for the flag.
    expect(ledgerLocation({}, instances, { ...environment, TICKETBRIDGE_LEDGER: url }).ledger).toBe(url)
    // A name without a database to hold it is a mistake, said as one.
    expect(() => ledgerLocation({ ledgerName: 'acme' }, instances, environment)).toThrow(ConfigurationError)
  })
})
