import axios from 'axios'
import type { AxiosInstance } from './load-axios'

/** One HTTP exchange as the client sent it: one axios request is one request on the wire. */
export interface WireExchange {
  method: string
  /** Absolute URL, query included. */
  url: string
  /** The answer's status; 0 when the connection failed (reset, refused, timeout). */
  status: number
  /** `performance.now()` when it was sent and when it was answered. */
  sentAt: number
  answeredAt: number
}

/** An axios instance that logs every exchange, and its log. */
export interface CountingAxios {
  instance: AxiosInstance
  readonly exchanges: WireExchange[]
  /** Forgets what was logged so far (between phases of a case). */
  clear(): void
}

const sentAtKey = Symbol('sentAt')

/**
 * An axios instance for an adapter's `axiosInstance` setting that logs each request and its
 * status. The transport sends every attempt through it (retries are attempts of their own,
 * `validateStatus` lets every status through), so the log is what went over the wire, 429s and
 * retries included; cases cross-check its length with the simulator's own request log.
 */
export function createCountingAxios(): CountingAxios {
  const instance = axios.create()
  const exchanges: WireExchange[] = []
  type Stamped = { method?: string; url?: string; baseURL?: string; params?: unknown; [sentAtKey]?: number }
  const urlOf = (config: Stamped): string => instance.getUri(config as Parameters<typeof instance.getUri>[0])
  instance.interceptors.request.use((config) => {
    ;(config as Stamped)[sentAtKey] = performance.now()
    return config
  })
  instance.interceptors.response.use(
    (response) => {
      const config = response.config as Stamped
      exchanges.push({
        method: (config.method ?? 'get').toUpperCase(),
        url: urlOf(config),
        status: response.status,
        sentAt: config[sentAtKey] ?? 0,
        answeredAt: performance.now(),
      })
      return response
    },
    (error: unknown) => {
      const failure = error as { config?: Stamped; response?: { status: number } }
      if (failure.config) {
        exchanges.push({
          method: (failure.config.method ?? 'get').toUpperCase(),
          url: urlOf(failure.config),
          status: failure.response?.status ?? 0,
          sentAt: failure.config[sentAtKey] ?? 0,
          answeredAt: performance.now(),
        })
      }
      return Promise.reject(error)
    },
  )
  return {
    instance: instance as unknown as AxiosInstance,
    exchanges,
    clear: () => {
      exchanges.length = 0
    },
  }
}
