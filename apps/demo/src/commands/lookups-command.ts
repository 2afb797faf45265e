import { Command } from 'commander'
import { commandHelp } from '../output/command-help'
import { renderTable } from '../output/render-table'
import { addConnectionOptions, type ConnectionOptions, connect } from './shared-options'
import { allVendors, vendorChoices } from '../connectors/connectors'

export function createLookupsCommand(): Command {
  const command = new Command('lookups')
    .description("Show a vendor's statuses, priorities, queues, ticket types and custom fields as the neutral model sees them.")
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--json', 'print the lookups as JSON instead of tables')
    .addHelpText(
      'after',
      commandHelp({
        examples: ['lookups --vendor halo', 'lookups --vendor rt --json > rt-lookups.json   # the names a mapping file can use'],
        vendors: allVendors(),
      }),
    )
  addConnectionOptions(command)
  return command.action(async (options: ConnectionOptions & { vendor: string; json?: boolean }) => {
    const adapter = await connect(options.vendor, options)
    try {
      const [statuses, priorities, queues, ticketTypes, customFields] = await Promise.all([
        adapter.lookups.statuses(),
        adapter.lookups.priorities(),
        adapter.lookups.queues(),
        adapter.lookups.ticketTypes(),
        adapter.lookups.customFields(),
      ])
      if (options.json) {
        console.log(JSON.stringify({ vendor: adapter.vendor, statuses, priorities, queues, ticketTypes, customFields }, null, 2))
        return
      }
      console.log(
        renderTable(
          ['status id', 'name', 'category'],
          statuses.map((status) => [status.id, status.name, status.category]),
        ),
      )
      console.log(
        renderTable(
          ['priority id', 'name', 'level'],
          priorities.map((priority) => [priority.id, priority.name, priority.level]),
        ),
      )
      console.log(
        renderTable(
          ['queue id', 'name'],
          queues.map((queue) => [queue.id, queue.name]),
        ),
      )
      console.log(
        renderTable(
          ['type id', 'name'],
          ticketTypes.map((type) => [type.id, type.name]),
        ),
      )
      console.log(
        renderTable(
          ['custom field', 'label', 'type', 'required', 'options'],
          customFields.map((field) => [field.key, field.label, field.type, field.required ? 'yes' : 'no', (field.options ?? []).join(', ')]),
        ),
      )
    } finally {
      await adapter.close()
    }
  })
}
