import { execFile } from 'node:child_process'

export interface CommandResult {
  exitCode: number
  /** Standard output and standard error, in that order. */
  output: string
  seconds: number
}

/**
 * The environment of this test run, without the variables vitest sets for its workers: a
 * vitest started inside the temporary project would otherwise take itself for one of them.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'))
}

/** Runs a program to its end and reports how it ended; never throws, so callers can show the output. */
export function runCommand(file: string, commandArguments: readonly string[], folder: string): Promise<CommandResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    execFile(file, commandArguments, { cwd: folder, env: childEnvironment(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ exitCode, output: `${stdout}${stderr}`.trim(), seconds: (performance.now() - started) / 1000 })
    })
  })
}

/** Runs a program and throws with its output when it fails. */
export async function runCommandOrThrow(file: string, commandArguments: readonly string[], folder: string, what: string): Promise<CommandResult> {
  const result = await runCommand(file, commandArguments, folder)
  if (result.exitCode !== 0) throw new Error(`${what} failed (exit ${result.exitCode}) in ${folder}:\n${result.output}`)
  return result
}
