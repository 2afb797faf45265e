import { z } from 'zod'

/** The fields every record carries: the vendor's id as text, the vendor's name, its payload. */
export const vendorRecordShape = {
  /** The vendor's id, as a string. */
  id: z.string().min(1),
  /** Which adapter produced the record (`halo`, `autotask`, `rt`, `memory`, …). */
  vendor: z.string().min(1),
  /** The vendor's payload, untouched: everything the common model leaves out is here. */
  raw: z.unknown(),
}
