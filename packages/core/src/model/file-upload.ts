import { z } from 'zod'
import type { ExpectTrue, IsSameType } from '../input/same-type'
import { type VendorOptions, vendorOptionsSchema } from './vendor-options'

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

/** What `attachments.upload` takes (checked against `fileUploadSchema`). */
export interface FileUpload {
  filename: string
  /** Defaults to `application/octet-stream`. */
  contentType?: string
  /** The file's bytes: any Uint8Array, a Buffer included. */
  data: Uint8Array
  /** Attach to this comment, where `capabilities.attachments.linkToComment`. */
  commentId?: string
  vendorOptions?: VendorOptions
}
type _FileUploadPinned = ExpectTrue<IsSameType<FileUpload, z.input<typeof fileUploadSchema>>>

/** Files a ticket or comment carries in its create request (where the capabilities say it can). */
export const carriedFilesSchema = z.array(fileUploadSchema.omit({ commentId: true, vendorOptions: true }))

/** One file a ticket or comment carries in its create request. */
export interface CarriedFile {
  filename: string
  /** Defaults to `application/octet-stream`. */
  contentType?: string
  data: Uint8Array
}
export type CarriedFiles = CarriedFile[]
type _CarriedFilesPinned = ExpectTrue<IsSameType<CarriedFiles, z.input<typeof carriedFilesSchema>>>
