/**
 * `pnpm bench`: runs every case in bench/cases (each file exports `benchCase`) and prints one
 * markdown table with all their rows; `pnpm bench transport requests` runs the cases whose file
 * names hold those words. Needs the packages built (the root script builds them
 * first): cases import the published dist, not the sources, to measure what users run.
 */
import { readdir } from 'node:fs/promises'
import { cpus } from 'node:os'
import { pathToFileURL } from 'node:url'
import type { BenchCase, BenchRow, BenchTable } from './support/bench-case'
import { formatMarkdownTable } from './support/format-markdown-table'

const casesFolder = new URL('./cases/', import.meta.url)

/** Cases whose file name holds one of these words (`pnpm bench transport`); every case without any. */
const chosen = process.argv.slice(2).filter((word) => word !== '--')

async function loadCases(): Promise<BenchCase[]> {
  const files = (await readdir(casesFolder))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .filter((file) => chosen.length === 0 || chosen.some((word) => file.includes(word)))
    .sort()
  if (files.length === 0) throw new Error(`No bench case file holds ${chosen.join(' or ')}; the cases are in bench/cases.`)
  const cases: BenchCase[] = []
  for (const file of files) {
    const loaded = (await import(pathToFileURL(new URL(file, casesFolder).pathname).href)) as { benchCase?: BenchCase }
    if (!loaded.benchCase) throw new Error(`bench/cases/${file} does not export benchCase.`)
    cases.push(loaded.benchCase)
  }
  return cases
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US')

async function main(): Promise<void> {
  const cases = await loadCases()
  const rows: BenchRow[] = []
  const tables: BenchTable[] = []
  const started = Date.now()
  for (const benchCase of cases) {
    process.stderr.write(`running ${benchCase.name}…\n`)
    const result = await benchCase.run()
    if (Array.isArray(result)) rows.push(...result)
    else tables.push(result)
  }
  const table = formatMarkdownTable(rows, [
    { heading: 'Case', value: (row) => row.case },
    { heading: 'Variant', value: (row) => row.variant },
    { heading: 'Requests', value: (row) => whole(row.requests), align: 'right' },
    { heading: 'Median µs', value: (row) => row.medianMicroseconds.toFixed(1), align: 'right' },
    { heading: 'p95 µs', value: (row) => row.p95Microseconds.toFixed(1), align: 'right' },
    { heading: 'Requests/s', value: (row) => whole(row.requestsPerSecond), align: 'right' },
    { heading: 'Ratio (median / baseline)', value: (row) => `${row.ratio.toFixed(2)}×`, align: 'right' },
  ])
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(`Node ${process.version}, ${cpu}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  if (rows.length > 0) console.log(table)
  for (const extra of tables) {
    console.log(`\n${extra.title}\n`)
    console.log(formatPlainTable(extra))
  }
  console.log('')
  for (const benchCase of cases) console.log(`- ${benchCase.name}: ${benchCase.description}`)
}

/** Whole numbers with thousands separators; fractions keep up to two decimals (1.5 s stays 1.5). */
const figure = (value: number) => (Number.isInteger(value) ? whole(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 }))

/** Figures given as text to fix their decimals (`9.65`, `2.0×`, `97%`) align like numbers. */
const looksNumeric = (cell: string | number) => typeof cell === 'number' || /^-?[\d,]+(\.\d+)?(×|%)?$/.test(cell)

/** A dash stands for "no figure" in a numeric column. */
const isPlaceholder = (cell: string | number) => cell === '–' || cell === '-'

function formatPlainTable(extra: BenchTable): string {
  const cells = extra.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? figure(cell) : cell)))
  const widths = extra.columns.map((column, index) => Math.max(column.length, ...cells.map((row) => String(row[index] ?? '').length)))
  const line = (row: (string | number)[], numeric: boolean[]) =>
    `| ${row.map((cell, index) => (numeric[index] ? String(cell).padStart(widths[index]!) : String(cell).padEnd(widths[index]!))).join(' | ')} |`
  const numericColumns = extra.columns.map(
    (_, index) =>
      extra.rows.some((row) => row[index] !== undefined && looksNumeric(row[index]!)) &&
      extra.rows.every((row) => row[index] !== undefined && (looksNumeric(row[index]!) || isPlaceholder(row[index]!))),
  )
  return [
    line(
      extra.columns,
      extra.columns.map(() => false),
    ),
    `| ${widths.map((width, index) => (numericColumns[index] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`,
    ...cells.map((row) => line(row, numericColumns)),
  ].join('\n')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
