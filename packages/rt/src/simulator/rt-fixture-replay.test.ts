/**
 * Replays the 83 requests recorded from a real RT 5.0.3 (shared/rt/fixtures, captured in order
 * from a fresh database) against one fresh simulator, in the same order, and checks each answer:
 * the same HTTP status, the same body once run-dependent values are normalised (REST 1.0 text,
 * REST2 JSON; binary bodies byte for byte), and the same Location and ETag headers.
 */
import { readFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRtSimulator, type RtServedSimulator } from './index'
import { normaliseHeaderValue, normaliseRest1, normaliseRest2 } from './rt-fixture-normalise'

const fixturesUrl = new URL('../../../../../shared/rt/fixtures/', import.meta.url)

interface ManifestEntry {
  name: string
  api: 'rest1' | 'rest2'
  body: string
  request: string
  responseHeaders: string
  httpStatus: number
}

interface RecordedRequest {
  method: string
  path: string
  headers: [string, string][]
  body: Buffer
}

/** Splits the exact request bytes curl sent into request line, headers and body. */
function parseRecordedRequest(bytes: Buffer): RecordedRequest {
  const end = bytes.indexOf('\r\n\r\n')
  const head = bytes.subarray(0, end).toString('latin1').split('\r\n')
  const [method, path] = (head[0] ?? '').split(' ')
  const headers = head.slice(1).map((line): [string, string] => {
    const colon = line.indexOf(':')
    return [line.slice(0, colon), line.slice(colon + 1).trim()]
  })
  return { method: method ?? 'GET', path: path ?? '/', headers, body: bytes.subarray(end + 4) }
}

/** The recorded response head: status and headers (lower-cased names). */
function parseRecordedHead(text: string): { status: number; headers: Map<string, string> } {
  const lines = text.split('\r\n').filter((line) => line)
  const headers = new Map<string, string>()
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { status: Number((lines[0] ?? '').split(' ')[1]), headers }
}

function sessionId(setCookie: string | undefined | null): string | undefined {
  return setCookie ? /RT_SID_[^=]+=([0-9a-f]+)/.exec(setCookie)?.[1] : undefined
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** Sends the recorded bytes over a socket (so nothing is re-encoded on the way). */
function send(server: RtServedSimulator, recorded: RecordedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {}
    for (const [name, value] of recorded.headers) {
      if (/^(host|content-length)$/i.test(name)) continue
      headers[name] = value
    }
    if (recorded.body.length > 0) headers['content-length'] = String(recorded.body.length)
    const outgoing = httpRequest(`${server.url}${recorded.path}`, { method: recorded.method, headers }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }))
      incoming.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(recorded.body)
  })
}

const manifest = JSON.parse(await readFile(new URL('manifest.json', fixturesUrl), 'utf8')) as { baseUrl: string; fixtures: ManifestEntry[] }

describe('RT simulator against the fixtures recorded from a real RT 5.0.3', () => {
  const simulator = createRtSimulator()
  let server: RtServedSimulator
  /** Recorded session ids mapped to the simulator's. */
  const sessions = new Map<string, string>()

  beforeAll(async () => {
    server = await simulator.serve()
  })
  afterAll(async () => {
    await server.close()
  })

  it('has all 83 fixtures, in capture order', () => {
    expect(manifest.fixtures).toHaveLength(83)
    expect(manifest.fixtures[0]?.name).toBe('rest1/01-login-bad-password')
  })

  for (const fixture of manifest.fixtures) {
    it(`${fixture.name} answers as RT did`, async () => {
      const recorded = parseRecordedRequest(await readFile(new URL(fixture.request, fixturesUrl)))
      const recordedHead = parseRecordedHead(await readFile(new URL(fixture.responseHeaders, fixturesUrl), 'latin1'))
      const recordedBody = await readFile(new URL(fixture.body, fixturesUrl))
      const cookieName = `RT_SID_rt.localhost.${server.port}`
      recorded.headers = recorded.headers.map(([name, value]): [string, string] => {
        if (/^authorization$/i.test(name) && /^token /i.test(value)) return [name, `token ${simulator.credentials.token}`]
        if (/^cookie$/i.test(name)) {
          const recordedSession = sessionId(value) ?? ''
          return [name, `${cookieName}=${sessions.get(recordedSession) ?? 'unknown-session'}`]
        }
        return [name, value]
      })

      const answer = await send(server, recorded)

      const setCookie = answer.headers['set-cookie']
      const simulatorSession = sessionId(Array.isArray(setCookie) ? setCookie[0] : setCookie)
      const recordedSession = sessionId(recordedHead.headers.get('set-cookie'))
      if (recordedSession && simulatorSession) sessions.set(recordedSession, simulatorSession)

      expect(answer.status).toBe(recordedHead.status)
      expect(answer.status).toBe(fixture.httpStatus)
      // The simulator's origin (its port) is run-dependent: RT's was the recorded base URL.
      const text = answer.body.toString('utf8').split(server.url).join(manifest.baseUrl)
      if (fixture.body.endsWith('.bin')) {
        expect(answer.body.equals(recordedBody)).toBe(true)
      } else if (fixture.api === 'rest1') {
        expect(normaliseRest1(text)).toBe(normaliseRest1(recordedBody.toString('utf8')))
      } else {
        expect(normaliseRest2(text)).toEqual(normaliseRest2(recordedBody.toString('utf8')))
      }
      for (const header of ['location', 'etag']) {
        const expected = recordedHead.headers.get(header) ?? null
        const actual = answer.headers[header]
        expect(normaliseHeaderValue(typeof actual === 'string' ? actual : null), header).toBe(normaliseHeaderValue(expected))
      }
      if (fixture.api === 'rest1') {
        expect(String(answer.headers['content-type']).split(';')[0]).toBe((recordedHead.headers.get('content-type') ?? '').split(';')[0])
      }
    })
  }
})
