import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { findConnector } from '../connectors/connectors'
import { seedHelpDesk } from '../demo/seed-help-desk'
import { runMigration } from './run-migration'

describe('runMigration reports', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-report-test-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('write JSON and HTML reports and log lines that show no secret', async () => {
    const autotaskSimulator = await findConnector('autotask').startSimulator({})
    const haloSimulator = await findConnector('halo').startSimulator({})
    const source = findConnector('autotask').createAdapter(autotaskSimulator.settings)
    const target = findConnector('halo').createAdapter(haloSimulator.settings)
    const secrets = [autotaskSimulator.settings.secret!, autotaskSimulator.settings.integrationCode!, haloSimulator.settings.clientSecret!]
    const lines: string[] = []
    try {
      await seedHelpDesk(source, 6, 3)
      const result = await runMigration({
        source,
        target,
        ledgerPath: join(folder, 'ledger.sqlite'),
        reportFolder: join(folder, 'reports'),
        log: (line) => lines.push(line),
      })
      expect(result.report.counts.tickets.read).toBe(6)
      const files = readdirSync(join(folder, 'reports'))
      expect(files.filter((name) => name.endsWith('.json'))).toHaveLength(1)
      expect(files.filter((name) => name.endsWith('.html'))).toHaveLength(1)
      const written = [
        ...files.map((name) => readFileSync(join(folder, 'reports', name), 'utf8')),
        lines.join('\n'),
        inspect(result.report, { depth: 20 }),
      ]
      for (const text of written) for (const secret of secrets) expect(text).not.toContain(secret)
      expect(readFileSync(result.htmlPath, 'utf8')).toMatch(/^<!DOCTYPE html>/)
    } finally {
      await Promise.all([source.close(), target.close()])
      await Promise.all([autotaskSimulator.close(), haloSimulator.close()])
    }
  }, 120_000)
})
