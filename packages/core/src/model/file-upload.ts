import { z } from 'zod'
import { vendorOptionsSchema } from './vendor-options'

/** A file to upload: its name, its media type and its bytes. */
export const fileUploadSchema = z.object({
  filename: z.string().trim().min(1, 'a file needs a name'),
  contentType: z.string().min(1).default('application/octet-stream'),
  // Any Uint8Array (Buffer included), whatever buffer backs it.
  data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'data must be a Uint8Array (or Buffer) of the file bytes'),
  /** Attach to this comment, where `capabilities.attachments.linkToComment`. */
  commentId: z.string().optional(),
  vendorOptions: vendorOptionsSchema.optional(),
})
export type FileUpload = z.input<typeof fileUploadSchema>

/** Files a ticket or comment carries in its create request (where the capabilities say it can). */
export const carriedFilesSchema = z.array(fileUploadSchema.omit({ commentId: true, vendorOptions: true }))
export type CarriedFiles = z.input<typeof carriedFilesSchema>
