import { Agent } from 'node:http'
import { HaloClient } from '@ticketbridge/halo'
import { createHttpTransport } from '@ticketbridge/http'
import type { BenchCase, BenchRow } from '../support/bench-case'
import { compareVariants, measureSequential, noOpLogger } from '../support/measure-sequential'
import { loadAxios, type AxiosInstance } from '../support/load-axios'
import { createHaloSimulator } from '@ticketbridge/halo/simulator'

const requestsPerRound = 400
const warmUpRequests = 100
const rounds = 5
const pageSize = 100
const caseName = `Halo ticket page (${pageSize} rows), ${requestsPerRound} sequential × ${rounds} rounds`

/**
 * What the native Halo client costs on top of what it is built on, for the call a sync makes most:
 * one page of 100 tickets. The same keep-alive axios setup fetches the same page from the Halo
 * simulator on 127.0.0.1 three ways: bare axios with a bearer token (JSON parse only);
 * @ticketbridge/http (retry, rate limiter, logger); and HaloClient.tickets.listPage (the
 * transport plus the token cache, Halo's paging parameters, the list-shape reader and a tolerant
 * zod parse of every row). The simulator's rate limit is off and the budgets are set too high to
 * throttle: this measures our code, not a limit. Rounds rotate which variant goes first.
 */
export const benchCase: BenchCase = {
  name: 'halo client overhead',
  description:
    'bare axios vs @ticketbridge/http vs HaloClient.tickets.listPage (token cache, paging parameters, list reader, zod parse of 100 rows), same keep-alive axios setup, the Halo simulator on 127.0.0.1 (rate limit off).',
  async run(): Promise<BenchRow[]> {
    const axios = await loadAxios()
    const simulator = createHaloSimulator({ seed: 717, rateLimit: false })
    const server = await simulator.serve({ record: false })
    const { clientId, clientSecret, tenant } = simulator.credentials
    const tokenResponse = await fetch(`${server.authUrl}/token?tenant=${tenant}`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'all' }),
    })
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string }
    const authorization = { Authorization: `Bearer ${accessToken}` }
    const newInstance = (): AxiosInstance => axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: 4 }) })
    const budgets = { requests: 10_000_000, windowMs: 300_000, readConcurrency: 8, writeConcurrency: 4, key: 'bench:halo-client-overhead' }
    try {
      const bare = newInstance()
      const transport = createHttpTransport({
        vendor: 'bench',
        baseUrl: server.resourceUrl,
        defaultHeaders: authorization,
        axiosInstance: newInstance(),
        rateLimiter: {
          lanes: { read: { concurrency: 8 }, write: { concurrency: 4 } },
          budgets: [{ name: 'rolling-5-minutes', limit: 10_000_000, windowMs: 300_000 }],
        },
        logger: noOpLogger,
        logLevel: 'info',
      })
      const client = new HaloClient({
        resourceUrl: server.resourceUrl,
        authUrl: server.authUrl,
        tenant,
        clientId,
        clientSecret,
        axiosInstance: newInstance(),
        rateLimit: budgets,
        logger: noOpLogger,
        logLevel: 'info',
      })
      const query = { pageinate: true, page_size: pageSize, page_no: 1 }
      const variants = [
        { name: 'bare axios', call: () => bare.get(`${server.resourceUrl}/Tickets`, { params: query, headers: authorization }) },
        { name: '@ticketbridge/http', call: () => transport.get('/Tickets', { query }) },
        { name: 'HaloClient.tickets.listPage', call: () => client.tickets.listPage({ page_no: 1, page_size: pageSize }) },
      ]
      const rows = await client.tickets.listPage({ page_no: 1, page_size: pageSize })
      if (rows.rows.length !== pageSize || rows.recordCount !== 717)
        throw new Error('The Halo client did not read the benchmark page; the case would measure nothing.')
      for (const variant of variants) await measureSequential(warmUpRequests, variant.call)

      return await compareVariants(caseName, variants, { rounds, requestsPerRound })
    } finally {
      await server.close()
    }
  },
}
