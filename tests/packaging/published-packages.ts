import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))

/** A package of the workspace that npm users install, and what they can load from it. */
export interface PublishedPackage {
  name: string
  folder: string
  /** Every specifier of its `exports`, e.g. `@ticketbridge/halo/simulator`; `./package.json` left out. */
  entryPoints: string[]
  /** Its command names (`bin`), for packages that ship a command. */
  commands: string[]
  /** Built files its `exports` and `bin` point at, relative to the folder. */
  builtFiles: string[]
}

interface Manifest {
  name: string
  private?: boolean
  exports?: Record<string, unknown>
  bin?: Record<string, string>
}

/** Every string leaf of an `exports` target: the files its conditions point at. */
function targetFiles(target: unknown): string[] {
  if (typeof target === 'string') return [target]
  if (target && typeof target === 'object') return Object.values(target).flatMap(targetFiles)
  return []
}

function readPublishedPackage(folder: string): PublishedPackage | undefined {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest
  if (manifest.private) return undefined
  const subpaths = Object.keys(manifest.exports ?? {}).filter((subpath) => subpath !== './package.json')
  return {
    name: manifest.name,
    folder,
    entryPoints: subpaths.map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`)),
    commands: Object.keys(manifest.bin ?? {}),
    builtFiles: [...subpaths.flatMap((subpath) => targetFiles(manifest.exports?.[subpath])), ...Object.values(manifest.bin ?? {})],
  }
}

/** The published packages of `packages/*` and `apps/*`, as their package.json files describe them. */
export function publishedPackages(): PublishedPackage[] {
  return ['packages', 'apps']
    .flatMap((group) =>
      readdirSync(join(repositoryRoot, group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(repositoryRoot, group, entry.name, 'package.json')))
        .map((entry) => join(repositoryRoot, group, entry.name)),
    )
    .map(readPublishedPackage)
    .filter((published): published is PublishedPackage => published !== undefined)
}

/** The built files a package would ship without: pnpm pack would make a tarball that cannot load. */
export function missingBuiltFiles(published: PublishedPackage): string[] {
  return published.builtFiles.filter((file) => !existsSync(join(published.folder, file))).map((file) => join(published.folder, file))
}
