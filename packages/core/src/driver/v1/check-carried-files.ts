import type { AdapterCapabilities } from '../../adapter/v1/adapter-capabilities'
import { ValidationError } from '../../errors/index'
import type { CarriedFiles } from '../../model/file-upload'

/**
 * Files in a ticket or comment create: sent with it only where the vendor takes them there
 * (`carries`), else refused before anything is sent, since a file dropped with a warning would
 * be lost unnoticed; each within `attachments.maxBytes`.
 */
export function checkCarriedFiles(
  files: CarriedFiles | undefined,
  carries: boolean | undefined,
  vendor: { vendor: string; title: string; capabilities: AdapterCapabilities },
  what: 'ticket' | 'comment',
): void {
  if (!files?.length) return
  const refuse = (field: string, message: string) =>
    new ValidationError(`Invalid ${what}: ${field}: ${message}. Nothing was sent.`, {
      status: 0,
      vendor: vendor.vendor,
      issues: [{ field, message }],
    })
  if (!carries) throw refuse('attachments', `${vendor.title} takes files apart from a ${what}; upload them with attachments.upload`)
  const limit = vendor.capabilities.attachments.maxBytes
  if (limit === undefined) return
  const tooLarge = files.findIndex((file) => file.data.byteLength > limit)
  if (tooLarge >= 0) throw refuse(`attachments.${tooLarge}`, `${files[tooLarge]!.filename} is larger than the ${limit} bytes ${vendor.title} accepts`)
}
