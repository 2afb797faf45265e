import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HaloAdapter, HaloClient } from '@ticketbridge/halo'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../output/exit-codes'
import { cli, runCli } from '../../test-support/run-cli'
import { startVendorSimulator } from '../../test-support/start-vendor-simulator'

/** `ticketbridge halo …` against the Halo simulator, with results read back through Halo's own API. */
describe('ticketbridge halo', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-halo-command-'))
  let halo: Awaited<ReturnType<typeof startVendorSimulator>>
  let client: HaloClient
  let ticketId: number
  const run = (...arguments_: string[]) => runCli(['halo', ...arguments_], { cwd: folder, env: halo.environment })

  beforeAll(async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    halo = await startVendorSimulator('halo', 2)
    client = (halo.adapter as HaloAdapter).client
    ticketId = (await client.tickets.list({}).toArray({ limit: 1 }))[0]!.id
  }, 60_000)

  afterAll(async () => {
    await halo?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('GETs a spec path with its parameters and prints what Halo answered', async () => {
    const result = await run('get', '/Tickets/{id}', '--param', `id=${ticketId}`, '--json')
    expect(result.code, result.output).toBe(exitCodes.success)
    const printed = JSON.parse(result.output) as { id: number; summary: string }
    const ticket = await client.tickets.get(ticketId)
    expect(printed).toMatchObject({ id: ticketId, summary: ticket.summary })

    const table = await run(
      'get',
      '/Tickets',
      '--query',
      'pageinate=true',
      '--query',
      'page_size=5',
      '--query',
      'page_no=1',
      '--fields',
      'id,summary',
    )
    expect(table.code, table.output).toBe(exitCodes.success)
    expect(table.output).toContain(String(ticketId))
    expect(table.output).toMatch(/\| id\s+\| summary/)
  })

  it('refuses what the spec does not have, naming the spec spelling, before sending anything', async () => {
    const query = await run('get', '/Tickets', '--query', 'page_sise=5')
    expect(query.code).toBe(exitCodes.configuration)
    expect(query.output).toContain("Did you mean 'page_size'?")
    expect(query.output).toContain('nothing was sent')
    const missing = await run('get', '/Tickets/{id}')
    expect(missing.code).toBe(exitCodes.configuration)
    expect(missing.output).toContain('needs --param id=<value>')
    expect((await run('get', '/Tikets')).output).toContain("no path in the Halo spec matches '/Tikets'")
  })

  it('POSTs a body checked against the spec, and DELETEs with --yes only', async () => {
    const renamed = await run('post', '/Tickets', '--data', JSON.stringify([{ id: ticketId, summary: 'Renamed from the shell' }]))
    expect(renamed.code, renamed.output).toBe(exitCodes.success)
    expect((await client.tickets.get(ticketId)).summary).toBe('Renamed from the shell')
    const typo = await run('post', '/Tickets', '--data', JSON.stringify([{ id: ticketId, sumary: 'x' }]))
    expect(typo.code).toBe(exitCodes.configuration)
    expect(typo.output).toContain("Did you mean 'summary'?")

    const saved = await client.attachments.upload({ ticket_id: ticketId, filename: 'old.txt', data: new TextEncoder().encode('old') })
    const unconfirmed = await run('delete', '/Attachment/{id}', '--param', `id=${saved.id}`)
    expect(unconfirmed.code).toBe(exitCodes.configuration)
    expect((await client.attachments.get(saved.id)).id).toBe(saved.id)
    const deleted = await run('delete', '/Attachment/{id}', '--param', `id=${saved.id}`, '--yes')
    expect(deleted.code, deleted.output).toBe(exitCodes.success)
    await expect(client.attachments.get(saved.id)).rejects.toThrow()
  })

  it("lists, uploads, downloads and deletes a ticket's attachments", async () => {
    const first = join(folder, 'vpn.log')
    const second = join(folder, 'screen.png')
    writeFileSync(first, 'VPN dropped at 09:14\n')
    writeFileSync(second, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]))
    const uploaded = await run('attachments', 'upload', String(ticketId), first, second)
    expect(uploaded.code, uploaded.output).toBe(exitCodes.success)
    const ids = [...uploaded.output.matchAll(/as attachment (\d+)/g)].map((match) => Number(match[1]))
    expect(ids).toHaveLength(2)
    expect(Buffer.from(await client.attachments.download(ids[1]!))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]))

    const listed = await run('attachments', 'list', String(ticketId), '--json')
    expect((JSON.parse(listed.output) as { id: number }[]).map((attachment) => attachment.id)).toEqual(expect.arrayContaining(ids))

    const downloaded = await run('attachments', 'download', String(ids[0]), '--output', join(folder, 'copy.log'))
    expect(downloaded.code, downloaded.output).toBe(exitCodes.success)
    expect(readFileSync(join(folder, 'copy.log'), 'utf8')).toBe('VPN dropped at 09:14\n')

    const deleted = await run('attachments', 'delete', String(ids[0]), '--yes')
    expect(deleted.code, deleted.output).toBe(exitCodes.success)
    expect((await client.attachments.list({ ticket_id: ticketId }).toArray({ limit: 100 })).map((attachment) => attachment.id)).not.toContain(ids[0])
  })
})
