/**
 * Test support: a second real RT 5 whose server `$Timezone` is not UTC, beside CI's own (which
 * start-rt runs in UTC). start-rt writes a fresh RT_SiteConfig.pm and empties RT_SiteConfig.d
 * whenever it starts a server, so the zone cannot be set before it runs; instead:
 *
 * 1. `start-rt` on a free port with its own state directory (database, root token, seed data);
 * 2. `stop-rt` without `--purge` (the database stays);
 * 3. `RT_SiteConfig.d/time-zone.pm` with `Set($Timezone, …)` (RT reads that directory last);
 * 4. rt-server started again as start-rt starts it: same command, same two variables, `setsid`,
 *    the pid file stop-rt reads; then wait until REST 1.0 answers;
 * 5. `stop-rt --purge` when done.
 *
 * Nothing here touches CI's RT (RT_URL): another port, another state directory.
 */
import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
/** `../shared/rt/` beside the repository, where CI finds start-rt. */
const scripts = fileURLToPath(new URL('../../../../../shared/rt/', import.meta.url))
const startRt = join(scripts, 'start-rt')
const stopRt = join(scripts, 'stop-rt')
/** start-rt's server and launch (keep in step with start-rt). */
const rtServer = '/usr/share/request-tracker5/libexec/rt-server'
const workers = '2'

/** A running RT of this module's. */
export interface RtServerInTimeZone {
  url: string
  user: string
  password: string
  token: string
  stateDirectory: string
  /** Stops the server and deletes its state directory. */
  stop(): Promise<void>
}

/**
 * Why the real-RT time zone tests cannot run here, or `undefined` when they can. As the other
 * real-RT tests: no RT_URL, no real RT (CI sets it after starting RT); and RT must be installed,
 * since start-rt would otherwise install it with apt.
 */
export function rtServerUnavailable(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!environment.RT_URL) return 'RT_URL is not set: no real RT here (CI starts one with ../shared/rt/start-rt)'
  if (!existsSync(startRt) || !existsSync(stopRt)) return `start-rt and stop-rt are not in ${scripts}`
  if (!existsSync(rtServer)) return `RT is not installed (${rtServer} is missing)`
  return undefined
}

/** A TCP port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Only what the scripts need: none of the caller's RT_* variables (start-rt reads RT_TOKEN as "make one"). */
function scriptEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', ...extra }
}

async function answersRest1(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/REST/1.0/`, { signal: AbortSignal.timeout(5000) })
    return (await response.text()).startsWith('RT/')
  } catch {
    return false
  }
}

/** rt-server as start-rt launches it: in its own session, its pid in the file stop-rt reads. */
async function launchRtServer(stateDirectory: string, port: number): Promise<void> {
  const log = await open(join(stateDirectory, 'rt-server.log'), 'a')
  try {
    const pidFile = join(stateDirectory, 'rt-server.pid')
    const server = [rtServer, '--server', 'Starlet', '--host', '127.0.0.1', '--port', String(port), '--max-workers', workers]
    const child = spawn('setsid', ['bash', '-c', 'echo $$ > "$0"; exec "$@"', pidFile, ...server], {
      cwd: stateDirectory,
      env: scriptEnvironment({
        RT_SITE_CONFIG: join(stateDirectory, 'RT_SiteConfig.pm'),
        RT_SITE_CONFIG_DIR: join(stateDirectory, 'RT_SiteConfig.d'),
      }),
      stdio: ['ignore', log.fd, log.fd],
    })
    // A launch that fails shows as RT not answering (waitForRest1, with the log).
    child.on('error', () => {})
    child.unref()
  } finally {
    await log.close()
  }
}

async function waitForRest1(url: string, stateDirectory: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await answersRest1(url))) {
    if (Date.now() > deadline) {
      const log = await readFile(join(stateDirectory, 'rt-server.log'), 'utf8').catch(() => '')
      throw new Error(`RT did not answer on ${url}/REST/1.0/ within ${timeoutMs} ms:\n${log.slice(-2000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Starts a fresh real RT whose server `$Timezone` is `timeZone` (see the module's comment). */
export async function startRtServerInTimeZone(timeZone: string): Promise<RtServerInTimeZone> {
  const stateDirectory = await mkdtemp(join(tmpdir(), 'rt-time-zone-'))
  const port = await freePort()
  const password = `tz-${randomBytes(8).toString('hex')}`
  const stateEnvironment = { RT_STATE_DIR: stateDirectory, RT_PORT: String(port) }
  const stop = async () => {
    await run(stopRt, ['--purge'], { env: scriptEnvironment(stateEnvironment), timeout: 60_000 })
  }
  try {
    const { stdout } = await run(startRt, [], {
      env: scriptEnvironment({ ...stateEnvironment, RT_ROOT_PASSWORD: password, RT_INSTALL: '0', RT_TOKEN: '1', RT_SEED: '1' }),
      timeout: 180_000,
    })
    const printed = Object.fromEntries(stdout.split('\n').flatMap((line) => (/^(RT_\w+)=(.*)$/.exec(line) ? [line.split(/=(.*)/s).slice(0, 2)] : [])))
    await run(stopRt, [], { env: scriptEnvironment(stateEnvironment), timeout: 60_000 })
    await writeFile(join(stateDirectory, 'RT_SiteConfig.d', 'time-zone.pm'), `Set($Timezone, '${timeZone.replace(/'/g, '')}');\n1;\n`)
    const url = `http://127.0.0.1:${port}`
    await launchRtServer(stateDirectory, port)
    await waitForRest1(url, stateDirectory, 90_000)
    return { url, user: printed.RT_USER ?? 'root', password, token: printed.RT_TOKEN ?? '', stateDirectory, stop }
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
}
