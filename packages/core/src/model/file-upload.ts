import { z } from 'zod'
import { vendorOptionsSchema } from './vendor-options'

/** A file to upload: its name, its media type and its bytes. */
export const fileUploadSchema = z.object({
  filename: z.string().trim().min(1, 'a file needs a name'),
  contentType: z.string().min(1).default('application/octet-stream'),
  data: z.instanceof(Uint8Array),
  /** Attach to this comment, where `capabilities.attachments.linkToComment`. */
  commentId: z.string().optional(),
  vendorOptions: vendorOptionsSchema.optional(),
})
export type FileUpload = z.input<typeof fileUploadSchema>
