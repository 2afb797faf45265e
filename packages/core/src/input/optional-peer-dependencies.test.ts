import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../errors/configuration-error'
import {
  checkOptionalPeerDependencies,
  findMissingPeerPackages,
  missingPeerDependenciesMessage,
  type ModuleResolver,
  type OptionalPeerEntry,
} from './optional-peer-dependencies'

const simulator: OptionalPeerEntry = {
  entry: '@ticketbridge/halo/simulator',
  packageName: '@ticketbridge/halo',
  imports: ['@ticketbridge/testkit/servers', 'msw', 'msw/node'],
  vendor: 'halo',
}

/** A resolver that finds every specifier except those of the given packages, as a Node resolver fails. */
function resolverWithout(...absent: string[]): ModuleResolver {
  return (specifier) => {
    if (absent.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
      throw Object.assign(new Error(`Cannot find package '${specifier}'`), { code: 'ERR_MODULE_NOT_FOUND' })
    }
    return `/node_modules/${specifier}/index.js`
  }
}

describe('optional peer dependencies', () => {
  it('finds the packages whose imports do not resolve, once each', () => {
    expect(findMissingPeerPackages(simulator.imports, resolverWithout())).toEqual([])
    expect(findMissingPeerPackages(simulator.imports, resolverWithout('@ticketbridge/testkit'))).toEqual(['@ticketbridge/testkit'])
    expect(findMissingPeerPackages(simulator.imports, resolverWithout('msw', '@ticketbridge/testkit'))).toEqual(['@ticketbridge/testkit', 'msw'])
  })

  it('names the entry, the missing packages and the command that installs them', () => {
    expect(missingPeerDependenciesMessage(simulator, ['@ticketbridge/testkit'])).toBe(
      '@ticketbridge/halo/simulator needs @ticketbridge/testkit, which is not installed: it is an optional peer dependency of @ticketbridge/halo, installed only by those who use this entry. Install with: npm install --save-dev @ticketbridge/testkit',
    )
    expect(missingPeerDependenciesMessage(simulator, ['@ticketbridge/testkit', 'msw'])).toBe(
      '@ticketbridge/halo/simulator needs @ticketbridge/testkit and msw, which are not installed: they are optional peer dependencies of @ticketbridge/halo, installed only by those who use this entry. Install with: npm install --save-dev @ticketbridge/testkit msw',
    )
  })

  it('throws a ConfigurationError with that message when a peer is missing, and nothing when all resolve', () => {
    expect(() => checkOptionalPeerDependencies(simulator, resolverWithout())).not.toThrow()
    let error: unknown
    try {
      checkOptionalPeerDependencies(simulator, resolverWithout('msw'))
    } catch (caught) {
      error = caught
    }
    expect(ConfigurationError.isInstance(error)).toBe(true)
    expect((error as ConfigurationError).vendor).toBe('halo')
    expect((error as ConfigurationError).message).toContain('needs msw, which is not installed')
    expect((error as ConfigurationError).message).toContain('npm install --save-dev msw')
  })

  it('works with Node’s own resolver', () => {
    const resolve = createRequire(import.meta.url).resolve
    expect(findMissingPeerPackages(['zod', 'node:path', 'no-such-package-ticketbridge'], resolve)).toEqual(['no-such-package-ticketbridge'])
  })
})
