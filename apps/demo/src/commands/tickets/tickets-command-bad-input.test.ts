import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../output/exit-codes'
import { cli, runCli as run, startSimulatorPair } from '../../test-support/run-cli'

/** `ticketbridge tickets` answers the mistakes people make with a sentence and the documented exit code. */
describe('ticketbridge tickets: mistakes say what to do', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-tickets-input-test-'))
  let simulators: Awaited<ReturnType<typeof startSimulatorPair>>
  const tickets = (arguments_: string[], environment: Record<string, string> = {}) =>
    run(['tickets', ...arguments_], { cwd: folder, env: { ...simulators.environment, ...environment } })

  beforeAll(async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    simulators = await startSimulatorPair({ source: 'autotask', target: 'halo' }, { tickets: 2, seed: 3 })
  }, 120_000)

  afterAll(async () => {
    await simulators?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('a status category, a priority or a date it does not know: exit 2, the choices and a "did you mean"', async () => {
    const status = await tickets(['list', '--vendor', 'halo', '--status', 'open,opne'])
    expect(status.code, status.output).toBe(exitCodes.configuration)
    expect(status.output).toContain(`--status takes new, open, pending, resolved or closed; not "opne". Did you mean 'open'?`)
    expect(status.output).not.toMatch(/invalid_value|"path"/)

    const priority = await tickets(['create', '--vendor', 'halo', '--subject', 'Printer', '--priority', 'hgh'])
    expect(priority.code, priority.output).toBe(exitCodes.configuration)
    expect(priority.output).toContain(`--priority takes low, normal, high or urgent; not "hgh". Did you mean 'high'?`)

    const since = await tickets(['list', '--vendor', 'halo', '--since', 'yesterday'])
    expect(since.code, since.output).toBe(exitCodes.configuration)
    expect(since.output).toMatch(/--since takes a date .* span back from now \(30m, 12h, 7d, 2w\); not "yesterday"/)
  }, 60_000)

  it('a ticket that does not exist is its own exit code, not a stopped run', async () => {
    const missing = await tickets(['get', '999999', '--vendor', 'halo'])
    expect(missing.code, missing.output).toBe(exitCodes.notFound)
    expect(missing.output).toMatch(/Not found .*999999.*Check the id/)
  }, 60_000)

  it('a list at a wrong address says to check the base URL, not the id', async () => {
    const resourceUrl = simulators.environment.HALO_RESOURCE_URL!
    const wrong = await tickets(['list', '--vendor', 'halo'], { HALO_RESOURCE_URL: resourceUrl.replace(/\/api$/, '') })
    expect(wrong.code, wrong.output).toBe(exitCodes.notFound)
    expect(wrong.output).toMatch(/No such address \(HTTP 404 on GET \/Tickets\).*Check the vendor's base URL setting/)
    expect(wrong.output).not.toMatch(/Check the id/)
  }, 60_000)
})
