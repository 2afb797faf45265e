import type { TscDiagnostic } from './tsc-diagnostics'

/**
 * Errors tsc reports in third-party declaration files, which users checking their libraries
 * (skipLibCheck off) see too and only the third party can fix. Set aside by file and code, each
 * with why, so any other error in an installed declaration file still fails the test.
 */
const knownUpstreamDiagnostics = [
  {
    fileStart: 'node_modules/msw/lib/core/',
    code: 'TS1479',
    why: "msw's CommonJS declarations import rettime, an ES module: node16 reports it wherever a CommonJS file requires a simulator or the testkit",
  },
] as const

export function isKnownUpstreamDiagnostic(diagnostic: TscDiagnostic): boolean {
  return knownUpstreamDiagnostics.some(
    (known) => diagnostic.file.startsWith(known.fileStart) && diagnostic.message.startsWith(`error ${known.code}:`),
  )
}
