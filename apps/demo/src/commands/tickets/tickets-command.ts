import { type PriorityLevel, priorityLevels, type StatusCategory, statusCategories, type Ticket } from '@ticketbridge/core'
import { Command } from 'commander'
import { allVendors } from '../../connectors/connectors'
import { commandHelp } from '../../output/command-help'
import { renderTable } from '../../output/render-table'
import { addConnectionOptions, type ConnectionOptions, connect, parsePositiveInteger } from '../shared-options'
import { vendorChoices } from '../../connectors/connectors'
import { parseChoice, parseChoices } from '../../input/parse-choice'
import { sinceOption } from '../../input/parse-since'
import { createTicketAttachmentsCommand, createTicketCloseCommand, createTicketUpdateCommand } from './tickets-write-commands'

function ticketRow(ticket: Ticket): (string | number)[] {
  return [
    ticket.id,
    ticket.subject.slice(0, 60),
    `${ticket.status.name} (${ticket.status.category})`,
    ticket.priority.level,
    ticket.requester?.name ?? ticket.requester?.email ?? '',
    ticket.updatedAt,
  ]
}

/** `ticketbridge tickets list|get|create|comment|update|close|attachments`: the neutral interface from the shell, on any vendor. */
export function createTicketsCommand(): Command {
  const tickets = new Command('tickets').description('Read and write tickets on any configured vendor through the neutral interface.')

  const list = new Command('list')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--status <categories>', `comma-separated: ${statusCategories.join(',')}`, (value) => parseChoices(value, statusCategories, 'status'))
    .option('--since <date>', 'changed at or after: 2026-11-30, 2026-11-30T18:00:00Z or 7d (a span back from now)', sinceOption())
    .option('--text <words>', 'words in the subject or description')
    .option('--limit <count>', 'at most this many', parsePositiveInteger('limit'), 25)
    .option('--json', 'print JSON instead of a table')
  list.description('List tickets, filtered by status category, date changed or words.').addHelpText(
    'after',
    commandHelp({
      examples: ['tickets list --vendor halo --status new,open --since 7d', 'tickets list --vendor rt --text "VPN" --json'],
      vendors: allVendors(),
    }),
  )
  addConnectionOptions(list).action(
    async (
      options: ConnectionOptions & { vendor: string; status?: StatusCategory[]; since?: string; text?: string; limit: number; json?: boolean },
    ) => {
      const adapter = await connect(options.vendor, options)
      try {
        const found = await adapter.tickets
          .list({
            ...(options.status ? { statusCategories: options.status } : {}),
            ...(options.since ? { updatedSince: options.since } : {}),
            ...(options.text ? { text: options.text } : {}),
          })
          .toArray({ limit: options.limit })
        console.log(
          options.json
            ? JSON.stringify(
                found.map(({ raw: _raw, ...ticket }) => ticket),
                null,
                2,
              )
            : renderTable(['id', 'subject', 'status', 'priority', 'requester', 'updated'], found.map(ticketRow)),
        )
      } finally {
        await adapter.close()
      }
    },
  )

  const get = new Command('get')
    .argument('<id>', 'ticket id')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--raw', "include the vendor's payload")
  get
    .description("Show one ticket with its comments, as the neutral model sees it (--raw adds the vendor's payload).")
    .addHelpText('after', commandHelp({ examples: ['tickets get 4812 --vendor halo', 'tickets get 42 --vendor rt --raw'], vendors: allVendors() }))
  addConnectionOptions(get).action(async (id: string, options: ConnectionOptions & { vendor: string; raw?: boolean }) => {
    const adapter = await connect(options.vendor, options)
    try {
      const { raw, ...ticket } = await adapter.tickets.get(id)
      const comments = await adapter.comments.list(id).toArray({ limit: 1000 })
      console.log(
        JSON.stringify({ ...ticket, ...(options.raw ? { raw } : {}), comments: comments.map(({ raw: _raw, ...comment }) => comment) }, null, 2),
      )
    } finally {
      await adapter.close()
    }
  })

  const create = new Command('create')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .requiredOption('--subject <text>', 'subject')
    .option('--description <text>', 'description (default: the subject, as some vendors require one)')
    .option('--priority <level>', priorityLevels.join(', '), (value) => parseChoice(value, priorityLevels, 'priority'))
  create
    .description('Create a ticket.')
    .addHelpText(
      'after',
      commandHelp({ examples: ['tickets create --vendor autotask --subject "Printer offline" --priority high'], vendors: allVendors() }),
    )
  addConnectionOptions(create).action(
    async (options: ConnectionOptions & { vendor: string; subject: string; description?: string; priority?: PriorityLevel }) => {
      const adapter = await connect(options.vendor, options)
      try {
        const { record, warnings } = await adapter.tickets.create({
          subject: options.subject,
          description: { text: options.description ?? options.subject },
          ...(options.priority ? { priority: { level: options.priority } } : {}),
        })
        console.log(`Created ticket ${record.id} in ${adapter.vendor}.`)
        for (const warning of warnings) console.log(`  warning: ${warning.message}`)
      } finally {
        await adapter.close()
      }
    },
  )

  const comment = new Command('comment')
    .argument('<id>', 'ticket id')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .requiredOption('--text <text>', 'the comment')
    .option('--internal', 'visible to agents only')
  comment
    .description('Add a comment to a ticket (public unless --internal).')
    .addHelpText('after', commandHelp({ examples: ['tickets comment 4812 --vendor halo --text "On my way" --internal'], vendors: allVendors() }))
  addConnectionOptions(comment).action(async (id: string, options: ConnectionOptions & { vendor: string; text: string; internal?: boolean }) => {
    const adapter = await connect(options.vendor, options)
    try {
      const { record, warnings } = await adapter.comments.create(id, {
        body: { text: options.text },
        visibility: options.internal ? 'internal' : 'public',
      })
      console.log(`Added ${record.visibility} comment ${record.id} to ticket ${id}.`)
      for (const warning of warnings) console.log(`  warning: ${warning.message}`)
    } finally {
      await adapter.close()
    }
  })

  return tickets
    .addCommand(list)
    .addCommand(get)
    .addCommand(create)
    .addCommand(comment)
    .addCommand(createTicketUpdateCommand())
    .addCommand(createTicketCloseCommand())
    .addCommand(createTicketAttachmentsCommand())
}
