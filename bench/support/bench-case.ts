/** One line of the results table. */
export interface BenchRow {
  /** The case, e.g. `transport overhead (GET, 2000 sequential)`. */
  case: string
  /** What was measured in this row, e.g. `bare axios` or `@ticketbridge/http`. */
  variant: string
  requests: number
  medianMicroseconds: number
  p95Microseconds: number
  requestsPerSecond: number
  /** Median of this row over the case's baseline median; 1 for the baseline itself. */
  ratio: number
}

/**
 * A table of its own, for cases whose figures are not request latencies (throughput, memory,
 * request counts). Cells are printed as given; numbers are right-aligned.
 */
export interface BenchTable {
  title: string
  columns: string[]
  rows: (string | number)[][]
}

/**
 * A benchmark case. Files in bench/cases export one as `benchCase`; run-bench.ts finds and runs
 * them in file-name order, so adding a row is adding a file.
 */
export interface BenchCase {
  name: string
  /** One sentence on what the case shows, printed under the table. */
  description: string
  /** Latency rows join the shared table; a BenchTable is printed on its own. */
  run(): Promise<BenchRow[] | BenchTable>
}
