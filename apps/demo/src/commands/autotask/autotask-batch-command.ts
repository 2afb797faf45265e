import type { AutotaskBatchResult, AutotaskClient } from '@ticketbridge/autotask'
import { ConfigurationError } from '@ticketbridge/core'
import { Command } from 'commander'
import { exitCodes } from '../../output/exit-codes'
import { renderTable } from '../../output/render-table'
import { type AutotaskPlainRecord, autotaskEntityOf, confirmDelete, parseAutotaskId } from './autotask-entity-of'
import { commandHelp } from '../../output/command-help'
import { withNativeClient } from '../native-client-connection'
import { parseList } from '../../input/parse-key-value'
import { expectJsonArray, readJsonInput } from '../../input/read-json-input'
import { addConnectionOptions, type ConnectionOptions } from '../shared-options'

type BatchOperation = 'create' | 'update' | 'delete'
type BatchOptions = ConnectionOptions & { file?: string; ids?: string[]; parentId?: number; yes?: boolean; json?: boolean }

/** One item's outcome as the command reports it. */
interface BatchItemReport {
  index: number
  id?: number
  ok: boolean
  error?: string
}

/** An item the file holds that cannot be sent at all: reported as failed, never sent. */
class RefusedItem {
  constructor(readonly reason: string) {}
}

/** What each operation sends for one item of the file: a record, a record with its id, or an id. */
function itemOf(operation: BatchOperation, item: unknown): AutotaskPlainRecord | number | RefusedItem {
  if (operation === 'delete') {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item
    return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : new RefusedItem('not an id (a whole number, or an object with "id")')
  }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return new RefusedItem('not a JSON object')
  const record = item as AutotaskPlainRecord
  if (operation === 'update' && !(typeof record.id === 'number' && Number.isSafeInteger(record.id)))
    return new RefusedItem('an update needs the record\'s "id"')
  return record
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Runs the items that can be sent (the client runs them 3 at a time and reports each), and merges the refused ones back in order. */
async function runBatch(client: AutotaskClient, entityName: string, operation: BatchOperation, items: unknown[], parentId: number | undefined) {
  const entity = autotaskEntityOf(client, entityName)
  const prepared = items.map((item) => itemOf(operation, item))
  const sendable = prepared.flatMap((item, index) => (item instanceof RefusedItem ? [] : [{ item, index }]))
  const options = parentId === undefined ? {} : { parentId }
  const results: AutotaskBatchResult<unknown>[] =
    operation === 'create'
      ? await entity.createMany(
          sendable.map(({ item }) => item as AutotaskPlainRecord),
          options,
        )
      : operation === 'update'
        ? await entity.updateMany(
            sendable.map(({ item }) => item as AutotaskPlainRecord & { id: number }),
            options,
          )
        : await entity.deleteMany(
            sendable.map(({ item }) => item as number),
            options,
          )
  const reports: BatchItemReport[] = prepared.map((item, index) => ({
    index,
    ok: false,
    ...(item instanceof RefusedItem ? { error: item.reason } : {}),
  }))
  results.forEach((result, position) => {
    const { item, index } = sendable[position]!
    const value = result.ok ? result.value : undefined
    const id = typeof item === 'number' ? item : typeof value === 'number' ? value : (item as { id?: number }).id
    reports[index] = { index, ok: result.ok, ...(id !== undefined ? { id } : {}), ...(result.ok ? {} : { error: errorText(result.error) }) }
  })
  return { entity: entity.name, reports }
}

function batchOperationCommand(operation: BatchOperation): Command {
  const shapes = {
    create: 'a JSON array of records: [{ "title": "…", … }, …]',
    update: 'a JSON array of changes, each with its "id": [{ "id": 1, "status": 5 }, …]',
    delete: 'a JSON array of ids ([1, 2]) or of objects with "id"',
  }
  const command = new Command(operation)
    .description(
      `${operation[0]!.toUpperCase()}${operation.slice(1)} many records of one entity; each item's outcome is reported, and one failing item does not stop the others.`,
    )
    .argument('<entity>', 'the entity: Tickets, Companies, Tags, …')
    .option('--file <path>', shapes[operation])
    .option('--parent-id <id>', "the parent's id, for child entities written through their parent", parseAutotaskId('parent-id'))
    .option('--json', 'print the outcomes as JSON')
  if (operation === 'delete')
    command.option('--ids <ids>', 'comma-separated ids instead of --file', parseList).option('--yes', 'confirm: deletes cannot be undone')
  command.addHelpText(
    'after',
    commandHelp({
      examples:
        operation === 'delete'
          ? ['autotask batch delete TimeEntries --ids 4711,4712 --yes', 'autotask batch delete Tags --file ids.json --yes']
          : [`autotask batch ${operation} Tickets --file ${operation === 'create' ? 'tickets' : 'changes'}.json`],
      vendors: ['autotask'],
      notes: ['Exit codes: 0 every item succeeded, 1 some failed (see the table), 2 the file or flags are wrong, 3 nothing could run.'],
    }),
  )
  addConnectionOptions(command)
  return command.action(async (entityName: string, options: BatchOptions) => {
    const items = await batchItems(operation, options)
    if (operation === 'delete') confirmDelete(options.yes, `${items.length} ${entityName} records`)
    await withNativeClient<AutotaskClient, void>('autotask', options, async (client) => {
      const { entity, reports } = await runBatch(client, entityName, operation, items, options.parentId)
      const failed = reports.filter((report) => !report.ok).length
      if (options.json) console.log(JSON.stringify({ entity, operation, succeeded: reports.length - failed, failed, items: reports }, null, 2))
      else {
        console.log(
          renderTable(
            ['item', 'id', 'result', 'error'],
            reports.map((report) => [report.index + 1, report.id ?? '', report.ok ? 'ok' : 'failed', report.error ?? '']),
          ),
        )
        console.log(`${operation}: ${reports.length - failed} of ${reports.length} ${entity} succeeded${failed > 0 ? `, ${failed} failed` : ''}.`)
      }
      if (failed > 0) process.exitCode = exitCodes.incomplete
    })
  })
}

/** The items of `--file` (or `--ids` for deletes). */
async function batchItems(operation: BatchOperation, options: BatchOptions): Promise<unknown[]> {
  if (operation === 'delete' && options.ids) {
    if (options.file) throw new ConfigurationError('Give the ids once: --ids or --file, not both.', { option: 'ids' })
    return options.ids.map((id) => parseAutotaskId('ids')(id))
  }
  if (!options.file)
    throw new ConfigurationError(`batch ${operation} needs --file <path>${operation === 'delete' ? ' or --ids 1,2,3' : ''}.`, { option: 'file' })
  const items = expectJsonArray(await readJsonInput({ file: options.file }), `--file ${options.file}`)
  if (items.length === 0) throw new ConfigurationError(`--file ${options.file} holds no items.`, { option: 'file' })
  return items
}

/** `ticketbridge autotask batch create|update|delete`: many records, at most 3 requests in flight (Autotask's per-endpoint limit). */
export function createAutotaskBatchCommand(): Command {
  return new Command('batch')
    .description('Create, update or delete many records of one Autotask entity from a JSON file, with a result per item.')
    .addHelpText(
      'after',
      commandHelp({
        examples: ['autotask batch create Tickets --file tickets.json', 'autotask batch delete TimeEntries --ids 4711,4712 --yes'],
        vendors: ['autotask'],
      }),
    )
    .addCommand(batchOperationCommand('create'))
    .addCommand(batchOperationCommand('update'))
    .addCommand(batchOperationCommand('delete'))
}
