import { ConfigurationError } from '../errors/configuration-error'

/**
 * Resolves a module specifier as the importing module would (`createRequire(…).resolve`,
 * `import.meta.resolve`), throwing when it cannot.
 */
export type ModuleResolver = (specifier: string) => unknown

/** An entry point whose run-time imports include optional peer dependencies of its package. */
export interface OptionalPeerEntry {
  /** The entry as users import it: `@ticketbridge/halo/simulator`. */
  entry: string
  /** The package that declares the peers: `@ticketbridge/halo`. */
  packageName: string
  /** What the entry imports at run time that its package does not install: `@ticketbridge/testkit/servers`, `msw`. */
  imports: readonly string[]
  vendor?: string
}

/** The package a specifier imports from: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
}

/** The packages behind the imports that do not resolve, once each, in the order imported. */
export function findMissingPeerPackages(imports: readonly string[], resolve: ModuleResolver): string[] {
  const missing: string[] = []
  for (const specifier of imports) {
    const name = packageOf(specifier)
    if (missing.includes(name)) continue
    try {
      resolve(specifier)
    } catch {
      missing.push(name)
    }
  }
  return missing
}

/** What to tell a user whose install lacks optional peers an entry needs: which ones, and the command that adds them. */
export function missingPeerDependenciesMessage(peerEntry: OptionalPeerEntry, missing: readonly string[]): string {
  const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`
  const them = missing.length === 1 ? 'it is an optional peer dependency' : 'they are optional peer dependencies'
  return (
    `${peerEntry.entry} needs ${names}, which ${missing.length === 1 ? 'is' : 'are'} not installed: ${them} of ${peerEntry.packageName}, ` +
    `installed only by those who use this entry. Install with: npm install --save-dev ${missing.join(' ')}`
  )
}

/**
 * Throws a ConfigurationError naming the missing packages and the install command when an
 * entry's optional peers do not resolve. For a guard that runs before the entry's own imports
 * are loaded; the resolver is the caller's, so packages resolve from the caller's location.
 */
export function checkOptionalPeerDependencies(peerEntry: OptionalPeerEntry, resolve: ModuleResolver): void {
  const missing = findMissingPeerPackages(peerEntry.imports, resolve)
  if (missing.length === 0) return
  throw new ConfigurationError(missingPeerDependenciesMessage(peerEntry, missing), peerEntry.vendor === undefined ? {} : { vendor: peerEntry.vendor })
}
