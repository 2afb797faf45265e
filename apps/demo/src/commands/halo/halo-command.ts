import type { HaloClient } from '@ticketbridge/halo'
import { ConfigurationError } from '@ticketbridge/core'
import { Command } from 'commander'
import { formatRecords, renderRecord } from '../../output/render-records'
import { commandHelp } from '../../output/command-help'
import { createHaloAttachmentsCommand } from './halo-attachments-command'
import { checkedHaloPath, type HaloRawCall } from './halo-raw-request'
import { withNativeClient } from '../native-client-connection'
import { collectKeyValue, parseList } from '../../input/parse-key-value'
import { type JsonInputOptions, readJsonInput } from '../../input/read-json-input'
import { addConnectionOptions, type ConnectionOptions } from '../shared-options'

const vendors = ['halo']

type RawOptions = ConnectionOptions & { param?: Record<string, string>; query?: Record<string, string>; json?: boolean; fields?: string[] }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Halo's answer for people: a list (a bare array, or the one array of records a list answer
 * wraps, such as `{ record_count, tickets: [...] }`) as a table, one record (it has an id) as
 * field/value rows, a scalar as JSON.
 */
function formatHaloAnswer(answer: unknown, options: { json?: boolean; fields?: string[] }): string {
  if (options.json || answer === undefined || answer === null || typeof answer !== 'object') return JSON.stringify(answer ?? null, null, 2)
  if (Array.isArray(answer)) return answer.every(isRecord) ? formatRecords(answer, options) : JSON.stringify(answer, null, 2)
  // A record has an id; a list answer wraps its rows beside counts (record_count, page_no).
  if ('id' in answer) return renderRecord(answer as Record<string, unknown>)
  const lists = Object.values(answer).filter((value) => Array.isArray(value) && value.every(isRecord)) as Record<string, unknown>[][]
  if (lists.length === 1) return formatRecords(lists[0]!, options)
  return renderRecord(answer as Record<string, unknown>)
}

/** The options every raw call takes. */
function rawCommand(method: HaloRawCall['method']): Command {
  const verb = method.toLowerCase()
  const command = new Command(verb)
    .argument('<path>', 'a path of the Halo API spec, after /api: /Tickets, /Tickets/{id}, /Status, …')
    .option('--param <name=value>', 'a {placeholder} of the path; repeat for several', collectKeyValue('param'))
    .option('--query <name=value>', 'a query parameter, spelled as in the spec; repeat for several', collectKeyValue('query'))
  addConnectionOptions(command)
  return command
}

async function sendRaw(options: RawOptions, call: HaloRawCall): Promise<unknown> {
  const path = checkedHaloPath(call)
  return withNativeClient<HaloClient, unknown>('halo', options, async (client) => {
    const response = await client.request<unknown>({
      method: call.method,
      path,
      ...(call.query ? { query: call.query } : {}),
      ...(call.body !== undefined ? { body: call.body } : {}),
      // A GET or DELETE of one path repeats harmlessly; a POST upsert does not.
      idempotent: call.method !== 'POST',
    })
    return response.data
  })
}

function haloGetCommand(): Command {
  return rawCommand('GET')
    .description('GET any path of the Halo API, checked against the spec first.')
    .option('--fields <names>', 'comma-separated columns of a list answer', parseList)
    .option('--json', "print Halo's answer as JSON")
    .addHelpText(
      'after',
      commandHelp({
        examples: [
          'halo get /Tickets/{id} --param id=4812',
          'halo get /Tickets --query pageinate=true --query page_size=5 --query page_no=1 --fields id,summary,status_id',
          'halo get /Status --json',
        ],
        vendors,
      }),
    )
    .action(async (path: string, options: RawOptions) => {
      const answer = await sendRaw(options, { method: 'GET', path, ...pathParts(options) })
      console.log(formatHaloAnswer(answer, options))
    })
}

function haloPostCommand(): Command {
  return rawCommand('POST')
    .description("POST to any path of the Halo API that takes it (most are upserts of a JSON array), checked against the spec's names first.")
    .option('--data <json>', 'the body as JSON (most Halo POSTs take an array: [{ … }])')
    .option('--file <path>', 'a file holding that JSON')
    .option('--json', "print Halo's answer as JSON")
    .addHelpText(
      'after',
      commandHelp({
        examples: [`halo post /Tickets --data '[{"id": 4812, "summary": "Printer jam (floor 2)"}]'`, 'halo post /Actions --file note.json'],
        vendors,
        notes: ['Halo creates a record when "id" is left out and updates the record with that "id" otherwise.'],
      }),
    )
    .action(async (path: string, options: RawOptions & JsonInputOptions) => {
      const body = await readJsonInput(options)
      const answer = await sendRaw(options, { method: 'POST', path, ...pathParts(options), body })
      console.log(formatHaloAnswer(answer, options))
    })
}

function haloDeleteCommand(): Command {
  return rawCommand('DELETE')
    .description('DELETE any path of the Halo API that allows it, checked against the spec first. Needs --yes.')
    .option('--yes', 'confirm: the delete cannot be undone')
    .addHelpText('after', commandHelp({ examples: ['halo delete /Actions/{id} --param id=981 --query ticket_id=4812 --yes'], vendors }))
    .action(async (path: string, options: RawOptions & { yes?: boolean }) => {
      if (!options.yes) throw new ConfigurationError(`DELETE ${path} cannot be undone in Halo; add --yes to confirm.`, { option: 'yes' })
      await sendRaw(options, { method: 'DELETE', path, ...pathParts(options) })
      console.log(`Deleted ${checkedHaloPath({ method: 'DELETE', path, ...pathParts(options) })}.`)
    })
}

function pathParts(options: RawOptions): Pick<HaloRawCall, 'params' | 'query'> {
  return { ...(options.param ? { params: options.param } : {}), ...(options.query ? { query: options.query } : {}) }
}

/** `ticketbridge halo …`: Halo's own API through the native client (raw calls checked against the spec, and ticket attachments). */
export function createHaloCommand(): Command {
  return new Command('halo')
    .description("Halo's own API from the shell: GET, POST and DELETE any path of its spec, and ticket attachments.")
    .addHelpText('after', commandHelp({ examples: ['halo get /Tickets/{id} --param id=4812', 'halo attachments list 4812'], vendors }))
    .addCommand(haloGetCommand())
    .addCommand(haloPostCommand())
    .addCommand(haloDeleteCommand())
    .addCommand(createHaloAttachmentsCommand())
}
