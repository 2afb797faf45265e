import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HaloAdapter, HaloClient } from '@ticketbridge/halo'
import type { RtAdapter, RtClient } from '@ticketbridge/rt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../output/exit-codes'
import { cli, runCli } from '../../test-support/run-cli'
import { startVendorSimulator } from '../../test-support/start-vendor-simulator'

/**
 * The neutral writes of `ticketbridge tickets` (update, close, attachments, create without a
 * description) and `lookups --json`, on Halo and RT, each checked through the vendor's own API.
 */
describe('ticketbridge tickets update|close|attachments', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-tickets-write-'))
  let halo: Awaited<ReturnType<typeof startVendorSimulator>>
  let rt: Awaited<ReturnType<typeof startVendorSimulator>>
  let haloClient: HaloClient
  let rtClient: RtClient
  let environment: Record<string, string>
  const run = (...arguments_: string[]) => runCli(arguments_, { cwd: folder, env: environment })

  beforeAll(async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    ;[halo, rt] = await Promise.all([startVendorSimulator('halo', 2), startVendorSimulator('rt', 2)])
    // Each environment blanks the other vendor's variables: keep each one's own values.
    environment = { ...halo.environment }
    for (const [name, value] of Object.entries(rt.environment)) if (value !== '') environment[name] = value
    haloClient = (halo.adapter as HaloAdapter).client
    rtClient = (rt.adapter as RtAdapter).client
  }, 60_000)

  afterAll(async () => {
    await Promise.all([halo?.close(), rt?.close()])
    rmSync(folder, { recursive: true, force: true })
  })

  it('creates a ticket without --description', async () => {
    for (const vendor of ['halo', 'rt']) {
      const result = await run('tickets', 'create', '--vendor', vendor, '--subject', 'Only a subject')
      expect(result.code, result.output).toBe(exitCodes.success)
      expect(result.output).toMatch(new RegExp(`Created ticket \\S+ in ${vendor}`))
    }
  })

  it('updates status, priority and subject by category, level and name', async () => {
    const { record } = await halo.adapter.tickets.create({ subject: 'Printer jam', description: { text: 'Tray 2' } })
    const statuses = await halo.adapter.lookups.statuses()
    const pending = statuses.find((status) => status.category === 'pending')!
    const result = await run(
      'tickets',
      'update',
      record.id,
      '--vendor',
      'halo',
      '--status',
      'pending',
      '--priority',
      'high',
      '--subject',
      'Printer jam (floor 2)',
    )
    expect(result.code, result.output).toBe(exitCodes.success)
    const stored = await haloClient.tickets.get(Number(record.id))
    expect(stored.summary).toBe('Printer jam (floor 2)')
    expect(statuses.filter((status) => status.category === 'pending').map((status) => status.id)).toContain(String(stored.status_id))
    expect(result.output).toContain(`(pending)`)

    const byName = await run('tickets', 'update', record.id, '--vendor', 'halo', '--status', pending.name)
    expect(byName.code, byName.output).toBe(exitCodes.success)
    expect(String((await haloClient.tickets.get(Number(record.id))).status_id)).toBe(pending.id)

    const { id } = await rtClient.rest2.createTicket({ Queue: 'General', Subject: 'Slow VPN' })
    const onRt = await run('tickets', 'update', id, '--vendor', 'rt', '--status', 'stalled', '--assignee', 'root')
    expect(onRt.code, onRt.output).toBe(exitCodes.success)
    const { record: rtTicket } = await rtClient.rest2.getTicket(id)
    expect(rtTicket.Status).toBe('stalled')
    expect(rtTicket.Owner?.id).toBe('root')

    const nothing = await run('tickets', 'update', id, '--vendor', 'rt')
    expect(nothing.code).toBe(exitCodes.configuration)
    expect(nothing.output).toContain('Nothing to change')
  })

  it('closes with a last comment: Closed on Halo, resolved (not rejected) on RT', async () => {
    const { record } = await halo.adapter.tickets.create({ subject: 'Toner', description: { text: 'Empty' } })
    const closed = await run('tickets', 'close', record.id, '--vendor', 'halo', '--comment', 'Replaced the toner.')
    expect(closed.code, closed.output).toBe(exitCodes.success)
    const statuses = await halo.adapter.lookups.statuses()
    const stored = await haloClient.tickets.get(Number(record.id))
    expect(statuses.find((status) => status.id === String(stored.status_id))?.category).toBe('closed')
    const notes = await haloClient.actions.list({ ticket_id: Number(record.id) }).toArray({ limit: 100 })
    expect(notes.map((action) => action.note ?? '').join(' ')).toContain('Replaced the toner.')

    const { id } = await rtClient.rest2.createTicket({ Queue: 'General', Subject: 'Password reset' })
    const onRt = await run('tickets', 'close', id, '--vendor', 'rt', '--comment', 'Done', '--internal')
    expect(onRt.code, onRt.output).toBe(exitCodes.success)
    expect((await rtClient.rest2.getTicket(id)).record.Status).toBe('resolved')
    const history = await rtClient.rest2.getTicketHistory(id, { fields: ['Type'], perPage: 100 })
    expect(history.items.map((item) => item.Type)).toContain('Comment')
  })

  it('uploads, lists and downloads files through the neutral interface', async () => {
    const { id } = await rtClient.rest2.createTicket({ Queue: 'General', Subject: 'Files' })
    const sources = mkdtempSync(join(folder, 'sources-'))
    writeFileSync(join(sources, 'report.csv'), 'a,b\n1,2\n')
    const uploaded = await run('tickets', 'attachments', 'upload', id, join(sources, 'report.csv'), '--vendor', 'rt')
    expect(uploaded.code, uploaded.output).toBe(exitCodes.success)
    const parts = await rtClient.rest2.getTicketAttachments(id, { fields: ['Filename'], perPage: 100 })
    const file = parts.items.find((part) => part.Filename === 'report.csv')!
    expect(Buffer.from(await rtClient.rest2.getAttachmentContent(file.id)).toString()).toBe('a,b\n1,2\n')

    const listed = await run('tickets', 'attachments', 'list', id, '--vendor', 'rt', '--json')
    expect((JSON.parse(listed.output) as { id: string; filename: string }[]).map((attachment) => attachment.filename)).toEqual(['report.csv'])
    const downloaded = await run('tickets', 'attachments', 'download', id, String(file.id), '--vendor', 'rt')
    expect(downloaded.code, downloaded.output).toBe(exitCodes.success)
    expect(readFileSync(join(folder, 'report.csv'), 'utf8')).toBe('a,b\n1,2\n')

    const haloTicket = (await halo.adapter.tickets.list().toArray({ limit: 1 }))[0]!
    const onHalo = await run('tickets', 'attachments', 'upload', haloTicket.id, join(sources, 'report.csv'), '--vendor', 'halo')
    expect(onHalo.code, onHalo.output).toBe(exitCodes.success)
    const haloFiles = await haloClient.attachments.list({ ticket_id: Number(haloTicket.id) }).toArray({ limit: 100 })
    expect(haloFiles.map((attachment) => attachment.filename)).toContain('report.csv')
  })

  it('prints the lookups as JSON', async () => {
    const result = await run('lookups', '--vendor', 'rt', '--json')
    expect(result.code, result.output).toBe(exitCodes.success)
    const lookups = JSON.parse(result.output) as Record<string, unknown[]>
    expect(lookups.statuses).toEqual(await rt.adapter.lookups.statuses())
    expect(Object.keys(lookups).sort()).toEqual(['customFields', 'priorities', 'queues', 'statuses', 'ticketTypes', 'vendor'])
  })
})
