import { autotaskConnector } from './autotask-connector'
import { registerConnector } from './connectors'
import { haloConnector } from './halo-connector'
import { rtConnector } from './rt-connector'

/** Registers the vendors that ship with the CLI. */
export function registerBuiltInConnectors(): void {
  registerConnector(haloConnector)
  registerConnector(autotaskConnector)
  registerConnector(rtConnector)
}
