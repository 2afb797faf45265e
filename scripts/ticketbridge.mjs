#!/usr/bin/env node
// `pnpm ticketbridge …` from the repository: the command line as built from this checkout. The
// first time (or after `git pull` left no build) it builds the CLI and what it imports, then runs.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../apps/demo/dist/ticketbridge.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('Building the ticketbridge command line first (once)…\n')
  const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=ticketbridge...', '--output-logs=errors-only'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? (run.signal ? 128 + 2 : 1))
