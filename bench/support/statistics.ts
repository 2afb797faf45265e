/** The value below which `fraction` of the samples lie (nearest rank on sorted data). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((left, right) => left - right)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank] as number
}

/** The middle sample. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5)
}
