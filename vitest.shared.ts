import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vitest/config'

const repositoryRoot = dirname(fileURLToPath(import.meta.url))

/**
 * Tests import workspace packages by their published names. This plugin points those
 * names at the TypeScript sources, so tests never run against a stale `dist/` and a
 * failing line maps to the file that holds it.
 */
export function workspaceSources(): Plugin {
  return {
    name: 'ticketbridge-workspace-sources',
    enforce: 'pre',
    resolveId(source: string) {
      const match = /^@ticketbridge\/([a-z-]+)(?:\/([a-z-/]+))?$/.exec(source)
      if (!match) return null
      const [, packageName, subpath] = match
      const packageFolder = [join(repositoryRoot, 'packages', packageName!), join(repositoryRoot, 'apps', packageName!)].find((folder) =>
        existsSync(folder),
      )
      if (!packageFolder) return null
      const candidates = subpath
        ? [join(packageFolder, 'src', subpath, 'index.ts'), join(packageFolder, 'src', `${subpath}.ts`)]
        : [join(packageFolder, 'src', 'index.ts')]
      return candidates.find((candidate) => existsSync(candidate)) ?? null
    },
  }
}
