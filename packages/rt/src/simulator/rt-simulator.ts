import { http, type RequestHandler } from 'msw'
import { type ServedVendorSimulator, serveHandlers, type VendorSimulator } from '@ticketbridge/testkit/servers'
import { RtDatabase, defaultSiteIdentity } from './rt-database'
import { seedRtDatabase } from './rt-database-seed'
import { type RtFaults, createRtFaultQueue, playRtFault } from './rt-faults'
import { readSimulatorRequest } from './rt-request'
import { type RtSimulatorCredentials, type RtSimulatorOptions, resolveRtSimulatorOptions } from './rt-simulator-options'
import { createTicket } from './rt-ticket-create'
import { handleRest1 } from './rest1/rt-rest1-handler'
import { handleRest2 } from './rest2/rt-rest2-handler'
import { answerAboutMePage, answerLoginPage } from './rt-web-pages'

/** A simulator served on 127.0.0.1. */
/** The RT simulator served on 127.0.0.1; its `url` is RT's `$WebBaseURL`. */
export type RtServedSimulator = ServedVendorSimulator

/** A stateful in-memory Request Tracker 5.0.3 speaking REST 1.0 and REST2. */
export interface RtSimulator extends VendorSimulator<RtServedSimulator, RtDatabase, RtFaults, RtSimulatorCredentials> {
  /** Back to start-rt's fresh state (same credentials). */
  reset(): void
}

/**
 * Creates an RT simulator: RT 5.0.3 as start-rt sets it up (queue General, users root and
 * guest, custom fields Severity and External ID), answering REST 1.0 and REST2 with the same
 * paths, bodies, status codes, ids and quirks as the real server in the recorded fixtures.
 *
 * ```ts
 * const simulator = createRtSimulator()
 * const server = await simulator.serve()
 * await fetch(`${server.url}/REST/2.0/rt`, { headers: { authorization: `token ${simulator.credentials.token}` } })
 * ```
 */
export function createRtSimulator(options: RtSimulatorOptions = {}): RtSimulator {
  const resolved = resolveRtSimulatorOptions(options)
  const faults = createRtFaultQueue()
  for (const fault of resolved.faults) faults.inject(fault)
  const newDatabase = (): RtDatabase => {
    const database = new RtDatabase(defaultSiteIdentity, () => Math.floor(resolved.clock.now() / 1000))
    seedRtDatabase(database, {
      rootName: resolved.credentials.user,
      rootPassword: resolved.credentials.password,
      guestName: resolved.credentials.guestUser,
      guestPassword: resolved.credentials.guestPassword,
    })
    database.tokens.set(resolved.credentials.token, 14)
    database.fullTextSearch = resolved.fullTextSearch
    database.keepsCreatedOnCreate = resolved.keepsCreatedOnCreate
    database.timeZone = resolved.timeZone
    return database
  }
  let database = newDatabase()
  const environmentFor = (request: { url: URL }) => {
    const baseUrl = resolved.baseUrl ?? request.url.origin
    return { database, baseUrl, webUrl: `${baseUrl}/` }
  }
  const seed = (count: number, marker: string): void => {
    const root = database.users.get(14)
    if (!root) throw new Error('The simulator lost its superuser.')
    const environment = { database, webUrl: `${resolved.baseUrl ?? 'http://127.0.0.1'}/` }
    for (let index = 1; index <= count; index += 1) {
      createTicket(environment, root, { queue: 1, subject: `${marker} ticket ${index}`, priority: index % 100 })
    }
  }
  if (resolved.seedTickets > 0) seed(resolved.seedTickets, resolved.seedMarker)

  const answer = async (fetchRequest: Request, api: 'rest1' | 'rest2'): Promise<Response> => {
    if (resolved.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, resolved.latencyMs))
    const fault = faults.take()
    if (fault) {
      const faulted = await playRtFault(fault, api)
      if (faulted) return faulted
    }
    const request = await readSimulatorRequest(fetchRequest)
    const prefix = api === 'rest1' ? '/REST/1.0' : '/REST/2.0'
    const path = decodeURIComponent(request.url.pathname.slice(request.url.pathname.indexOf(prefix) + prefix.length))
    return api === 'rest1' ? handleRest1(request, environmentFor(request), path) : handleRest2(request, environmentFor(request), path)
  }
  // RT's web pages a client reads (the time zone); faults play on the REST APIs only.
  const webPage = async (fetchRequest: Request, answerPage: typeof answerLoginPage): Promise<Response> => {
    if (resolved.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, resolved.latencyMs))
    const request = await readSimulatorRequest(fetchRequest)
    return answerPage(request, environmentFor(request))
  }
  const handlers: RequestHandler[] = [
    http.all('*/NoAuth/Login.html', ({ request }) => webPage(request, answerLoginPage)),
    http.all('*/Prefs/AboutMe.html', ({ request }) => webPage(request, answerAboutMePage)),
    http.all('*/REST/1.0', ({ request }) => answer(request, 'rest1')),
    http.all('*/REST/1.0/*', ({ request }) => answer(request, 'rest1')),
    http.all('*/REST/2.0', ({ request }) => answer(request, 'rest2')),
    http.all('*/REST/2.0/*', ({ request }) => answer(request, 'rest2')),
  ]

  return {
    handlers,
    serve: (serveOptions) => serveHandlers(handlers, serveOptions),
    get state() {
      return database
    },
    faults,
    credentials: resolved.credentials,
    seedTickets: async (count, marker) => {
      seed(count, marker)
    },
    reset: () => {
      database = newDatabase()
      faults.clear()
    },
  }
}
