import type { ModuleResolver } from '@ticketbridge/core'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import * as connector from './connector/index'
import * as simulator from './simulator/index'

// The guards' own check needs the peers' built files; here it is the real modules they load that matter.
vi.mock('./rt-optional-peers', async (importOriginal) => ({ ...(await importOriginal<object>()), checkRtOptionalPeers: () => {} }))

/** Resolves every specifier except those of the given packages, failing as Node's resolver does. */
function resolverWithout(...absent: string[]): ModuleResolver {
  return (specifier) => {
    if (absent.some((name) => specifier === name || specifier.startsWith(`${name}/`))) throw new Error(`Cannot find package '${specifier}'`)
    return `/node_modules/${specifier}/index.js`
  }
}

describe('the guards of ./simulator and ./connector', () => {
  it('name the missing peers and the command that installs them', async () => {
    const { checkRtOptionalPeers: check } = await vi.importActual<typeof import('./rt-optional-peers')>('./rt-optional-peers')
    expect(() => check('simulator', resolverWithout('@ticketbridge/testkit', 'msw'))).toThrow(
      '@ticketbridge/rt/simulator needs @ticketbridge/testkit and msw, which are not installed',
    )
    expect(() => check('connector', resolverWithout('msw'))).toThrow(/^@ticketbridge\/rt\/connector needs msw.*npm install --save-dev msw$/)
    expect(() => check('simulator', resolverWithout('@ticketbridge/testkit'))).toThrow('npm install --save-dev @ticketbridge/testkit')
    expect(() => check('simulator', resolverWithout())).not.toThrow()
  })

  it('re-export every run-time export of the real modules', async () => {
    const simulatorGuard = await import('./rt-simulator-import-guard')
    const connectorGuard = await import('./rt-connector-import-guard')
    // tsc fails here when a module gains a run-time export its guard does not list.
    expectTypeOf<keyof typeof simulatorGuard>().toEqualTypeOf<keyof typeof simulator>()
    expectTypeOf<keyof typeof connectorGuard>().toEqualTypeOf<keyof typeof connector>()
    expect({ ...simulatorGuard }).toEqual({ ...simulator })
    expect({ ...connectorGuard }).toEqual({ ...connector })
  })
})
