import axios from 'axios'
import type { HttpTransportOptions } from '@ticketbridge/http'

/** The axios instance type, taken from the transport's own options so both sides agree. */
export type AxiosInstance = NonNullable<HttpTransportOptions['axiosInstance']>

/** The part of the axios module the bench uses. */
export interface AxiosModule {
  create(config?: Record<string, unknown>): AxiosInstance
}

/** The axios the baseline runs: the same version the transport wraps (one range, one copy). */
export async function loadAxios(): Promise<AxiosModule> {
  return axios as unknown as AxiosModule
}
