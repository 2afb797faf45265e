import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHaloSimulator, type HaloServedSimulator, type HaloSimulator } from '@ticketbridge/halo/simulator'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli, runCli, waitForExit } from '../../test-support/run-cli'

let simulator: HaloSimulator
let server: HaloServedSimulator
let configFolder: string
let environment: Record<string, string>
const outputs: string[] = []

beforeEach(async () => {
  simulator = createHaloSimulator({ rateLimit: false, seed: 3 })
  server = await simulator.serve()
  configFolder = await mkdtemp(join(tmpdir(), 'ticketbridge-auth-'))
  environment = {
    HALO_RESOURCE_URL: server.resourceUrl,
    HALO_AUTH_URL: server.authUrl,
    HALO_TENANT: simulator.credentials.tenant!,
    // The native application of a person's sign-in: a client id, no secret.
    HALO_CLIENT_ID: simulator.credentials.authorizationCodeClientId,
    HALO_CLIENT_SECRET: '',
    HALO_PASSWORD: '',
    HALO_USERNAME: '',
    HALO_REQUESTS_PER_5_MINUTES: '100000',
    TICKETBRIDGE_CONFIG_DIR: configFolder,
    DISPLAY: '',
  }
  outputs.length = 0
})

afterEach(async () => {
  await server.close()
  await rm(configFolder, { recursive: true, force: true })
})

async function run(arguments_: string[]): Promise<{ code: number | null; output: string }> {
  const result = await runCli(arguments_, { cwd: configFolder, env: environment })
  outputs.push(result.output)
  return result
}

/** `auth login halo --no-browser`, running: what it printed so far, and a wait for a line. */
function startLogin(): { child: ChildProcess; printed: () => string; waitFor(pattern: RegExp): Promise<RegExpMatchArray> } {
  const child = spawn(process.execPath, [cli, 'auth', 'login', 'halo', '--no-browser'], {
    cwd: configFolder,
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const listeners = new Set<() => void>()
  const take = (chunk: Buffer) => {
    printed += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', take)
  child.stderr?.on('data', take)
  child.once('exit', () => outputs.push(printed))
  return {
    child,
    printed: () => printed,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(printed)
          if (match) {
            listeners.delete(check)
            resolve(match)
          }
        }
        child.once('exit', () => reject(new Error(`ticketbridge ended before printing ${pattern}:\n${printed}`)))
        listeners.add(check)
        check()
      }),
  }
}

/** The whole sign-in as a browser would do it: open the printed address and follow the redirects to the CLI's listener. */
async function signIn(): Promise<{ page: Response; code: number | null; printed: string }> {
  const login = startLogin()
  const [authorizeUrl] = await login.waitFor(/http:\/\/127\.0\.0\.1:\d+\/auth\/authorize\?\S+/)
  const page = await fetch(authorizeUrl!, { redirect: 'follow' })
  const { code } = await waitForExit(login.child)
  return { page, code, printed: login.printed() }
}

function storedFile(): Promise<string> {
  return readdir(join(configFolder, 'credentials')).then((names) => join(configFolder, 'credentials', names.find((name) => name.endsWith('.json'))!))
}

async function storedRefreshToken(): Promise<string> {
  return (JSON.parse(await readFile(await storedFile(), 'utf8')) as { refreshToken: string }).refreshToken
}

/** Every token, code and verifier that crossed the wire: from the requests the simulator recorded. */
function secretsOnTheWire(): string[] {
  const secrets = new Set<string>()
  for (const request of server.requests) {
    const bearer = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')
    if (bearer) secrets.add(bearer[1]!)
    if (request.url.includes('/auth/token')) {
      const form = new URLSearchParams(request.body)
      for (const name of ['refresh_token', 'code', 'code_verifier']) if (form.get(name)) secrets.add(form.get(name)!)
    }
  }
  return [...secrets]
}

function refreshWith(refreshToken: string): Promise<Response> {
  return fetch(`${server.authUrl}/token?tenant=${simulator.credentials.tenant}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: simulator.credentials.authorizationCodeClientId,
      refresh_token: refreshToken,
    }),
  })
}

describe('ticketbridge auth', () => {
  it('signs in with PKCE through the loopback listener, stores the refresh token 0600, and other commands use and rotate it', async () => {
    const { page, code, printed } = await signIn()
    expect(code).toBe(0)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('You are signed in to Halo as Sam Agent')
    expect(printed).toContain('Open this address in a browser to sign in to Halo')
    expect(printed).toContain('Signed in to Halo as Sam Agent')

    const file = await storedFile()
    expect(printed).toContain(file)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await stat(join(configFolder, 'credentials'))).mode & 0o777).toBe(0o700)
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>
    expect(stored).toMatchObject({ vendor: 'halo', clientId: simulator.credentials.authorizationCodeClientId, signedInAs: 'Sam Agent' })
    expect(Object.keys(stored)).not.toContain('accessToken')
    const exchange = server.requests.find((request) => new URLSearchParams(request.body).get('grant_type') === 'authorization_code')
    expect(new URLSearchParams(exchange!.body).get('code_verifier')).toMatch(/^[\w-]{43,}$/)

    const firstToken = stored.refreshToken!
    const listed = await run(['tickets', 'list', '--vendor', 'halo', '--limit', '2'])
    expect(listed.code).toBe(0)
    const rotated = await storedRefreshToken()
    expect(rotated).not.toBe(firstToken)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    // Halo spent the old one: only the stored (newest) refresh token works.
    expect((await refreshWith(firstToken)).status).toBe(400)

    const status = await run(['auth', 'status', 'halo'])
    expect(status.code).toBe(0)
    expect(status.output).toContain('the stored sign-in still refreshes')
    expect(status.output).toContain('as Sam Agent')
    expect(status.output).toContain('in use: the stored sign-in')
    expect(await storedRefreshToken()).not.toBe(rotated)

    const secrets = [...secretsOnTheWire(), await storedRefreshToken()]
    expect(secrets.length).toBeGreaterThan(4)
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret)
  }, 120_000)

  it('logs out by deleting the file; without a secret or a sign-in, says what to set', async () => {
    expect((await signIn()).code).toBe(0)
    const file = await storedFile()
    const logout = await run(['auth', 'logout', 'halo'])
    expect(logout.code).toBe(0)
    expect(logout.output).toContain(`Signed out of Halo: deleted ${file}`)
    await expect(stat(file)).rejects.toThrow()
    expect((await run(['auth', 'logout', 'halo'])).output).toContain('No stored Halo sign-in')

    const listed = await run(['tickets', 'list', '--vendor', 'halo'])
    expect(listed.code).toBe(2)
    expect(listed.output).toContain('Halo needs a client secret. Set HALO_CLIENT_SECRET')
    expect(listed.output).toContain('ticketbridge auth login halo')
    expect(listed.output).not.toContain('[REDACTED]')
    const status = await run(['auth', 'status', 'halo'])
    expect(status.output).toContain('stored sign-in: none')
  }, 120_000)

  it('refuses a redirect that does not carry the sign-in’s state, and stores nothing', async () => {
    const login = startLogin()
    const [redirectUri] = await login.waitFor(/http:\/\/127\.0\.0\.1:\d+\/callback/)
    const page = await fetch(`${redirectUri}?code=stolen-code-0123456789&state=forged-state`)
    const { code } = await waitForExit(login.child)
    expect(page.status).toBe(400)
    expect(code).toBe(3)
    expect(login.printed()).toContain('another state')
    expect(server.requests.some((request) => request.url.includes('/auth/token'))).toBe(false)
    await expect(stat(join(configFolder, 'credentials'))).rejects.toThrow()
  }, 120_000)

  it('reports a stored sign-in Halo no longer honours, and the commands that need it stop with advice', async () => {
    expect((await signIn()).code).toBe(0)
    simulator.reset() // Halo forgets every token: the stored refresh token is refused from now on
    const status = await run(['auth', 'status', 'halo'])
    expect(status.code).toBe(3)
    expect(status.output).toContain('no longer refreshes')
    expect(status.output).toContain('invalid_grant')
    const listed = await run(['tickets', 'list', '--vendor', 'halo'])
    expect(listed.code).toBe(3)
    expect(listed.output).toContain('sign in again')
  }, 120_000)

  it('documents the commands, the variables and where sign-ins are stored', async () => {
    const help = await run(['auth', 'login', '--help'])
    expect(help.code).toBe(0)
    for (const text of [
      '--no-browser',
      'Examples:',
      'HALO_CLIENT_ID',
      'TICKETBRIDGE_CONFIG_DIR',
      'XDG_CONFIG_HOME',
      '/ticketbridge/credentials/',
      '0600',
    ]) {
      expect(help.output).toContain(text)
    }
    const other = await run(['auth', 'login', 'rt'])
    expect(other.code).toBe(2)
    expect(other.output).toContain('has no sign-in in a browser')
  }, 120_000)
})
