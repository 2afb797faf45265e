import type { AutotaskClient, AutotaskFilter } from '@ticketbridge/autotask'
import { Command } from 'commander'
import { formatRecords, renderRecord } from '../../output/render-records'
import { createAutotaskAttachmentsCommand } from './autotask-attachments-command'
import { createAutotaskBatchCommand } from './autotask-batch-command'
import { type AutotaskPlainRecord, autotaskEntityOf, confirmDelete, parseAutotaskId } from './autotask-entity-of'
import { collectAutotaskFilter } from './autotask-filter-expression'
import { commandHelp } from '../../output/command-help'
import { withNativeClient } from '../native-client-connection'
import { parseList } from '../../input/parse-key-value'
import { expectJsonObject, type JsonInputOptions, readJsonInput } from '../../input/read-json-input'
import { addConnectionOptions, type ConnectionOptions, parsePositiveInteger } from '../shared-options'

const vendors = ['autotask']

/** Autotask pages hold 500 records at most; `--max-records` above that reads several pages. */
const autotaskPageSize = 500

type RecordOptions = ConnectionOptions & { parentId?: number; json?: boolean }

function autotaskQueryCommand(): Command {
  const command = new Command('query')
    .description('Query any Autotask entity with simple filters; several --filter are ANDed.')
    .argument('<entity>', 'the entity, as in the URL: Tickets, Companies, Contacts, Resources, … (any case)')
    .option('--filter <condition>', '"<field> <operator> [value]"; repeat to AND several', collectAutotaskFilter)
    .option('--fields <names>', 'comma-separated fields to return (and show), e.g. id,companyName', parseList)
    .option('--max-records <count>', 'at most this many records (pages of 500 are read as needed)', parsePositiveInteger('max-records'), 500)
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      commandHelp({
        examples: [
          'autotask query Companies --filter "isActive eq true" --fields id,companyName',
          'autotask query Tickets --filter "status noteq 5" --filter "queueID in 8,9" --max-records 50 --json',
          'autotask query Contacts --filter "emailAddress endsWith @example.com"',
        ],
        vendors,
        notes: [
          'Operators: eq, noteq, gt, gte, lt, lte, beginsWith, endsWith, contains, exist, notExist (no value), in, notIn (comma-separated list).',
          'Values: true/false are booleans, digits are numbers, quote a value to keep it text ("status eq \'5\'"); udf:<name> filters a user-defined field.',
        ],
      }),
    )
  addConnectionOptions(command)
  return command.action(
    async (entityName: string, options: ConnectionOptions & { filter?: AutotaskFilter[]; fields?: string[]; maxRecords: number; json?: boolean }) => {
      await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
        const records = await autotaskEntityOf(client, entityName)
          .queryAll({
            ...(options.filter ? { filter: options.filter } : {}),
            ...(options.fields ? { includeFields: options.fields } : {}),
            maxRecords: Math.min(options.maxRecords, autotaskPageSize),
          })
          .toArray({ limit: options.maxRecords })
        console.log(formatRecords(records, options))
      })
    },
  )
}

function autotaskGetCommand(): Command {
  const command = new Command('get')
    .description('Show one Autotask record by id.')
    .argument('<entity>', 'the entity: Tickets, Companies, …')
    .argument('<id>', 'the record id', parseAutotaskId('id'))
    .option('--parent-id <id>', "the parent's id, for child entities read through their parent", parsePositiveInteger('parent-id'))
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', commandHelp({ examples: ['autotask get Tickets 12345', 'autotask get Companies 0 --json'], vendors }))
  addConnectionOptions(command)
  return command.action(async (entityName: string, id: number, options: RecordOptions) => {
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const record = await autotaskEntityOf(client, entityName).get(id, options.parentId ? { parentId: options.parentId } : {})
      console.log(options.json ? JSON.stringify(record, null, 2) : renderRecord(record))
    })
  })
}

/** `--data`/`--file` and `--parent-id`, the options of create and update. */
function addWriteOptions(command: Command): Command {
  return command
    .option('--data <json>', 'the fields as a JSON object (vendor field names)')
    .option('--file <path>', 'a file holding that JSON object')
    .option(
      '--parent-id <id>',
      "the parent's id, for child entities written through their parent (TicketNotes: the ticket)",
      parsePositiveInteger('parent-id'),
    )
    .option('--json', 'print the result as JSON')
}

function autotaskCreateCommand(): Command {
  const command = addWriteOptions(
    new Command('create')
      .description('Create an Autotask record from JSON; prints its new id.')
      .argument('<entity>', 'the entity: Tickets, Companies, …'),
  ).addHelpText(
    'after',
    commandHelp({
      examples: [
        `autotask create Tickets --data '{"companyID": 0, "title": "Printer jam", "status": 1, "priority": 2, "queueID": 8}'`,
        'autotask create TicketNotes --parent-id 12345 --file note.json',
      ],
      vendors,
    }),
  )
  addConnectionOptions(command)
  return command.action(async (entityName: string, options: RecordOptions & JsonInputOptions) => {
    const record = expectJsonObject(await readJsonInput(options), 'The record')
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const entity = autotaskEntityOf(client, entityName)
      const id = await entity.create(record, options.parentId ? { parentId: options.parentId } : {})
      console.log(options.json ? JSON.stringify({ entity: entity.name, id }) : `Created ${entity.name} ${id}.`)
    })
  })
}

function autotaskUpdateCommand(): Command {
  const command = addWriteOptions(
    new Command('update')
      .description('Change the given fields of an Autotask record (PATCH): fields left out keep their values.')
      .argument('<entity>', 'the entity: Tickets, Companies, …')
      .argument('<id>', 'the record id', parseAutotaskId('id')),
  ).addHelpText('after', commandHelp({ examples: [`autotask update Tickets 12345 --data '{"status": 5}'`], vendors }))
  addConnectionOptions(command)
  return command.action(async (entityName: string, id: number, options: RecordOptions & JsonInputOptions) => {
    const changes: AutotaskPlainRecord = expectJsonObject(await readJsonInput(options), 'The changes')
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const entity = autotaskEntityOf(client, entityName)
      await entity.update({ ...changes, id }, options.parentId ? { parentId: options.parentId } : {})
      console.log(options.json ? JSON.stringify({ entity: entity.name, id }) : `Updated ${entity.name} ${id}.`)
    })
  })
}

function autotaskDeleteCommand(): Command {
  const command = new Command('delete')
    .description('Delete an Autotask record, where Autotask allows deleting that entity. Needs --yes.')
    .argument('<entity>', 'the entity: Tags, TimeEntries, …')
    .argument('<id>', 'the record id', parseAutotaskId('id'))
    .option('--parent-id <id>', "the parent's id, for child entities deleted through their parent", parsePositiveInteger('parent-id'))
    .option('--yes', 'confirm: the delete cannot be undone')
    .addHelpText('after', commandHelp({ examples: ['autotask delete TimeEntries 4711 --yes'], vendors }))
  addConnectionOptions(command)
  return command.action(async (entityName: string, id: number, options: RecordOptions & { yes?: boolean }) => {
    confirmDelete(options.yes, `${entityName} ${id}`)
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const entity = autotaskEntityOf(client, entityName)
      await entity.delete(id, options.parentId ? { parentId: options.parentId } : {})
      console.log(`Deleted ${entity.name} ${id}.`)
    })
  })
}

/** `ticketbridge autotask …`: any Autotask entity through the native client, with Autotask's own field names. */
export function createAutotaskCommand(): Command {
  return new Command('autotask')
    .description("Autotask's own API from the shell: query, read, create, update and delete any entity, in batches, and ticket attachments.")
    .addHelpText(
      'after',
      commandHelp({
        examples: ['autotask query Companies --filter "isActive eq true"', 'autotask batch create Tickets --file tickets.json'],
        vendors,
      }),
    )
    .addCommand(autotaskQueryCommand())
    .addCommand(autotaskGetCommand())
    .addCommand(autotaskCreateCommand())
    .addCommand(autotaskUpdateCommand())
    .addCommand(autotaskDeleteCommand())
    .addCommand(createAutotaskBatchCommand())
    .addCommand(createAutotaskAttachmentsCommand())
}
