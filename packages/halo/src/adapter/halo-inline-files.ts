import type { CarriedFiles } from '@ticketbridge/core'

/** A file as Halo takes it inside a ticket or an action (swagger `Faults.attachments`, `Actions.attachments`). */
export interface HaloInlineFile {
  filename: string
  /** The bytes, base64, as `POST /Attachment` takes them. */
  data: string
  content_type: string
  isimage: boolean
}

/** Files carried inside a create, in Halo's shape. */
export function haloInlineFiles(files: CarriedFiles): HaloInlineFile[] {
  return files.map((file) => {
    const contentType = file.contentType ?? 'application/octet-stream'
    return {
      filename: file.filename,
      data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength).toString('base64'),
      content_type: contentType,
      isimage: contentType.startsWith('image/'),
    }
  })
}
