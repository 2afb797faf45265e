import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { chmod, mkdir, open, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ConfigurationError, redactText, registerSecret } from '@ticketbridge/core'
import { storedSignInDirectory } from '@ticketbridge/http'
import { z } from 'zod'
import { haloInstanceOf } from './halo-connector-settings'

const storedSignInSchema = z.object({
  vendor: z.literal('halo'),
  /** The instance as `haloInstanceOf` names it: the file's key. */
  instance: z.string(),
  resourceUrl: z.string(),
  /** The token endpoint the sign-in used (configured or discovered), so a refresh needs no discovery. */
  tokenUrl: z.string(),
  tenant: z.string().optional(),
  /** The application the person signed in with: refresh tokens work only with it. */
  clientId: z.string().min(1),
  scopes: z.string(),
  refreshToken: z.string().min(1),
  signedInAs: z.string().optional(),
  signedInAt: z.string(),
  refreshedAt: z.string().optional(),
})

/** A person's sign-in to one Halo instance, as stored: the newest refresh token and where it works. */
export type HaloStoredSignIn = z.infer<typeof storedSignInSchema>

/** The login command, named in the messages a missing or broken sign-in gives. */
export const haloLoginCommand = '`ticketbridge auth login halo`'

/**
 * The file of the instance these settings name: `halo-<address>.json` in the stored sign-in
 * folder, the address written as a file name (`acme.halopsa.com-api-tenant-acme`), and cut with a
 * hash when long.
 */
export function haloStoredSignInPath(settings: Record<string, string>, environment: NodeJS.ProcessEnv = process.env): string {
  const instance = haloInstanceOf(settings)
  if (instance === '') {
    throw new ConfigurationError('Say which Halo instance: set HALO_RESOURCE_URL, HALO_INSTANCE or HALO_BASE_URL.', {
      vendor: 'halo',
      option: 'halo.resourceUrl',
    })
  }
  const readable = instance
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^a-z0-9.-]+/gi, '-')
    .replace(/^[-.]+|-+$/g, '')
    .toLowerCase()
  const name = readable.length <= 80 ? readable : `${readable.slice(0, 64)}-${createHash('sha256').update(instance).digest('hex').slice(0, 12)}`
  return join(storedSignInDirectory(environment), `halo-${name}.json`)
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

/**
 * The sign-in stored at `path`, its refresh token registered as a secret; undefined when there is
 * none. Synchronous: a connector builds its adapter synchronously. A damaged file is a
 * ConfigurationError that says to sign in again.
 */
export function readHaloStoredSignIn(path: string): HaloStoredSignIn | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (isMissing(error)) return undefined
    throw new ConfigurationError(`Cannot read the stored Halo sign-in ${path}: ${redactText((error as Error).message)}.`, { vendor: 'halo' })
  }
  let parsed: ReturnType<typeof storedSignInSchema.safeParse>
  try {
    parsed = storedSignInSchema.safeParse(JSON.parse(text))
  } catch {
    parsed = storedSignInSchema.safeParse(undefined)
  }
  if (!parsed.success) {
    throw new ConfigurationError(`The stored Halo sign-in ${path} is damaged: sign in again with ${haloLoginCommand}.`, { vendor: 'halo' })
  }
  registerSecret(parsed.data.refreshToken)
  return parsed.data
}

/**
 * Stores a sign-in where only the user can read it: the folder 0700, the file 0600, written to
 * a temporary file and renamed over the old one, so a crash never leaves half a file and a
 * reader never sees one.
 */
export async function writeHaloStoredSignIn(path: string, signIn: HaloStoredSignIn): Promise<void> {
  registerSecret(signIn.refreshToken)
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temporary, 'wx', 0o600)
    try {
      await handle.writeFile(`${JSON.stringify(storedSignInSchema.parse(signIn), null, 2)}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
    // The creation mode passes through the umask, which only takes bits away; say it outright anyway.
    await chmod(temporary, 0o600)
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}

/** Deletes the stored sign-in; false when there was none. */
export async function deleteHaloStoredSignIn(path: string): Promise<boolean> {
  try {
    await unlink(path)
    return true
  } catch (error) {
    if (isMissing(error)) return false
    throw error
  }
}
