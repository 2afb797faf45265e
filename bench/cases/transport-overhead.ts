import { Agent } from 'node:http'
import { createHttpTransport } from '@ticketbridge/http'
import type { BenchCase, BenchRow } from '../support/bench-case'
import { measureSequential, noOpLogger } from '../support/measure-sequential'
import { loadAxios, type AxiosInstance } from '../support/load-axios'
import { median, percentile } from '../support/statistics'
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
  description: 'bare axios vs @ticketbridge/http (retry + rate limiter + info logging to a no-op sink), same keep-alive axios setup, local 127.0.0.1 server.',
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

      const results = variants.map(() => ({ samples: [] as number[], totalMs: 0 }))
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [0, 1] : [1, 0]
        for (const index of order) {
          const measured = await measureSequential(requestsPerRound, (variants[index] as (typeof variants)[number]).call)
          const result = results[index] as (typeof results)[number]
          result.samples.push(...measured.samples)
          result.totalMs += measured.totalMs
        }
      }

      const baselineMedian = median((results[0] as (typeof results)[number]).samples)
      return variants.map((variant, index) => {
        const result = results[index] as (typeof results)[number]
        const medianMicroseconds = median(result.samples)
        return {
          case: caseName,
          variant: variant.name,
          requests: result.samples.length,
          medianMicroseconds,
          p95Microseconds: percentile(result.samples, 0.95),
          requestsPerSecond: (result.samples.length / result.totalMs) * 1_000,
          ratio: medianMicroseconds / baselineMedian,
        }
      })
    } finally {
      await server.close()
    }
  },
}
