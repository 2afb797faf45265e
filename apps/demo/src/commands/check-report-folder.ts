import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'

/**
 * Makes the report folder and writes a file in it before anything else happens: a folder that
 * cannot take the reports is found before the migration, not after hours of it.
 */
export async function checkReportFolder(folder: string): Promise<void> {
  const probe = join(folder, `.ticketbridge-write-check-${process.pid}`)
  try {
    await mkdir(folder, { recursive: true })
    await writeFile(probe, '')
    await rm(probe, { force: true })
  } catch (error) {
    throw new ConfigurationError(
      `--report-dir ${folder} cannot take the reports (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Name a folder you can write to.`,
      { option: 'report-dir' },
    )
  }
}
