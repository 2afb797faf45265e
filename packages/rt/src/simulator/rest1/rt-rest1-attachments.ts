import type { MessageFile } from '../rt-messages'
import type { Rest1Context } from './rt-rest1-context'

/** RT's process_attachments: the `attachment_N` uploads named on the `Attachment:` line. */
export function rest1Attachments(context: Rest1Context, names: string[]): MessageFile[] | string {
  const files: MessageFile[] = []
  for (const [index, name] of names.entries()) {
    const upload = context.parameters.uploads.get(`attachment_${index + 1}`)
    if (!upload) return `No attachment for ${name}`
    const filename = name.replace(/^.*[\\/]/, '')
    const partName = upload.name
    files.push({
      filename,
      contentType: upload.contentType ?? 'application/octet-stream',
      content: upload.body,
      disposition: `form-data; filename="${upload.filename ?? filename}"; name="${partName}"`,
    })
  }
  return files
}
