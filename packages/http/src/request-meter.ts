import axios, { type AxiosInstance } from 'axios'

/** Counts the requests an adapter sends: give its `axiosInstance` to the adapter's options. */
export interface RequestMeter {
  /** An axios instance that counts every answered or failed attempt (retries and 429s included). */
  readonly axiosInstance: AxiosInstance
  /** Attempts sent through it so far. */
  readonly requests: number
}

/**
 * A request counter on the wire, for progress and reports: every attempt the transport makes
 * goes through the axios instance it was given, so counting there sees retries too, and costs
 * nothing per request beyond an interceptor.
 *
 * ```ts
 * const meter = createRequestMeter()
 * const halo = haloConnector.createAdapter(settings, { axiosInstance: meter.axiosInstance })
 * // … later
 * console.log(`${meter.requests} requests to Halo`)
 * ```
 */
export function createRequestMeter(): RequestMeter {
  const axiosInstance = axios.create()
  let requests = 0
  axiosInstance.interceptors.response.use(
    (response) => {
      requests += 1
      return response
    },
    (error: unknown) => {
      requests += 1
      return Promise.reject(error)
    },
  )
  return {
    axiosInstance,
    get requests() {
      return requests
    },
  }
}
