import type { RtClient } from '@ticketbridge/rt'
import { Command } from 'commander'
import { formatRecords, renderRecord } from '../../output/render-records'
import { commandHelp } from '../../output/command-help'
import { withNativeClient } from '../native-client-connection'
import { parseList } from '../../input/parse-key-value'
import { createRtAttachmentsCommand } from './rt-attachments-command'
import { plainRtRecord } from './rt-plain-record'
import { addConnectionOptions, type ConnectionOptions, parsePositiveInteger } from '../shared-options'

const vendors = ['rt']
const defaultSearchFields = ['Subject', 'Status', 'Queue', 'Owner', 'Priority', 'LastUpdated']

function rtSearchCommand(): Command {
  const command = new Command('search')
    .description("Search tickets with TicketSQL, as RT's own search does (REST2 GET /tickets?query=…), oldest id first.")
    .argument('<query>', `TicketSQL, e.g. "Queue = 'General' AND Status = '__Active__'"`)
    .option('--fields <names>', `comma-separated fields to return (default ${defaultSearchFields.join(',')})`, parseList)
    .option('--limit <count>', 'at most this many tickets (pages of 100 are read as needed)', parsePositiveInteger('limit'), 100)
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      commandHelp({
        examples: [
          `rt search "Queue = 'General' AND Status = '__Active__'"`,
          `rt search "Requestor.EmailAddress LIKE '@example.com' AND Created > '2026-01-01'" --fields Subject,Status,Created --json`,
          `rt search "id > 0" --limit 10`,
        ],
        vendors,
        notes: ['Uses REST2 (built into RT 5). Quote the whole query for the shell, and values inside it with single quotes.'],
      }),
    )
  addConnectionOptions(command)
  return command.action(async (query: string, options: ConnectionOptions & { fields?: string[]; limit: number; json?: boolean }) => {
    const fields = options.fields ?? defaultSearchFields
    await withNativeClient<RtClient, void>('rt', options, async (client) => {
      const found = await client.rest2
        .iterateTickets(query, { orderBy: 'id', perPage: Math.min(options.limit, 100), fields, expand: { Queue: ['Name'] } })
        .toArray({ limit: options.limit })
      console.log(formatRecords(found.map(plainRtRecord), { ...options, fields: ['id', ...fields.filter((field) => field !== 'id')] }))
    })
  })
}

function rtGetCommand(): Command {
  const command = new Command('get')
    .description('Show one ticket as RT has it (REST2 GET /ticket/{id}): every field and custom field.')
    .argument('<id>', 'the ticket number', parsePositiveInteger('id'))
    .option('--json', "print RT's record as JSON (links included)")
    .addHelpText('after', commandHelp({ examples: ['rt get 42', 'rt get 42 --json'], vendors }))
  addConnectionOptions(command)
  return command.action(async (id: number, options: ConnectionOptions & { json?: boolean }) => {
    await withNativeClient<RtClient, void>('rt', options, async (client) => {
      const { record } = await client.rest2.getTicket(id, { expand: { Queue: ['Name'] } })
      console.log(options.json ? JSON.stringify(record, null, 2) : renderRecord(plainRtRecord(record)))
    })
  })
}

/** `ticketbridge rt …`: Request Tracker's own API through the native client. */
export function createRtCommand(): Command {
  return new Command('rt')
    .description("Request Tracker's own API from the shell: TicketSQL searches, tickets as RT has them, and attachments.")
    .addHelpText('after', commandHelp({ examples: [`rt search "Status = 'open'"`, 'rt get 42', 'rt attachments list 42'], vendors }))
    .addCommand(rtSearchCommand())
    .addCommand(rtGetCommand())
    .addCommand(createRtAttachmentsCommand())
}
