import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RtAdapter, RtClient } from '@ticketbridge/rt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exitCodes } from '../../output/exit-codes'
import { cli, runCli } from '../../test-support/run-cli'
import { startVendorSimulator } from '../../test-support/start-vendor-simulator'

/** `ticketbridge rt …` against the RT simulator (REST2), with results read back through RT's own API. */
describe('ticketbridge rt', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketbridge-rt-command-'))
  let rt: Awaited<ReturnType<typeof startVendorSimulator>>
  let client: RtClient
  const run = (...arguments_: string[]) => runCli(['rt', ...arguments_], { cwd: folder, env: rt.environment })

  beforeAll(async () => {
    expect(existsSync(cli), `build the CLI first (pnpm build): ${cli}`).toBe(true)
    rt = await startVendorSimulator('rt', 3)
    client = (rt.adapter as RtAdapter).client
  }, 60_000)

  afterAll(async () => {
    await rt?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('searches with TicketSQL and prints the fields asked for', async () => {
    const { id } = await client.rest2.createTicket({ Queue: 'General', Subject: 'Shell search target', Status: 'open' })
    const result = await run('search', "Subject LIKE 'Shell search' AND Status = 'open'", '--fields', 'Subject,Status,Queue', '--json')
    expect(result.code, result.output).toBe(exitCodes.success)
    expect(JSON.parse(result.output)).toEqual([{ id, Subject: 'Shell search target', Status: 'open', Queue: 'General' }])

    const table = await run('search', 'id > 0', '--limit', '2')
    expect(table.code, table.output).toBe(exitCodes.success)
    expect(table.output).toMatch(/\| id\s+\| Subject\s+\| Status/)
    expect(table.output.match(/^\| \d+ /gm)).toHaveLength(2)

    const wrong = await run('search', "Stauts = 'open'")
    expect(wrong.code).toBe(exitCodes.failed)
    expect(wrong.output).toContain('Stauts')
  })

  it('shows a ticket as RT has it', async () => {
    const { id } = await client.rest2.createTicket({ Queue: 'General', Subject: 'Shown in full' })
    const result = await run('get', id, '--json')
    expect(result.code, result.output).toBe(exitCodes.success)
    const { record } = await client.rest2.getTicket(id)
    expect(JSON.parse(result.output)).toMatchObject({ id: record.id, Subject: 'Shown in full', Status: record.Status })
    const table = await run('get', id)
    expect(table.output).toMatch(/\| Queue\s+\| General/)
  })

  it('uploads files as a comment, lists them and downloads their exact bytes', async () => {
    const { id } = await client.rest2.createTicket({ Queue: 'General', Subject: 'Files from the shell' })
    // The files come from elsewhere: the download lands in the current folder under the attachment's name.
    const sources = mkdtempSync(join(folder, 'sources-'))
    const text = join(sources, 'invoice.txt')
    const binary = join(sources, 'photo.jpg')
    writeFileSync(text, 'Invoice 2026-118\n')
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2, 0xd9]))
    const uploaded = await run('attachments', 'upload', id, text, binary, '--comment', 'Signed copies')
    expect(uploaded.code, uploaded.output).toBe(exitCodes.success)
    const transaction = /in transaction (\d+)/.exec(uploaded.output)?.[1]
    expect((await client.rest2.getTransaction(transaction!)).record.Type).toBe('Comment')

    const listed = await run('attachments', 'list', id, '--json')
    expect(listed.code, listed.output).toBe(exitCodes.success)
    const files = JSON.parse(listed.output) as { id: string; Filename: string }[]
    expect(files.map((file) => file.Filename).sort()).toEqual(['invoice.txt', 'photo.jpg'])

    const photo = files.find((file) => file.Filename === 'photo.jpg')!
    const downloaded = await run('attachments', 'download', photo.id)
    expect(downloaded.code, downloaded.output).toBe(exitCodes.success)
    expect(readFileSync(join(folder, 'photo.jpg'))).toEqual(Buffer.from(await client.rest2.getAttachmentContent(photo.id)))
    expect(readFileSync(join(folder, 'photo.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2, 0xd9]))
  })
})
