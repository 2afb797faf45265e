import { createRtAdapter } from '@ticketbridge/rt'
import { createRtSimulator } from '@ticketbridge/rt/simulator'
import { ConfigurationError } from '@ticketbridge/core'
import type { VendorConnector } from './vendor-connector'

export const rtConnector: VendorConnector = {
  vendor: 'rt',
  title: 'Request Tracker',
  settings: {
    url: { environment: 'RT_URL', secret: false, required: true, description: 'RT web address (REST2 and REST 1.0 live under it)' },
    token: { environment: 'RT_TOKEN', secret: true, description: 'an auth token (preferred)' },
    user: { environment: 'RT_USER', secret: false, description: 'user name, with RT_PASSWORD' },
    password: { environment: 'RT_PASSWORD', secret: true, description: 'password, with RT_USER' },
    api: { environment: 'RT_API', secret: false, description: 'rest2 (default) or rest1 for servers without REST2' },
    defaultQueue: { environment: 'RT_DEFAULT_QUEUE', secret: false, description: 'queue of tickets that name none (default General)' },
    externalIdCustomField: { environment: 'RT_EXTERNAL_ID_FIELD', secret: false, description: "custom field that keeps external ids (default 'External ID')" },
    fullTextSearch: { environment: 'RT_FULL_TEXT_SEARCH', secret: false, description: 'true where RT has its full-text index: text queries then run on the server' },
    maxAttachmentBytes: { environment: 'RT_MAX_ATTACHMENT_BYTES', secret: false, description: "the largest file RT takes ($MaxAttachmentSize; default 10 MiB)" },
  },
  instanceOf: (settings) => (settings.url ?? '').toLowerCase().replace(/\/+$/, ''),
  createAdapter(settings, hooks) {
    const auth = settings.token
      ? { token: settings.token }
      : settings.user && settings.password
        ? { username: settings.user, password: settings.password }
        : undefined
    if (!auth) throw new ConfigurationError('Request Tracker needs RT_TOKEN, or RT_USER with RT_PASSWORD (environment or --secrets-file).', { option: 'rt.token' })
    return createRtAdapter({
      baseUrl: settings.url ?? '',
      auth,
      ...(settings.api === 'rest1' || settings.api === 'rest2' ? { api: settings.api } : {}),
      ...(settings.defaultQueue ? { defaultQueue: settings.defaultQueue } : {}),
      ...(settings.externalIdCustomField ? { externalIdCustomField: settings.externalIdCustomField } : {}),
      ...(settings.fullTextSearch ? { fullTextSearch: settings.fullTextSearch === 'true' } : {}),
      ...(settings.maxAttachmentBytes ? { maxAttachmentBytes: Number(settings.maxAttachmentBytes) } : {}),
      ...(hooks?.onRateLimit ? { onRateLimit: hooks.onRateLimit } : {}),
      ...(hooks?.timeoutMs ? { timeoutMs: hooks.timeoutMs } : {}),
    })
  },
  async startSimulator(options) {
    const simulator = createRtSimulator()
    if (options.seedTickets) await simulator.seedTickets(options.seedTickets, 'Seeded')
    const served = await simulator.serve({ ...(options.port ? { port: options.port } : {}), record: false })
    return {
      url: served.url,
      settings: { url: served.url, token: simulator.credentials.token },
      close: () => served.close(),
    }
  },
}
