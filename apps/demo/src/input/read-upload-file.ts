import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { ConfigurationError, contentTypeOfFileName } from '@ticketbridge/core'

/** A local file to attach: its base name, its media type (by extension, as the adapters judge it) and its bytes. */
export async function readUploadFile(path: string): Promise<{ filename: string; contentType: string; data: Uint8Array }> {
  let data: Buffer
  try {
    data = await readFile(path)
  } catch (error) {
    throw new ConfigurationError(`Cannot read the file ${path}: ${(error as Error).message}.`, { option: 'file' })
  }
  const filename = basename(path)
  return { filename, contentType: contentTypeOfFileName(filename), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
}
