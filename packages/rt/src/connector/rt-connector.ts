import { ConfigurationError, type DocumentedRateLimit } from '@ticketbridge/core'
import type { ConnectorAdapterOptions, RunningSimulator, VendorConnector } from '@ticketbridge/http'
import { createRtAdapter, type RtAdapter } from '../adapter/rt-adapter'
import type { RtAdapterSettings } from '../adapter/rt-adapter-settings'
import { createRtSimulator, type RtSimulator } from '../simulator/index'

/**
 * RT documents no rate limit (its REST interfaces have none; a server's web front may add one):
 * the connector declares none, and the adapter keeps to none.
 */
export const rtDocumentedRateLimit: DocumentedRateLimit | undefined = undefined

/** Requests to RT's directory and metadata (queues, custom fields, users, groups, system information): a fixed cost. */
const fixedCostPattern = /\/REST\/2\.0\/(queues?|customfields?|users?|groups?|rt)(\/|\?|$)/i

/** The adapter options a caller may tune, as the client takes them. */
function tunedBy(options: ConnectorAdapterOptions | undefined): Partial<RtAdapterSettings> {
  return {
    ...(options?.onRateLimit ? { onRateLimit: options.onRateLimit } : {}),
    ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options?.axiosInstance ? { axiosInstance: options.axiosInstance } : {}),
    ...(options?.retry ? { retry: options.retry } : {}),
  }
}

function authOf(settings: Record<string, string>): RtAdapterSettings['auth'] {
  if (settings.token) return { token: settings.token }
  if (settings.user && settings.password) return { username: settings.user, password: settings.password }
  throw new ConfigurationError('Request Tracker needs RT_TOKEN, or RT_USER with RT_PASSWORD (environment or --secrets-file).', { option: 'rt.token' })
}

/**
 * Request Tracker for the CLI, the bench, the demo and the migration tests: its settings (from
 * `RT_*` variables), the adapter over them, and the RT simulator on 127.0.0.1.
 */
export const rtConnector: VendorConnector<RtSimulator> = {
  vendor: 'rt',
  title: 'Request Tracker',
  // No `rateLimit`: RT documents none (rtDocumentedRateLimit).
  settings: {
    url: { environment: 'RT_URL', secret: false, required: true, description: 'RT web address (REST2 and REST 1.0 live under it)' },
    token: { environment: 'RT_TOKEN', secret: true, description: 'an auth token (preferred)' },
    user: { environment: 'RT_USER', secret: false, description: 'user name, with RT_PASSWORD' },
    password: { environment: 'RT_PASSWORD', secret: true, description: 'password, with RT_USER' },
    api: { environment: 'RT_API', secret: false, description: 'rest2 (default) or rest1 for servers without REST2' },
    defaultQueue: { environment: 'RT_DEFAULT_QUEUE', secret: false, description: 'queue of tickets that name none (default General)' },
    externalIdCustomField: {
      environment: 'RT_EXTERNAL_ID_FIELD',
      secret: false,
      description: "custom field that keeps external ids (default 'External ID')",
    },
    fullTextSearch: {
      environment: 'RT_FULL_TEXT_SEARCH',
      secret: false,
      description: 'true where RT has its full-text index: text queries then run on the server',
    },
    maxAttachmentBytes: {
      environment: 'RT_MAX_ATTACHMENT_BYTES',
      secret: false,
      description: 'the largest file RT takes ($MaxAttachmentSize; default 10 MiB)',
    },
  },

  instanceOf: (settings) => (settings.url ?? '').toLowerCase().replace(/\/+$/, ''),
  // RT's own ticket page, under the same web address as its REST APIs.
  ticketWebAddress: (settings) => (settings.url ? `${settings.url.replace(/\/+$/, '')}/Ticket/Display.html?id={id}` : undefined),

  createAdapter(settings, options): RtAdapter {
    return createRtAdapter({
      baseUrl: settings.url ?? '',
      auth: authOf(settings),
      ...(settings.api === 'rest1' || settings.api === 'rest2' ? { api: settings.api } : {}),
      ...(settings.defaultQueue ? { defaultQueue: settings.defaultQueue } : {}),
      ...(settings.externalIdCustomField ? { externalIdCustomField: settings.externalIdCustomField } : {}),
      ...(settings.fullTextSearch ? { fullTextSearch: settings.fullTextSearch === 'true' } : {}),
      ...(settings.maxAttachmentBytes ? { maxAttachmentBytes: Number(settings.maxAttachmentBytes) } : {}),
      ...tunedBy(options),
    })
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
