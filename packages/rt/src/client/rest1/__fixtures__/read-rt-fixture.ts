import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Test support: the recorded RT 5.0.3 exchanges in `shared/rt/fixtures` (beside the repository,
 * as CI checks it out), read at test time so the tests always run against the real recordings.
 * `RT_FIXTURES_DIR` overrides the location.
 */
export interface RtFixture {
  name: string
  method: string
  url: string
  httpStatus: number
  contentType: string
  rtStatus: string
  /** Response headers, names lower-cased. */
  headers: Record<string, string>
  /** The body, byte for byte. */
  body: Uint8Array
  /** The body as UTF-8 text. */
  text: string
}

interface ManifestEntry {
  name: string
  method: string
  url: string
  httpStatus: number
  contentType: string
  rtStatus?: string
  body: string
  responseHeaders: string
}

function rtFixturesDirectory(): string {
  const configured = process.env.RT_FIXTURES_DIR
  if (configured) return configured
  let directory = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 12; depth += 1) {
    for (const candidate of [join(directory, '..', 'shared', 'rt', 'fixtures'), join(directory, 'shared', 'rt', 'fixtures')]) {
      if (existsSync(join(candidate, 'manifest.json'))) return candidate
    }
    directory = dirname(directory)
  }
  throw new Error('The RT fixtures (shared/rt/fixtures beside the repository) were not found; set RT_FIXTURES_DIR.')
}

let manifest: ManifestEntry[] | undefined

/** One recorded exchange by name, e.g. `rest1/28-ticket-not-found`. */
export function readRtFixture(name: string): RtFixture {
  const directory = rtFixturesDirectory()
  manifest ??= (JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as { fixtures: ManifestEntry[] }).fixtures
  const entry = manifest.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`No RT fixture named ${name}.`)
  const body = new Uint8Array(readFileSync(join(directory, entry.body)))
  const headers: Record<string, string> = {}
  for (const line of readFileSync(join(directory, entry.responseHeaders), 'utf8').split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return {
    name,
    method: entry.method,
    url: entry.url,
    httpStatus: entry.httpStatus,
    contentType: entry.contentType,
    rtStatus: entry.rtStatus ?? '',
    headers,
    body,
    text: new TextDecoder().decode(body),
  }
}

/** Every fixture name of one API (`rest1` or `rest2`). */
export function listRtFixtures(api: 'rest1' | 'rest2'): string[] {
  const directory = rtFixturesDirectory()
  manifest ??= (JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as { fixtures: ManifestEntry[] }).fixtures
  return manifest.filter((entry) => entry.name.startsWith(`${api}/`)).map((entry) => entry.name)
}
