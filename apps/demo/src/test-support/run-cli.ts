import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { TicketingAdapter } from '@ticketbridge/core'
import { findConnector } from '../connectors/connectors'
import type { RunningSimulator } from '@ticketbridge/http'
import { seedHelpDesk } from '../demo/seed-help-desk'

/** The built command line the tests run as a user would (`pnpm build` makes it). */
export const cli = fileURLToPath(new URL('../../dist/ticketbridge.js', import.meta.url))

/** The environment that points a child `ticketbridge` at a running simulator. */
export function environmentOf(vendor: string, simulator: RunningSimulator): Record<string, string> {
  const connector = findConnector(vendor)
  return Object.fromEntries(Object.entries(simulator.settings).map(([key, value]) => [connector.settings[key]!.environment, value]))
}

export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

/** Runs `ticketbridge` with these arguments to its end: the exit code and everything it printed. */
export async function runCli(
  arguments_: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [cli, ...arguments_], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const { code } = await waitForExit(child)
  return { code, output }
}

/**
 * Two vendors' simulators served for a CLI test, the source seeded with a help desk through the
 * neutral interface, with adapters on both (to count through each vendor's own API) and the
 * environment that points a child `ticketbridge` at them.
 */
export async function startSimulatorPair(
  vendors: { source: string; target: string },
  seed: { tickets: number; seed: number },
): Promise<{
  source: TicketingAdapter
  target: TicketingAdapter
  sourceSimulator: RunningSimulator
  targetSimulator: RunningSimulator
  environment: Record<string, string>
  close(): Promise<void>
}> {
  const sourceSimulator = await findConnector(vendors.source).startSimulator({})
  const targetSimulator = await findConnector(vendors.target).startSimulator({})
  const source = findConnector(vendors.source).createAdapter(sourceSimulator.settings)
  const target = findConnector(vendors.target).createAdapter(targetSimulator.settings)
  await seedHelpDesk(source, seed.tickets, seed.seed)
  return {
    source,
    target,
    sourceSimulator,
    targetSimulator,
    environment: { ...environmentOf(vendors.source, sourceSimulator), ...environmentOf(vendors.target, targetSimulator) },
    async close() {
      await Promise.all([source.close(), target.close()])
      await Promise.all([sourceSimulator.close(), targetSimulator.close()])
    },
  }
}
