import { cp, mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { entryPointImports } from './entry-point-imports'
import { repositoryRoot } from './published-packages'
import type { ReadmeCodeBlock } from './readme-code-blocks'
import { runCommand } from './run-command'
import { parseTscOutput, type TscDiagnostic } from './tsc-diagnostics'

/** A way users' projects resolve modules, as the tsconfig that sets it up. */
export interface TypeScriptSetup {
  name: 'node16' | 'bundler' | 'node10'
  compilerOptions: Record<string, string>
  /** Whether the README blocks compile here: they use top-level await, which CommonJS output has not. */
  compilesReadmes: boolean
  /**
   * Whether tsc checks the installed declaration files (skipLibCheck off). node16 loads every
   * `.d.ts` (ESM) and `.d.cts` (CommonJS) and node10 resolves the `.d.cts` its own way; bundler
   * reads the same `.d.ts` as node16's ESM side, so it skips them and saves a third of the time.
   */
  checksDeclarationFiles: boolean
}

export const typeScriptSetups: readonly TypeScriptSetup[] = [
  { name: 'node16', compilerOptions: { module: 'node16', moduleResolution: 'node16' }, compilesReadmes: true, checksDeclarationFiles: true },
  { name: 'bundler', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' }, compilesReadmes: true, checksDeclarationFiles: false },
  { name: 'node10', compilerOptions: { module: 'commonjs', moduleResolution: 'node10' }, compilesReadmes: false, checksDeclarationFiles: true },
]

const examplesFolder = join(repositoryRoot, 'tests/packaging/examples')
const readmeContext = join(repositoryRoot, 'tests/packaging/readme-context.d.ts')

/**
 * Writes what tsc checks into the project: the README blocks (`readme/`), the typed examples
 * (`examples/`), a module importing every entry point as ESM and as CommonJS (`entries/`), and
 * one tsconfig per setup.
 */
export async function writeTypeScriptProject(
  projectFolder: string,
  blocks: readonly ReadmeCodeBlock[],
  entryPoints: readonly string[],
): Promise<void> {
  await mkdir(join(projectFolder, 'readme'), { recursive: true })
  await mkdir(join(projectFolder, 'entries'), { recursive: true })
  await Promise.all(blocks.map((block) => writeFile(join(projectFolder, block.fileName), block.code)))
  await cp(readmeContext, join(projectFolder, 'readme/readme-context.d.ts'))
  await cp(examplesFolder, join(projectFolder, 'examples'), { recursive: true })
  await writeFile(join(projectFolder, 'entries/every-entry-point.ts'), entryPointImports(entryPoints))
  await writeFile(join(projectFolder, 'entries/every-entry-point.cts'), entryPointImports(entryPoints))
  for (const setup of typeScriptSetups) {
    const include = setup.compilesReadmes ? ['readme', 'examples', 'entries'] : ['examples', 'entries']
    // A user's strict settings, as `tsc --init` writes them (esModuleInterop: zod's CommonJS declarations need it); skipLibCheck per setup.
    const compilerOptions = {
      ...setup.compilerOptions,
      target: 'es2022',
      strict: true,
      esModuleInterop: true,
      skipLibCheck: !setup.checksDeclarationFiles,
      noEmit: true,
      moduleDetection: 'force',
      types: ['node'],
    }
    await writeFile(join(projectFolder, `tsconfig.${setup.name}.json`), `${JSON.stringify({ compilerOptions, include }, null, 2)}\n`)
  }
}

/** The repository's own TypeScript, so the check does not depend on what npm resolved for the project. */
const tscScript = join(dirname(createRequire(join(repositoryRoot, 'package.json')).resolve('typescript/package.json')), 'bin/tsc')

/** Runs `tsc --strict --noEmit` on the project under one setup; resolves to every error it reported. */
export async function typeCheck(projectFolder: string, setup: TypeScriptSetup): Promise<TscDiagnostic[]> {
  const result = await runCommand(
    process.execPath,
    [tscScript, '--strict', '--noEmit', '--pretty', 'false', '-p', `tsconfig.${setup.name}.json`],
    projectFolder,
  )
  const diagnostics = parseTscOutput(result.output)
  if (result.exitCode !== 0 && diagnostics.length === 0) {
    return [{ file: '', line: 0, column: 0, message: `tsc exited with ${result.exitCode} and no diagnostics:\n${result.output}` }]
  }
  return diagnostics
}
