/**
 * `pnpm lint:tree`: runs every `lint:*` script of the root package.json, one after the other (the
 * tools already use both cores), and always all of them, so one failure does not hide the next.
 * Ends with a table of each check's time and result; exits 1 when any check failed.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface CheckResult {
  name: string
  seconds: number
  passed: boolean
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))
const { scripts } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
const checks = Object.entries(scripts).filter(([name]) => name.startsWith('lint:') && name !== 'lint:tree')

// What `pnpm run` would add: the workspace root's binaries first on PATH.
const environment = { ...process.env, PATH: [join(repositoryRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter) }

const results: CheckResult[] = []
for (const [name, command] of checks) {
  console.log(`\n── ${name}: ${command}`)
  const started = performance.now()
  const run = spawnSync(command, { cwd: repositoryRoot, env: environment, shell: true, stdio: 'inherit' })
  results.push({ name, seconds: (performance.now() - started) / 1000, passed: run.status === 0 })
}

const width = Math.max(...results.map((result) => result.name.length))
console.log(`\n${'check'.padEnd(width)}  seconds  result`)
for (const result of results)
  console.log(`${result.name.padEnd(width)}  ${result.seconds.toFixed(1).padStart(7)}  ${result.passed ? 'passed' : 'FAILED'}`)
const failed = results.filter((result) => !result.passed)
console.log(
  `${'total'.padEnd(width)}  ${results
    .reduce((sum, result) => sum + result.seconds, 0)
    .toFixed(1)
    .padStart(7)}`,
)
if (failed.length > 0) {
  console.error(`\n${failed.length} of ${results.length} tree checks failed: ${failed.map((result) => result.name).join(', ')}`)
  process.exitCode = 1
}
