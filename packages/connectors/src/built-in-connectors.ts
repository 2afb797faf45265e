import { autotaskConnector } from '@ticketbridge/autotask/connector'
import { haloConnector } from '@ticketbridge/halo/connector'
import type { VendorConnector } from '@ticketbridge/http'
import { rtConnector } from '@ticketbridge/rt/connector'

/**
 * The vendors that ship with ticketbridge, one line each: the CLI, the bench, the demo and the
 * migration tests take their vendor list from here. The first is the demo's hub (the other
 * vendors migrate into it, then it migrates out to the last).
 */
export const builtInConnectors: readonly VendorConnector[] = [haloConnector, autotaskConnector, rtConnector]
