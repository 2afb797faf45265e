import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLedger } from '@ticketbridge/migrate'
import { createFaultProxy, type FaultProxy } from '@ticketbridge/testkit/servers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, runCli as run, startSimulatorPair } from '../test-support/run-cli'
import { exitCodes } from '../output/exit-codes'

/**
 * The mistakes people make with `ticketbridge migrate`: each is refused with exit 2, a message
 * that names the flag, file or field, and not one write on the target (every request to Halo's
 * resource server passes a logging proxy).
 */
describe('ticketbridge migrate refuses bad input before the first write', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-bad-input-test-'))
  let simulators: Awaited<ReturnType<typeof startSimulatorPair>>
  let proxy: FaultProxy
  let environment: Record<string, string>
  let cases = 0

  beforeAll(async () => {
    simulators = await startSimulatorPair({ source: 'rt', target: 'halo' }, { tickets: 4, seed: 5 })
    const resourceUrl = new URL(simulators.targetSimulator.settings.resourceUrl!)
    proxy = await createFaultProxy({ target: resourceUrl.origin })
    environment = { ...simulators.environment, HALO_RESOURCE_URL: `${proxy.url}${resourceUrl.pathname}` }
  }, 120_000)

  afterAll(async () => {
    await proxy?.close()
    await simulators?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  /** Runs `migrate` in a folder of its own with a state dir of its own; expects exit 2 naming `names`, and no write on Halo. */
  async function refused(
    extra: string[],
    names: RegExp,
    options: { env?: Record<string, string>; prepare?: (caseFolder: string) => void | Promise<void> } = {},
  ) {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    cases += 1
    const caseFolder = join(folder, `case-${cases}`)
    mkdirSync(caseFolder)
    await options.prepare?.(caseFolder)
    const writesBefore = proxy.requests.filter((request) => request.method !== 'GET').length
    const result = await run(['migrate', '--from', 'rt', '--to', 'halo', ...extra], {
      cwd: caseFolder,
      env: { ...environment, TICKETBRIDGE_STATE_DIR: join(caseFolder, 'state'), ...options.env },
    })
    expect(result.code, result.output).toBe(exitCodes.configuration)
    expect(result.output).toMatch(names)
    expect(proxy.requests.filter((request) => request.method !== 'GET').length - writesBefore).toBe(0)
    return { caseFolder, output: result.output }
  }

  it('--resume when the ledger holds no run', async () => {
    await refused(['--resume'], /--resume: .* holds no run to resume/)
  }, 60_000)

  it('a ledger of another pair of vendors, or of other instances', async () => {
    await refused(['--ledger', 'other-pair.sqlite'], /other-pair\.sqlite is the ledger of a autotask → halo migration, not rt → halo/, {
      prepare: async (caseFolder) => {
        const ledger = await openLedger(join(caseFolder, 'other-pair.sqlite'))
        await ledger.setMeta('source', 'autotask')
        await ledger.setMeta('target', 'halo')
        await ledger.close()
      },
    })
    await refused(
      ['--ledger', 'other-desk.sqlite'],
      /other-desk\.sqlite is the ledger of a migration from rt at https:\/\/rt\.other-client\.example/,
      {
        prepare: async (caseFolder) => {
          const ledger = await openLedger(join(caseFolder, 'other-desk.sqlite'))
          await ledger.setMeta('source', 'rt')
          await ledger.setMeta('target', 'halo')
          await ledger.setMeta('sourceInstance', 'https://rt.other-client.example')
          await ledger.close()
        },
      },
    )
  }, 60_000)

  it('a mapping to a status the target does not have, unless allowed', async () => {
    const { caseFolder } = await refused(
      ['--mapping', 'mapping.yaml'],
      /mapping statuses\."open" names the status "Waiting on the moon".*--allow-unmapped/s,
      {
        prepare: (at) => writeFileSync(join(at, 'mapping.yaml'), 'statuses:\n  open: Waiting on the moon\n'),
      },
    )
    // Nothing was written, not even the ledger.
    expect(
      existsSync(join(caseFolder, 'state', 'ledgers'))
        ? readdirSync(join(caseFolder, 'state', 'ledgers')).filter((name) => name.endsWith('.sqlite'))
        : [],
    ).toEqual([])
    // Allowed, the run goes ahead and says what it did with those tickets.
    const allowed = await run(['migrate', '--from', 'rt', '--to', 'halo', '--mapping', 'mapping.yaml', '--allow-unmapped', '--no-verify'], {
      cwd: caseFolder,
      env: { ...environment, TICKETBRIDGE_STATE_DIR: join(caseFolder, 'state') },
    })
    expect(allowed.code, allowed.output).toBe(exitCodes.success)
    expect(allowed.output).toMatch(/note: mapping statuses\."open" names the status "Waiting on the moon".*target's default/)
  }, 60_000)

  it('a mapping entry with a typo: a "did you mean" for the target value, and a note for a key no source value matches', async () => {
    const { caseFolder } = await refused(
      ['--mapping', 'mapping.yaml'],
      /names the status "Closd", which the target does not have .* Did you mean 'Closed'\?/s,
      {
        prepare: (at) => writeFileSync(join(at, 'mapping.yaml'), 'statuses:\n  opne: Closd\n'),
      },
    )
    writeFileSync(join(caseFolder, 'mapping.yaml'), 'statuses:\n  opne: Closed\n')
    const dryRun = await run(['migrate', '--from', 'rt', '--to', 'halo', '--mapping', 'mapping.yaml', '--dry-run'], {
      cwd: caseFolder,
      env: { ...environment, TICKETBRIDGE_STATE_DIR: join(caseFolder, 'state') },
    })
    expect(dryRun.code, dryRun.output).toBe(exitCodes.success)
    expect(dryRun.output).toMatch(
      /mapping statuses\."opne" matches no value of the tickets listed in the source; it changes nothing\. Did you mean 'open'\?/,
    )
  }, 60_000)

  it('a --since that is not a date, with the formats it takes', async () => {
    await refused(['--since', 'yesterday'], /--since takes a date \(2026-11-30, midnight UTC\).* not "yesterday"/)
  }, 60_000)

  it('a report folder that cannot be written', async () => {
    await refused(['--report-dir', 'a-file/reports'], /--report-dir a-file\/reports cannot take the reports/, {
      prepare: (at) => writeFileSync(join(at, 'a-file'), 'not a folder'),
    })
  }, 60_000)

  it('an unknown flag, a config file that is not YAML, a ledger that is not SQLite', async () => {
    await refused(['--no-such-flag'], /unknown option '--no-such-flag'/)
    await refused(['--config', 'broken.yaml'], /config file broken\.yaml is not valid YAML or JSON/, {
      prepare: (at) => writeFileSync(join(at, 'broken.yaml'), 'halo:\n  tenant: [unclosed\n'),
    })
    await refused(['--ledger', 'notes.txt'], /Cannot use notes\.txt as a ticketbridge ledger/, {
      prepare: (at) => writeFileSync(join(at, 'notes.txt'), 'these are my notes, not a database\n'.repeat(200)),
    })
  }, 60_000)

  it('leaves no ledger behind when the target refuses the credentials', async () => {
    const caseFolder = join(folder, 'wrong-secret')
    mkdirSync(caseFolder)
    const result = await run(['migrate', '--from', 'rt', '--to', 'halo'], {
      cwd: caseFolder,
      env: { ...environment, HALO_CLIENT_SECRET: 'not-the-secret-0123456789', TICKETBRIDGE_STATE_DIR: join(caseFolder, 'state') },
    })
    expect(result.code, result.output).toBe(exitCodes.failed)
    const ledgers = existsSync(join(caseFolder, 'state', 'ledgers')) ? readdirSync(join(caseFolder, 'state', 'ledgers')) : []
    expect(ledgers.filter((name) => name.endsWith('.sqlite'))).toEqual([])
    expect(result.output).not.toContain('not-the-secret-0123456789')
  }, 60_000)
})
