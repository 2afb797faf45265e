import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'

/**
 * Writes a downloaded file to `--output`, or under the vendor's file name in the current folder
 * (its base name only: a name from the vendor never chooses the folder). An existing file is kept
 * unless `force`. Returns where the bytes went.
 */
export async function writeDownloadedFile(data: Uint8Array, options: { output?: string; filename?: string; fallbackName: string; force?: boolean }) {
  const vendorName = options.filename ? basename(options.filename.replace(/\\/g, '/')) : ''
  const path = resolve(options.output ?? (vendorName && vendorName !== '..' && vendorName !== '.' ? vendorName : options.fallbackName))
  if (existsSync(path) && !options.force)
    throw new ConfigurationError(`${path} exists already; pass --force to overwrite it, or --output <file> to write elsewhere.`, { option: 'output' })
  await writeFile(path, data)
  return path
}
