/** A file to attach to a ticket, comment or reply. */
export interface RtUpload {
  /** The file name RT stores (`report.pdf`). */
  filename: string
  /** The MIME type; `application/octet-stream` when absent. */
  contentType?: string
  /** The exact bytes. */
  data: Uint8Array
}
