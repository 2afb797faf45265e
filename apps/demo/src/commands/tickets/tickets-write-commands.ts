import { ConfigurationError, type Ticket, type TicketUpdateInput, type WriteResult } from '@ticketbridge/core'
import { Command } from 'commander'
import { listConnectors, vendorChoices } from '../../connectors/connectors'
import { renderTable } from '../../output/render-table'
import { closingStatus } from './closing-status'
import { commandHelp } from '../../output/command-help'
import { readUploadFile } from '../../input/read-upload-file'
import { addConnectionOptions, type ConnectionOptions, connect } from '../shared-options'
import { parsePersonSelector, parsePrioritySelector, parseStatusSelector } from './ticket-selectors'
import { writeDownloadedFile } from '../../output/write-downloaded-file'

type VendorOptions = ConnectionOptions & { vendor: string }

const allVendors = (): string[] => listConnectors().map((connector) => connector.vendor)

function printWarnings(result: { warnings: readonly { message: string }[] }): void {
  for (const warning of result.warnings) console.log(`  warning: ${warning.message}`)
}

function describeTicket(ticket: Ticket): string {
  return `status ${ticket.status.name} (${ticket.status.category}), priority ${ticket.priority.name ?? ticket.priority.level}${ticket.assignee ? `, assignee ${ticket.assignee.name ?? ticket.assignee.email ?? ticket.assignee.id}` : ''}`
}

/** `tickets update <id>`: the fields given change, the others stay. */
export function createTicketUpdateCommand(): Command {
  const command = new Command('update')
    .description('Change the subject, status, priority or assignee of a ticket on any vendor; fields left out stay as they are.')
    .argument('<id>', 'ticket id')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--subject <text>', 'the new subject')
    .option('--status <status>', "a category (new, open, pending, resolved, closed), the vendor's status name, or id:<id>", parseStatusSelector)
    .option('--priority <priority>', "a level (low, normal, high, urgent), the vendor's priority name, or id:<id>", parsePrioritySelector)
    .option('--assignee <person>', 'an agent by email, name, or id:<id>', parsePersonSelector)
    .addHelpText(
      'after',
      commandHelp({
        examples: [
          'tickets update 4812 --vendor halo --status pending --priority high',
          `tickets update 42 --vendor rt --status stalled --assignee alice@example.com`,
          'tickets update 7105 --vendor autotask --subject "Printer jam (floor 2)" --status "id:8"',
        ],
        vendors: allVendors(),
      }),
    )
  addConnectionOptions(command)
  return command.action(async (id: string, options: VendorOptions & Pick<TicketUpdateInput, 'subject' | 'status' | 'priority' | 'assignee'>) => {
    const changes: TicketUpdateInput = {
      ...(options.subject !== undefined ? { subject: options.subject } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(options.priority ? { priority: options.priority } : {}),
      ...(options.assignee ? { assignee: options.assignee } : {}),
    }
    if (Object.keys(changes).length === 0)
      throw new ConfigurationError('Nothing to change: give --subject, --status, --priority or --assignee.', { option: 'status' })
    const adapter = await connect(options.vendor, options)
    try {
      const result: WriteResult<Ticket> = await adapter.tickets.update(id, changes)
      console.log(`Updated ticket ${result.record.id} in ${adapter.vendor}: ${describeTicket(result.record)}.`)
      printWarnings(result)
    } finally {
      await adapter.close()
    }
  })
}

/** `tickets close <id>`: an optional last comment, then a status of the closed category. */
export function createTicketCloseCommand(): Command {
  const command = new Command('close')
    .description(
      "Close a ticket on any vendor (its closing status: closed, not rejected or deleted; RT's resolved), with a closing comment if given.",
    )
    .argument('<id>', 'ticket id')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--comment <text>', 'a comment added before closing')
    .option('--internal', 'make that comment visible to agents only')
    .option(
      '--status <status>',
      "a particular closing status: the vendor's name, id:<id> or a category (default: the vendor's closing status)",
      parseStatusSelector,
    )
    .addHelpText(
      'after',
      commandHelp({
        examples: [
          'tickets close 4812 --vendor halo --comment "Replaced the toner; printing again."',
          'tickets close 42 --vendor rt --status resolved',
        ],
        vendors: allVendors(),
      }),
    )
  addConnectionOptions(command)
  return command.action(
    async (id: string, options: VendorOptions & { comment?: string; internal?: boolean; status?: TicketUpdateInput['status'] }) => {
      const adapter = await connect(options.vendor, options)
      try {
        // The comment goes first: some vendors refuse comments on closed tickets.
        if (options.comment !== undefined) {
          const comment = await adapter.comments.create(id, { body: { text: options.comment }, visibility: options.internal ? 'internal' : 'public' })
          console.log(`Added ${comment.record.visibility} comment ${comment.record.id} to ticket ${id}.`)
          printWarnings(comment)
        }
        const closing = options.status ? undefined : closingStatus(await adapter.lookups.statuses())
        const result = await adapter.tickets.update(id, { status: options.status ?? (closing ? { id: closing.id } : { category: 'closed' }) })
        console.log(`Closed ticket ${result.record.id} in ${adapter.vendor}: status ${result.record.status.name} (${result.record.status.category}).`)
        printWarnings(result)
      } finally {
        await adapter.close()
      }
    },
  )
}

function attachmentsListCommand(): Command {
  const command = new Command('list')
    .description("List a ticket's files on any vendor.")
    .argument('<id>', 'ticket id')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', commandHelp({ examples: ['tickets attachments list 4812 --vendor halo'], vendors: allVendors() }))
  addConnectionOptions(command)
  return command.action(async (id: string, options: VendorOptions & { json?: boolean }) => {
    const adapter = await connect(options.vendor, options)
    try {
      const attachments = await adapter.attachments.list(id).toArray({ limit: 10_000 })
      console.log(
        options.json
          ? JSON.stringify(
              attachments.map(({ raw: _raw, ...attachment }) => attachment),
              null,
              2,
            )
          : renderTable(
              ['id', 'filename', 'type', 'bytes', 'comment', 'created'],
              attachments.map((file) => [file.id, file.filename, file.contentType, file.size, file.commentId ?? '', file.createdAt ?? '']),
            ),
      )
    } finally {
      await adapter.close()
    }
  })
}

function attachmentsUploadCommand(): Command {
  const command = new Command('upload')
    .description('Attach local files to a ticket on any vendor.')
    .argument('<id>', 'ticket id')
    .argument('<files...>', 'the files to attach')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--comment-id <id>', 'attach to this comment, where the vendor links files to comments')
    .addHelpText('after', commandHelp({ examples: ['tickets attachments upload 42 ./invoice.pdf ./photo.jpg --vendor rt'], vendors: allVendors() }))
  addConnectionOptions(command)
  return command.action(async (id: string, paths: string[], options: VendorOptions & { commentId?: string }) => {
    const files = await Promise.all(paths.map(readUploadFile))
    const adapter = await connect(options.vendor, options)
    try {
      for (const file of files) {
        const result = await adapter.attachments.upload(id, { ...file, ...(options.commentId ? { commentId: options.commentId } : {}) })
        console.log(`Attached ${file.filename} to ticket ${id} as ${result.record.id}.`)
        printWarnings(result)
      }
    } finally {
      await adapter.close()
    }
  })
}

function attachmentsDownloadCommand(): Command {
  const command = new Command('download')
    .description("Save one of a ticket's files on any vendor.")
    .argument('<id>', 'ticket id')
    .argument('<attachmentId>', 'the attachment id (see tickets attachments list)')
    .requiredOption('--vendor <vendor>', vendorChoices())
    .option('--output <file>', "where to write it (default: the attachment's file name in this folder)")
    .option('--force', 'overwrite an existing file')
    .addHelpText(
      'after',
      commandHelp({ examples: ['tickets attachments download 4812 9001 --vendor halo --output ./vpn.log'], vendors: allVendors() }),
    )
  addConnectionOptions(command)
  return command.action(async (id: string, attachmentId: string, options: VendorOptions & { output?: string; force?: boolean }) => {
    const adapter = await connect(options.vendor, options)
    try {
      // The listing names the file; with --output the name is not needed.
      const filename = options.output
        ? undefined
        : (await adapter.attachments.list(id).toArray({ limit: 10_000 })).find((file) => file.id === attachmentId)?.filename
      const data = await adapter.attachments.download({ id: attachmentId, ticketId: id })
      const path = await writeDownloadedFile(data, {
        ...options,
        ...(filename ? { filename } : {}),
        fallbackName: `${adapter.vendor}-attachment-${attachmentId.replace(/[^\w.-]/g, '_')}`,
      })
      console.log(`Saved attachment ${attachmentId} (${data.byteLength} bytes) to ${path}.`)
    } finally {
      await adapter.close()
    }
  })
}

/** `tickets attachments list|upload|download`: files through the neutral interface. */
export function createTicketAttachmentsCommand(): Command {
  return new Command('attachments')
    .description("A ticket's files on any vendor, through the neutral interface: list, upload, download.")
    .addHelpText('after', commandHelp({ examples: ['tickets attachments list 4812 --vendor halo'], vendors: allVendors() }))
    .addCommand(attachmentsListCommand())
    .addCommand(attachmentsUploadCommand())
    .addCommand(attachmentsDownloadCommand())
}
