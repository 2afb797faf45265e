import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AutotaskAdapter, AutotaskClient } from '@ticketbridge/autotask'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../output/exit-codes'
import { cli, runCli } from '../../test-support/run-cli'
import { startVendorSimulator } from '../../test-support/start-vendor-simulator'

/**
 * `ticketbridge autotask …` run as a user would, against the Autotask simulator; every result is
 * read back through Autotask's own API (the native client), not through the CLI.
 */
describe('ticketbridge autotask', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-autotask-command-'))
  let autotask: Awaited<ReturnType<typeof startVendorSimulator>>
  let client: AutotaskClient
  const run = (...arguments_: string[]) => runCli(['autotask', ...arguments_], { cwd: folder, env: autotask.environment })

  beforeAll(async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    autotask = await startVendorSimulator('autotask', 3)
    client = (autotask.adapter as AutotaskAdapter).client
  }, 60_000)

  afterAll(async () => {
    await autotask?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('queries with ANDed filters and chosen fields', async () => {
    const result = await run('query', 'Companies', '--filter', 'isActive eq true', '--filter', 'id in 1,2,3', '--fields', 'id,companyName', '--json')
    expect(result.code, result.output).toBe(exitCodes.success)
    const printed = JSON.parse(result.output) as { id: number; companyName: string }[]
    const expected = await client.companies
      .queryAll({
        filter: [
          { op: 'eq', field: 'isActive', value: true },
          { op: 'in', field: 'id', value: [1, 2, 3] },
        ],
      })
      .toArray({ limit: 100 })
    expect(printed.map((company) => company.id).sort()).toEqual(expected.map((company) => company.id).sort())
    expect(printed.length).toBeGreaterThan(0)
    // Only the fields asked for (and the user-defined fields Autotask always adds) come back.
    expect(printed[0]).toHaveProperty('companyName')
    expect(printed[0]).not.toHaveProperty('phone')

    const table = await run('query', 'Tickets', '--max-records', '2', '--fields', 'id,title')
    expect(table.code, table.output).toBe(exitCodes.success)
    expect(table.output).toMatch(/\| id\s+\| title/)
  })

  it('refuses a filter it cannot read, naming the accepted form, before sending anything', async () => {
    const result = await run('query', 'Companies', '--filter', 'isActive = true')
    expect(result.code).toBe(exitCodes.configuration)
    expect(result.output).toContain('"=" is not an Autotask operator (did you mean eq?)')
    expect(result.output).toContain('"<field> <operator> [value]"')
    expect((await run('query', 'Companies', '--filter', 'isActive')).output).toContain('a condition needs a field and an operator')
  })

  it('creates, reads, updates and deletes records', async () => {
    const created = await run(
      'create',
      'Tickets',
      '--data',
      JSON.stringify({ companyID: 0, title: 'Printer jam', status: 1, priority: 2, queueID: 8 }),
      '--json',
    )
    expect(created.code, created.output).toBe(exitCodes.success)
    const { id } = JSON.parse(created.output) as { id: number }
    expect((await client.tickets.get(id)).title).toBe('Printer jam')

    const changes = join(folder, 'changes.json')
    writeFileSync(changes, JSON.stringify({ title: 'Printer jam (floor 2)' }))
    const updated = await run('update', 'tickets', String(id), '--file', changes)
    expect(updated.code, updated.output).toBe(exitCodes.success)
    expect((await client.tickets.get(id)).title).toBe('Printer jam (floor 2)')

    const shown = await run('get', 'Tickets', String(id), '--json')
    expect(JSON.parse(shown.output)).toMatchObject({ id, title: 'Printer jam (floor 2)' })

    const tagId = await client.create('Tags', { label: 'to-delete' } as never)
    const unconfirmed = await run('delete', 'Tags', String(tagId))
    expect(unconfirmed.code).toBe(exitCodes.configuration)
    expect(unconfirmed.output).toContain('--yes')
    expect((await client.entity('Tags').get(tagId)).id).toBe(tagId)
    const deleted = await run('delete', 'Tags', String(tagId), '--yes')
    expect(deleted.code, deleted.output).toBe(exitCodes.success)
    await expect(client.entity('Tags').get(tagId)).rejects.toThrow(/not/i)
  })

  it('runs batches item by item: a failing item is reported and the others are written', async () => {
    const items = join(folder, 'tags.json')
    writeFileSync(items, JSON.stringify([{ label: 'batch-a' }, 'not a record', { label: 'batch-b' }]))
    const created = await run('batch', 'create', 'Tags', '--file', items, '--json')
    expect(created.code, created.output).toBe(exitCodes.incomplete)
    const report = JSON.parse(created.output) as {
      succeeded: number
      failed: number
      items: { index: number; ok: boolean; id?: number; error?: string }[]
    }
    expect(report).toMatchObject({ succeeded: 2, failed: 1 })
    expect(report.items[1]).toMatchObject({ ok: false, error: 'not a JSON object' })
    const ids = report.items.filter((item) => item.ok).map((item) => item.id!)
    expect((await client.entity('Tags').queryIn('id', ids).toArray({ limit: 100 })).map((tag) => tag.label).sort()).toEqual(['batch-a', 'batch-b'])

    writeFileSync(items, JSON.stringify(ids.map((id) => ({ id, label: `renamed-${id}` }))))
    const updated = await run('batch', 'update', 'Tags', '--file', items)
    expect(updated.code, updated.output).toBe(exitCodes.success)
    expect((await client.entity('Tags').get(ids[0]!)).label).toBe(`renamed-${ids[0]}`)

    const deleted = await run('batch', 'delete', 'Tags', '--ids', ids.join(','), '--yes')
    expect(deleted.code, deleted.output).toBe(exitCodes.success)
    expect(deleted.output).toContain(`delete: 2 of 2 Tags succeeded`)
    expect(await client.entity('Tags').queryIn('id', ids).toArray({ limit: 100 })).toEqual([])
  })

  it('lists, uploads, downloads and deletes ticket attachments', async () => {
    const [ticket] = await client.tickets.queryAll().toArray({ limit: 1 })
    const file = join(folder, 'vpn.log')
    writeFileSync(file, 'VPN dropped at 09:14\n')
    const uploaded = await run('attachments', 'upload', String(ticket!.id), file, '--title', 'VPN log')
    expect(uploaded.code, uploaded.output).toBe(exitCodes.success)
    const attachmentId = Number(/as attachment (\d+)/.exec(uploaded.output)?.[1])
    const stored = await client.ticketAttachments.download(ticket!.id, attachmentId)
    expect(Buffer.from(stored.data).toString()).toBe('VPN dropped at 09:14\n')
    expect(stored.attachment.title).toBe('VPN log')

    const listed = await run('attachments', 'list', String(ticket!.id), '--json')
    expect((JSON.parse(listed.output) as { id: number }[]).map((attachment) => attachment.id)).toContain(attachmentId)

    const output = join(folder, 'downloaded.log')
    const downloaded = await run('attachments', 'download', String(ticket!.id), String(attachmentId), '--output', output)
    expect(downloaded.code, downloaded.output).toBe(exitCodes.success)
    expect(readFileSync(output, 'utf8')).toBe('VPN dropped at 09:14\n')

    const deleted = await run('attachments', 'delete', String(ticket!.id), String(attachmentId), '--yes')
    expect(deleted.code, deleted.output).toBe(exitCodes.success)
    expect((await client.ticketAttachments.list(ticket!.id).toArray({ limit: 100 })).map((attachment) => attachment.id)).not.toContain(attachmentId)
  })

  it('never prints the secret, even in a refusal', async () => {
    const refused = await runCli(['autotask', 'get', 'Tickets', '1'], {
      cwd: folder,
      env: { ...autotask.environment, AUTOTASK_SECRET: 'Wrong-Secret-123' },
    })
    expect(refused.code).toBe(exitCodes.failed)
    expect(refused.output).not.toContain('Wrong-Secret-123')
    expect(refused.output).not.toContain(autotask.simulator.settings.secret!)
  })
})
