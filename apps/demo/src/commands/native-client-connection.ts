import type { TicketingAdapter } from '@ticketbridge/core'
import { type ConnectionOptions, connect } from './shared-options'

/** The native client of an adapter built by a connector (the built-in adapters keep it as `client`). */
export function nativeClientOf<Client>(adapter: TicketingAdapter): Client | undefined {
  return (adapter as { client?: Client }).client
}

/**
 * Runs `work` with a vendor's native client and closes it afterwards. The client comes from the
 * adapter the vendor's connector builds (every built-in adapter keeps its client as `client`), so
 * the native commands read the same settings, environment and flags as every other command.
 */
export async function withNativeClient<Client, Result>(
  vendor: string,
  options: ConnectionOptions,
  work: (client: Client) => Promise<Result>,
): Promise<Result> {
  const adapter = await connect(vendor, options)
  try {
    const client = nativeClientOf<Client>(adapter)
    if (client === undefined) throw new Error(`The ${vendor} connector built an adapter without a native client.`)
    return await work(client)
  } finally {
    await adapter.close()
  }
}
