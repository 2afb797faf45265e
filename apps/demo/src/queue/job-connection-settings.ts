import { basename, join } from 'node:path'
import { ConfigurationError } from '@ticketbridge/core'
import type { VendorConnector } from '@ticketbridge/http'
import { loadVendorSettings } from '../config/load-cli-config'

/** Where a worker finds the secrets its jobs name: a folder of KEY=value files, and its own environment. */
export interface WorkerSecrets {
  secretsDirectory?: string
  environment?: NodeJS.ProcessEnv
}

/**
 * One end's settings for a job: the job's own (not secret) and the worker's secrets, from the
 * secrets file the job names in the worker's secrets folder, else from the worker's environment.
 * The job's settings win, and the instance they make must be the one the job was queued for.
 */
export async function jobConnectionSettings(
  connector: VendorConnector,
  job: { settings: Record<string, string>; instance: string; secretsFile?: string | undefined },
  secrets: WorkerSecrets,
): Promise<Record<string, string>> {
  const environment = { ...(secrets.environment ?? process.env) }
  // The job's settings as the variables that set them, so the loader checks them like any other.
  for (const [key, value] of Object.entries(job.settings)) {
    const setting = connector.settings[key]
    if (setting && !setting.secret) environment[setting.environment] = value
  }
  let secretsFile: string | undefined
  if (job.secretsFile) {
    if (basename(job.secretsFile) !== job.secretsFile)
      throw new ConfigurationError(`The job names the secrets file "${job.secretsFile}"; a job names a file, never a path.`, {
        option: 'secrets-file',
      })
    if (!secrets.secretsDirectory)
      throw new ConfigurationError(`The job needs the secrets file ${job.secretsFile}: start the worker with --secrets-dir <folder holding it>.`, {
        option: 'secrets-dir',
      })
    secretsFile = join(secrets.secretsDirectory, job.secretsFile)
  }
  const loaded = await loadVendorSettings(connector, { environment, ...(secretsFile ? { secretsFile } : {}) })
  const settings = { ...loaded, ...job.settings }
  const instance = connector.instanceOf(settings)
  if (instance !== job.instance)
    throw new ConfigurationError(`The ${connector.title} settings this worker has are for ${instance}, but the job moves ${job.instance}.`, {
      option: connector.vendor,
    })
  return settings
}
