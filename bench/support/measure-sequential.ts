import { performance } from 'node:perf_hooks'
import type { TransportLogger } from '@ticketbridge/http'
import type { BenchRow } from './bench-case'
import { median, percentile } from './statistics'

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

/** One way of making the same call, measured against the others. */
export interface BenchVariant {
  name: string
  call: () => Promise<unknown>
}

/**
 * Measures every variant in rounds of sequential calls, rotating which goes first each round so
 * none always runs on a warmer or a busier machine, and returns one row per variant with the
 * first as the baseline of the ratio.
 */
export async function compareVariants(
  caseName: string,
  variants: readonly BenchVariant[],
  options: { rounds: number; requestsPerRound: number },
): Promise<BenchRow[]> {
  const results = variants.map(() => ({ samples: [] as number[], totalMs: 0 }))
  for (let round = 0; round < options.rounds; round++) {
    for (let offset = 0; offset < variants.length; offset++) {
      const index = (round + offset) % variants.length
      const measured = await measureSequential(options.requestsPerRound, variants[index]!.call)
      results[index]!.samples.push(...measured.samples)
      results[index]!.totalMs += measured.totalMs
    }
  }
  const baselineMedian = median(results[0]!.samples)
  return variants.map((variant, index) => {
    const result = results[index]!
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
}
