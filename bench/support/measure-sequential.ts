import { performance } from 'node:perf_hooks'
import type { TransportLogger } from '@ticketbridge/http'

/** A logger that accepts every line and keeps none: measures our logging work, not a sink's. */
export const noOpLogger: TransportLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

/** Times `count` sequential calls; returns per-call microseconds and the total milliseconds. */
export async function measureSequential(count: number, call: () => Promise<unknown>): Promise<{ samples: number[]; totalMs: number }> {
  const samples: number[] = []
  const started = performance.now()
  for (let index = 0; index < count; index++) {
    const before = performance.now()
    await call()
    samples.push((performance.now() - before) * 1_000)
  }
  return { samples, totalMs: performance.now() - started }
}
