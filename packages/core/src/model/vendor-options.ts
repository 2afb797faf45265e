import { z } from 'zod'

/**
 * Vendor-only input, keyed by vendor: `{ halo: { sendack: false } }`. An adapter reads its own
 * key and ignores the others, so one input can carry options for several targets.
 */
export const vendorOptionsSchema = z.record(z.string(), z.record(z.string(), z.unknown()))
export type VendorOptions = z.infer<typeof vendorOptionsSchema>
