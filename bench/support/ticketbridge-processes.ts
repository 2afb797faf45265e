import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { builtInConnectors } from '@ticketbridge/connectors'

/** The built command line, run as users run it (`pnpm --filter ticketbridge build` makes it). */
const ticketbridgeCli = fileURLToPath(new URL('../../apps/demo/dist/ticketbridge.js', import.meta.url))

/** A `ticketbridge` process started by {@link TicketbridgeProcesses.start}. */
export interface StartedProcess {
  child: ChildProcess
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string
  /** Resolves when its output matches `pattern`; rejects when it exits first or `timeoutMs` passes. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * The `ticketbridge` processes one case starts, so they are all ended however the case ends: by
 * `stopAll` in its `finally`, and killed outright should the bench itself exit first.
 */
export class TicketbridgeProcesses {
  readonly #running = new Set<ChildProcess>()
  readonly #killLeftOvers = () => {
    for (const child of this.#running) child.kill('SIGKILL')
  }

  constructor() {
    if (!existsSync(ticketbridgeCli)) throw new Error(`${ticketbridgeCli} is missing: build the CLI first (pnpm --filter ticketbridge build).`)
    process.once('exit', this.#killLeftOvers)
  }

  start(commandArguments: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): StartedProcess {
    const child = spawn(process.execPath, [ticketbridgeCli, ...commandArguments], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#running.add(child)
    let output = ''
    const listeners = new Set<() => void>()
    const append = (chunk: Buffer) => {
      output += chunk.toString()
      for (const listener of listeners) listener()
    }
    child.stdout?.on('data', append)
    child.stderr?.on('data', append)
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => {
        this.#running.delete(child)
        resolve({ code, signal })
      }),
    )
    const waitFor = (pattern: RegExp, timeoutMs: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return
          done()
          resolve()
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`ticketbridge ${commandArguments[0]} printed no ${pattern} in ${timeoutMs / 1000} s:\n${output}`))
        }, timeoutMs)
        const done = () => {
          clearTimeout(timer)
          listeners.delete(check)
        }
        listeners.add(check)
        exited
          .then(({ code, signal }) => {
            if (!listeners.has(check)) return
            done()
            reject(new Error(`ticketbridge ${commandArguments[0]} ended (${signal ?? code}) before printing ${pattern}:\n${output}`))
          })
          .catch(reject)
        check()
      })
    return { child, output: () => output, waitFor, exited }
  }

  /** Runs a command to its end: its exit code and everything it printed. */
  async run(commandArguments: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; output: string }> {
    const started = this.start(commandArguments, options)
    const { code } = await started.exited
    return { code, output: started.output() }
  }

  /** SIGTERM (a worker hands its jobs back and exits), SIGKILL for any still running after `graceMs`. */
  async stopAll(graceMs = 5_000): Promise<void> {
    const running = [...this.#running]
    const exits = running.map(
      (child) =>
        new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()))),
    )
    for (const child of running) child.kill('SIGTERM')
    const timer = setTimeout(this.#killLeftOvers, graceMs)
    await Promise.all(exits)
    clearTimeout(timer)
    process.off('exit', this.#killLeftOvers)
  }
}

/** Every vendor setting's environment variable (HALO_…, AUTOTASK_…, RT_…). */
const vendorVariables = new Set(builtInConnectors.flatMap((connector) => Object.values(connector.settings).map((setting) => setting.environment)))

/**
 * The bench's environment with no vendor variable of the shell, plus `extra`: a child reaches only
 * the simulators it is pointed at.
 */
export function environmentWithout(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !vendorVariables.has(name))), ...extra }
}
