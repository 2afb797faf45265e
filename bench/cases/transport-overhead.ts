import { Agent } from 'node:http'
import { createHttpTransport } from '@ticketbridge/http'
import type { BenchCase, BenchRow } from '../support/bench-case'
import { compareVariants, measureSequential, noOpLogger } from '../support/measure-sequential'
import { loadAxios, type AxiosInstance } from '../support/load-axios'
import { startJsonServer } from '../support/start-json-server'

const requestsPerRound = 2_000
const warmUpRequests = 300
const rounds = 5
const caseName = `GET, ${requestsPerRound} sequential × ${rounds} rounds`

/**
 * What the transport costs on top of the axios it wraps: the same keep-alive axios setup sends
 * the same GET to a local server, once bare and once through createHttpTransport with retry,
 * a rate limiter (budgets too high to throttle) and a logger at `info` writing nowhere. Rounds
 * alternate which side goes first, so warm-up and drift do not favour either.
 */
export const benchCase: BenchCase = {
  name: 'transport overhead',
  description:
    'bare axios vs @ticketbridge/http (retry + rate limiter + info logging to a no-op sink), same keep-alive axios setup, local 127.0.0.1 server.',
  async run(): Promise<BenchRow[]> {
    const axios = await loadAxios()
    const server = await startJsonServer({ id: 4813, summary: 'VPN drops every 10 minutes', status_id: 1 })
    const newInstance = (): AxiosInstance => axios.create({ httpAgent: new Agent({ keepAlive: true, maxSockets: 4 }) })
    try {
      const bare = newInstance()
      const transport = createHttpTransport({
        vendor: 'bench',
        baseUrl: `${server.url}/api`,
        axiosInstance: newInstance(),
        rateLimiter: {
          lanes: { read: { concurrency: 8 }, write: { concurrency: 4 } },
          budgets: [
            { name: 'rolling-5-minutes', limit: 10_000_000, windowMs: 300_000 },
            { name: 'hourly', limit: 10_000_000, windowMs: 3_600_000 },
          ],
        },
        logger: noOpLogger,
        logLevel: 'info',
        secrets: ['bench-client-secret-value'],
      })
      const variants = [
        { name: 'bare axios', call: () => bare.get(`${server.url}/api/Tickets/4813`) },
        { name: '@ticketbridge/http', call: () => transport.get('/Tickets/4813') },
      ]
      for (const variant of variants) await measureSequential(warmUpRequests, variant.call)

      return await compareVariants(caseName, variants, { rounds, requestsPerRound })
    } finally {
      await server.close()
    }
  },
}
