import { readFile } from 'node:fs/promises'
import { ConfigurationError } from '@ticketbridge/core'

/** Where a command's JSON comes from: `--data '<json>'` or `--file <path>`, exactly one of them. */
export interface JsonInputOptions {
  data?: string
  file?: string
}

/** The JSON of `--data` or `--file`; a ConfigurationError naming the flag when it is missing, doubled or not JSON. */
export async function readJsonInput(options: JsonInputOptions): Promise<unknown> {
  if (options.data !== undefined && options.file !== undefined)
    throw new ConfigurationError('Give the JSON once: --data or --file, not both.', { option: 'data' })
  if (options.data === undefined && options.file === undefined)
    throw new ConfigurationError(`Give the record as JSON: --data '{"field": "value"}' or --file record.json.`, { option: 'data' })
  let text = options.data
  let source = '--data'
  if (options.file !== undefined) {
    source = `--file ${options.file}`
    try {
      text = await readFile(options.file, 'utf8')
    } catch (error) {
      throw new ConfigurationError(`Cannot read ${options.file}: ${(error as Error).message}.`, { option: 'file' })
    }
  }
  try {
    return JSON.parse(text!) as unknown
  } catch (error) {
    throw new ConfigurationError(`${source} is not valid JSON: ${(error as Error).message}.`, { option: options.file ? 'file' : 'data' })
  }
}

/** The value as a JSON object (not an array, not null); a ConfigurationError saying what was given otherwise. */
export function expectJsonObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigurationError(`${what} must be a JSON object ({ "field": value, … }), not ${describeJson(value)}.`, { option: 'data' })
  return value as Record<string, unknown>
}

/** The value as a JSON array; a ConfigurationError saying what was given otherwise. */
export function expectJsonArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ConfigurationError(`${what} must be a JSON array ([ … ]), not ${describeJson(value)}.`, { option: 'file' })
  return value
}

function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
