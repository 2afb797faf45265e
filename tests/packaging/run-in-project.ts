import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type CommandResult, runCommand } from './run-command'

export type ModuleSystem = 'commonjs' | 'module'

/** Runs a few lines with `node -e` in the project, as CommonJS (`require`) or as ESM (`import`): packages resolve from its node_modules. */
export function runInProject(projectFolder: string, system: ModuleSystem, code: string): Promise<CommandResult> {
  return runCommand(process.execPath, ['--input-type', system, '-e', code], projectFolder)
}

/** Code that loads one entry point and fails when it exports nothing (a build that emitted an empty module). */
export function loadEntryPointCode(system: ModuleSystem, specifier: string): string {
  const load = system === 'commonjs' ? `require(${JSON.stringify(specifier)})` : `await import(${JSON.stringify(specifier)})`
  return `const entry = ${load}\nif (Object.keys(entry).length === 0) throw new Error('${specifier} exports nothing')`
}

/**
 * Runs one test file with the project's own vitest, as a user's test suite would: for entry
 * points that call vitest while they load, which only works inside a vitest run.
 */
export async function runVitestFileInProject(projectFolder: string, fileName: string, code: string): Promise<CommandResult> {
  await mkdir(join(projectFolder, 'vitest-checks'), { recursive: true })
  await writeFile(join(projectFolder, 'vitest-checks', fileName), code)
  return runCommand(
    process.execPath,
    [join(projectFolder, 'node_modules/vitest/vitest.mjs'), 'run', '--root', projectFolder, `vitest-checks/${fileName}`],
    projectFolder,
  )
}
