import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { missingBuiltFiles, type PublishedPackage, repositoryRoot } from './published-packages'
import { runCommandOrThrow } from './run-command'

export interface InstallTimings {
  packSeconds: number
  installSeconds: number
}

/**
 * Packs every package with `pnpm pack`, which writes the tarball users get: `workspace:` ranges
 * become versions and only the `files` list ships. Needs the packages built.
 */
async function packPackages(packages: readonly PublishedPackage[], tarballFolder: string): Promise<string[]> {
  const missing = packages.flatMap(missingBuiltFiles)
  if (missing.length > 0) {
    throw new Error(`Built files are missing; run \`pnpm build\` before this test (pnpm test does).\n${missing.join('\n')}`)
  }
  await mkdir(tarballFolder, { recursive: true })
  await Promise.all(
    packages.map((published) =>
      runCommandOrThrow('pnpm', ['pack', '--pack-destination', tarballFolder], published.folder, `pnpm pack of ${published.name}`),
    ),
  )
  const tarballs = (await readdir(tarballFolder)).filter((file) => file.endsWith('.tgz')).map((file) => join(tarballFolder, file))
  if (tarballs.length !== packages.length) throw new Error(`Expected ${packages.length} tarballs in ${tarballFolder}, found ${tarballs.length}.`)
  return tarballs
}

/** The range the repository itself uses for a development tool, so the project matches what CI tests with. */
async function repositoryRange(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(repositoryRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  const range = manifest.devDependencies[name]
  if (!range) throw new Error(`The root package.json has no devDependency ${name}.`)
  return range
}

/** The version of an installed package, read from its package.json. */
async function installedVersion(packageFolder: string): Promise<string> {
  return (JSON.parse(await readFile(join(packageFolder, 'package.json'), 'utf8')) as { version: string }).version
}

/**
 * better-sqlite3's install compiles its addon from source here (no prebuilt download), two to
 * three minutes of this test's five. The workspace's `pnpm install` already compiled the same
 * version for the same Node, so its addon is copied in; a different version is rebuilt with
 * `npm rebuild`. The ledger checks below then load a real addon either way.
 */
async function provideBetterSqlite3Addon(projectFolder: string): Promise<void> {
  const workspaceFolder = dirname(createRequire(join(repositoryRoot, 'packages/migrate/package.json')).resolve('better-sqlite3/package.json'))
  const projectPackageFolder = join(projectFolder, 'node_modules/better-sqlite3')
  if ((await installedVersion(workspaceFolder)) !== (await installedVersion(projectPackageFolder))) {
    await runCommandOrThrow('npm', ['rebuild', 'better-sqlite3'], projectFolder, 'npm rebuild better-sqlite3')
    return
  }
  const addon = 'build/Release/better_sqlite3.node'
  await mkdir(dirname(join(projectPackageFolder, addon)), { recursive: true })
  await copyFile(join(workspaceFolder, addon), join(projectPackageFolder, addon))
}

/**
 * An npm project like a user's: ESM (`"type": "module"`), the tarballs installed with
 * `npm install`, third-party dependencies from the registry. Install scripts are skipped: of the
 * dependencies only better-sqlite3 needs one (see provideBetterSqlite3Addon), and the README says
 * what its compile needs.
 */
export async function installPackedPackages(packages: readonly PublishedPackage[], projectFolder: string): Promise<InstallTimings> {
  const packStarted = performance.now()
  const tarballs = await packPackages(packages, join(projectFolder, 'tarballs'))
  const packSeconds = (performance.now() - packStarted) / 1000
  const manifest = { name: 'ticketbridge-packaging-check', private: true, type: 'module' }
  await writeFile(join(projectFolder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  // vitest: the testkit's conformance suite runs under it (a peer); @types/node: the examples use process.env.
  const tools = [`vitest@${await repositoryRange('vitest')}`, `@types/node@${await repositoryRange('@types/node')}`]
  const installStarted = performance.now()
  await runCommandOrThrow(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...tarballs, ...tools],
    projectFolder,
    'npm install of the packed packages',
  )
  await provideBetterSqlite3Addon(projectFolder)
  return { packSeconds, installSeconds: (performance.now() - installStarted) / 1000 }
}
