import { ConfigurationError, type DocumentedRateLimit } from '@ticketbridge/core'
import type { ConnectorAdapterOptions, RunningSimulator, VendorConnector } from '@ticketbridge/http'
import { createRtAdapter, type RtAdapter } from '../adapter/rt-adapter'
import type { RtAdapterSettings } from '../adapter/rt-adapter-settings'
import { rtEnvironmentVariables, rtSettingsFromText } from '../client/rt-environment-settings'
import { createRtSimulator, type RtSimulator } from '../simulator/index'

/**
 * RT documents no rate limit (its REST interfaces have none; a server's web front may add one):
 * the connector declares none, and the adapter keeps to none.
 */
export const rtDocumentedRateLimit: DocumentedRateLimit | undefined = undefined

/**
 * Requests to RT's directory and metadata (queues, custom fields, users, groups, system
 * information) and the web pages the time zone is read from once: a fixed cost.
 */
const fixedCostPattern = /\/REST\/2\.0\/(queues?|customfields?|users?|groups?|rt)(\/|\?|$)|\/(Prefs\/AboutMe|NoAuth\/Login)\.html(\?|$)/i

/**
 * The adapter options a caller may tune, as the client takes them. The CLI has read the
 * environment already (its own, or the one a test gave it), and a simulator's adapter needs none,
 * so the adapter reads no variable.
 */
function tunedBy(options: ConnectorAdapterOptions | undefined): Partial<RtAdapterSettings> {
  return {
    environment: {},
    ...(options?.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
    ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options?.axiosInstance ? { axiosInstance: options.axiosInstance } : {}),
    ...(options?.retry ? { retry: options.retry } : {}),
  }
}

/** The adapter's settings from the CLI's strings; credentials are named as the CLI takes them. */
function adapterSettingsOf(settings: Record<string, string>): RtAdapterSettings {
  const typed = rtSettingsFromText(settings)
  if (!typed.auth) {
    throw new ConfigurationError('Request Tracker needs RT_TOKEN, or RT_USER with RT_PASSWORD (environment or --secrets-file).', {
      option: 'rt.token',
    })
  }
  return typed
}

/**
 * Request Tracker for the CLI, the bench, the demo and the migration tests: its settings (from
 * `RT_*` variables), the adapter over them, and the RT simulator on 127.0.0.1.
 */
export const rtConnector: VendorConnector<RtSimulator> = {
  vendor: 'rt',
  title: 'Request Tracker',
  // No `rateLimit`: RT documents none (rtDocumentedRateLimit).
  // The client's own list of variables.
  settings: rtEnvironmentVariables,

  instanceOf: (settings) => (settings.url ?? '').toLowerCase().replace(/\/+$/, ''),
  // RT's own ticket page, under the same web address as its REST APIs.
  ticketWebAddress: (settings) => (settings.url ? `${settings.url.replace(/\/+$/, '')}/Ticket/Display.html?id={id}` : undefined),

  createAdapter(settings, options): RtAdapter {
    return createRtAdapter({ ...adapterSettingsOf(settings), ...tunedBy(options) })
  },

  /**
   * The RT simulator (REST2 and REST 1.0) on 127.0.0.1. RT enforces no request budget, and
   * neither does its simulator: a `budget` is not played.
   */
  async startSimulator(options = {}): Promise<RunningSimulator<RtSimulator>> {
    const simulator = createRtSimulator()
    if (options.seedTickets) await simulator.seedTickets(options.seedTickets, 'Seeded')
    const served = await simulator.serve({ ...(options.port ? { port: options.port } : {}), record: options.record ?? false })
    const { token } = simulator.credentials
    return {
      url: served.url,
      settings: { url: served.url, token },
      simulator,
      connect: ({ throughProxy, ...tuning } = {}) =>
        createRtAdapter({ baseUrl: throughProxy ? throughProxy(served.url) : served.url, auth: { token }, ...tunedBy(tuning) }),
      requestCount: () => served.requests.length,
      close: () => served.close(),
    }
  },

  // RT counts nothing against a limit; its directory and metadata are a fixed cost.
  requestCost: (url) => ({ rateLimited: false, fixedCost: fixedCostPattern.test(url) }),

  apiMinimum: {
    read: ({ tickets, comments, files }) =>
      // REST2 GET /tickets pages hold at most 100 (rt.md §3.2).
      Math.ceil(tickets / 100) +
      // The tickets' transactions found together, 100 a page: a TransactionSQL search on ObjectId (rt.md §3, `GET
      // /transactions?query=…`); at least each ticket's Create and each comment or reply.
      Math.ceil((tickets + comments) / 100) +
      // Their parts with their content, 100 a page (`POST /attachments`, TransactionId IN …): a body each, and the files.
      Math.ceil((tickets + comments + files) / 100) +
      // GET /attachment/<id>: one file's exact bytes (a search answers content as text only).
      files,
    write: ({ tickets, comments }) =>
      // POST ticket/new (REST 1.0, multipart) or POST /ticket (REST2, `Attachments`) creates the ticket with its files
      // and status (rt.md §2.3, §3.3).
      tickets +
      // POST ticket/<n>/comment with `Action: comment|correspond`, that reply's files, and `Status` on the last reply of
      // a closed ticket (rt.md §2.3).
      comments,
  },
}
