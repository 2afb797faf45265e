import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../output/exit-codes'
import { cli, runCli } from '../../test-support/run-cli'
import { blankVendorEnvironment, startVendorSimulator } from '../../test-support/start-vendor-simulator'

interface DoctorReport {
  vendors: { vendor: string; passed: boolean; checks: { check: string; outcome: string; detail: string; advice?: string }[] }[]
  notConfigured: { vendor: string; variables: string }[]
}

/** `ticketbridge doctor` on the three simulators: what passes, what fails and says what to do, and its exit codes. */
describe('ticketbridge doctor', { timeout: 90_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-doctor-'))
  let simulators: Awaited<ReturnType<typeof startVendorSimulator>>[]
  let environment: Record<string, string>
  const doctor = (env: Record<string, string>, ...arguments_: string[]) => runCli(['doctor', ...arguments_], { cwd: folder, env })

  beforeAll(async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    simulators = await Promise.all(['halo', 'autotask', 'rt'].map((vendor) => startVendorSimulator(vendor, 1)))
    environment = blankVendorEnvironment()
    for (const simulator of simulators) for (const [name, value] of Object.entries(simulator.environment)) if (value !== '') environment[name] = value
  }, 60_000)

  afterAll(async () => {
    await Promise.all((simulators ?? []).map((simulator) => simulator.close()))
    rmSync(folder, { recursive: true, force: true })
  })

  it('passes every configured vendor and says what it could not check', async () => {
    const result = await doctor(environment, '--json')
    expect(result.code, result.output).toBe(exitCodes.success)
    const report = JSON.parse(result.output) as DoctorReport
    expect(report.vendors.map((vendor) => [vendor.vendor, vendor.passed])).toEqual([
      ['halo', true],
      ['autotask', true],
      ['rt', true],
    ])
    for (const vendor of report.vendors) {
      expect(vendor.checks.map((check) => check.check)).toEqual(
        expect.arrayContaining(['address answers', 'credentials accepted', 'read tickets', 'read lookups']),
      )
    }
    const haloWrite = report.vendors[0]!.checks.find((check) => check.check === 'write tickets')!
    expect(haloWrite.outcome).toBe('not checked')
    expect(report.vendors[2]!.checks.find((check) => check.check === 'create tickets')).toMatchObject({ outcome: 'ok' })

    const table = await doctor(environment)
    expect(table.code).toBe(exitCodes.success)
    expect(table.output).toMatch(/\| vendor\s+\| check\s+\| result\s+\| what to do/)
    expect(table.output).toContain('Every configured vendor passed')
  })

  it('fails on refused credentials with a line that says which variables to check, and prints no secret', async () => {
    const wrong = { ...environment, HALO_CLIENT_SECRET: 'not-the-secret-4711' }
    const result = await doctor(wrong)
    expect(result.code, result.output).toBe(exitCodes.failed)
    expect(result.output).toMatch(/Halo\s+\| credentials accepted\s+\| FAILED: .*\| check HALO_CLIENT_ID, HALO_CLIENT_SECRET/)
    expect(result.output).toMatch(/Request Tracker\s+\| read tickets\s+\| ok/)
    expect(result.output).toContain('Failed: Halo.')
    expect(result.output).not.toContain('not-the-secret-4711')
  })

  it('fails when an address does not answer, naming the variable', async () => {
    const result = await doctor({ ...blankVendorEnvironment(), RT_URL: 'http://127.0.0.1:9', RT_TOKEN: 'unused' }, '--json')
    expect(result.code, result.output).toBe(exitCodes.failed)
    const report = JSON.parse(result.output) as DoctorReport
    expect(report.vendors.map((vendor) => vendor.vendor)).toEqual(['rt'])
    expect(report.vendors[0]!.checks.find((check) => check.check === 'address answers')).toMatchObject({
      outcome: 'failed',
      advice: expect.stringContaining('RT_URL'),
    })
    expect(report.notConfigured.map((vendor) => vendor.vendor)).toEqual(['halo', 'autotask'])
  })

  it('checks only configured vendors, and exits 2 when there is none', async () => {
    const onlyRt = Object.fromEntries(Object.entries(environment).filter(([name]) => name.startsWith('RT_')))
    const result = await doctor({ ...blankVendorEnvironment(), ...onlyRt })
    expect(result.code, result.output).toBe(exitCodes.success)
    expect(result.output).toContain('Halo: not configured (set HALO_CLIENT_ID')
    expect(result.output).toContain('Autotask: not configured (set AUTOTASK_USERNAME, AUTOTASK_SECRET, AUTOTASK_INTEGRATION_CODE')

    const none = await doctor(blankVendorEnvironment())
    expect(none.code, none.output).toBe(exitCodes.configuration)
    expect(none.output).toContain('No vendor is configured')
    expect(none.output).toContain('RT_URL; credentials in RT_TOKEN or RT_PASSWORD')
  })
})
