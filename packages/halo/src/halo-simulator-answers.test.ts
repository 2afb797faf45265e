import { readFileSync } from 'node:fs'
import { releaseSharedRateLimiter } from '@ticketbridge/http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HaloClient } from './client/halo-client'
import type { HaloMethod } from './client/halo-openapi-types'
import { createHaloSimulator, type HaloServedSimulator } from './simulator/index'
import { buildHaloResponseMap, type HaloResponseDocument } from './spec/build-halo-response-map'
import { HaloAnswerChecker, type HaloAnswerIssue, type HaloAnswerSchema, type HaloToleratedField } from './spec/check-halo-answer'

const specUrl = new URL('../../../../shared/vendor-specs/halo/swagger.json', import.meta.url)
const document = JSON.parse(readFileSync(specUrl, 'utf8')) as HaloResponseDocument & {
  components: { schemas: Record<string, HaloAnswerSchema> }
}
const responses = buildHaloResponseMap(document)

/**
 * What the simulator answers beyond the spec and keeps for now. The spec's list rows of files
 * (`Attachment_List`, in `GET /Attachment` and an action's `attachment_list`) have no ticket,
 * action or content type, only `faultid`; the simulator sends its stored records, and the
 * adapter ties a listed file to its comment by `action_id`. Following the spec here breaks the
 * adapter's files-on-comments cases, so it waits for a check on a live instance (and, if Halo
 * does leave `action_id` out, an adapter that takes the comment from the actions instead).
 */
const simulatorDepartures: HaloToleratedField[] = ['ticket_id', 'action_id', 'content_type'].map((field) => ({
  schema: 'Attachment_List',
  field,
  reason: 'the simulator lists stored attachment records; see above',
}))
const checker = new HaloAnswerChecker(document.components.schemas, simulatorDepartures)

/** The issues of one answer against the shape its operation is typed with. */
function issuesOf(method: HaloMethod, template: string, answer: unknown): HaloAnswerIssue[] {
  const shape = responses[template]?.[method]?.shape
  if (shape === undefined) throw new Error(`${method.toUpperCase()} ${template} has no typed answer to check against`)
  return checker.check(shape, answer)
}

describe('the simulator answers as the Halo spec’s schemas say (the shapes the client’s raw calls are typed with)', () => {
  const simulator = createHaloSimulator({ seed: 12, rateLimit: false })
  const limiterKey = 'halo:simulator-answers'
  let served: HaloServedSimulator
  let client: HaloClient

  beforeAll(async () => {
    served = await simulator.serve({ record: false })
    const { credentials } = simulator
    client = new HaloClient({
      resourceUrl: served.resourceUrl,
      authUrl: served.authUrl,
      ...(credentials.tenant !== undefined ? { tenant: credentials.tenant } : {}),
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      rateLimit: { requests: 100_000, key: limiterKey },
    })
  })
  afterAll(async () => {
    releaseSharedRateLimiter(limiterKey)
    await served.close()
  })

  it('tickets: a page of the list, one with its details, and a created one', async () => {
    const page = await client.get('/Tickets', { query: { pageinate: true, page_size: 20, page_no: 1 } })
    expect(issuesOf('get', '/Tickets', page)).toEqual([])
    const [first] = page.tickets ?? []
    expect(first?.id).toBeTypeOf('number')
    const ticket = await client.get('/Tickets/{id}', { params: { id: first!.id! }, query: { includedetails: true } })
    expect(issuesOf('get', '/Tickets/{id}', ticket)).toEqual([])
    const created = await client.post('/Tickets', [{ summary: 'Printer offline', details: 'Since this morning.', tickettype_id: 1 }])
    expect(issuesOf('post', '/Tickets', created)).toEqual([])
  })

  it('actions: a ticket’s list, one action, and a new note with a file', async () => {
    const ticketId = (await client.get('/Tickets', { query: { pageinate: true, page_size: 1, page_no: 1 } })).tickets![0]!.id!
    const created = await client.post('/Actions', [
      {
        ticket_id: ticketId,
        outcome_id: 7,
        note: 'Checked the cable.',
        hiddenfromuser: true,
        attachments: [{ filename: 'cable.txt', data: Buffer.from('cable').toString('base64') }],
      },
    ])
    expect(issuesOf('post', '/Actions', created)).toEqual([])
    const list = await client.get('/Actions', { query: { ticket_id: ticketId, includehtmlnote: true, includeattachments: true } })
    expect(issuesOf('get', '/Actions', list)).toEqual([])
    const actionId = (list.actions ?? []).at(-1)!.id!
    const action = await client.get('/Actions/{id}', { params: { id: actionId }, query: { ticket_id: ticketId, includedetails: true } })
    expect(issuesOf('get', '/Actions/{id}', action)).toEqual([])
  })

  it('attachments: an upload, a ticket’s list and one attachment’s details', async () => {
    const ticketId = (await client.get('/Tickets', { query: { pageinate: true, page_size: 1, page_no: 1 } })).tickets![0]!.id!
    const uploaded = await client.post('/Attachment', [{ ticket_id: ticketId, filename: 'notes.txt', data: Buffer.from('hello').toString('base64') }])
    expect(issuesOf('post', '/Attachment', uploaded)).toEqual([])
    const list = await client.get('/Attachment', { query: { ticket_id: ticketId } })
    expect(issuesOf('get', '/Attachment', list)).toEqual([])
    const attachmentId = list.attachments![0]!.id!
    const details = await client.get('/Attachment/{id}', { params: { id: attachmentId }, query: { includedetails: true } })
    expect(issuesOf('get', '/Attachment/{id}', details)).toEqual([])
  })

  it('users, clients, sites, assets, articles, projects and agents: lists, single records and `me`', async () => {
    const users = await client.get('/Users', { query: { pageinate: true, page_size: 50, page_no: 1 } })
    expect(issuesOf('get', '/Users', users)).toEqual([])
    const user = await client.get('/Users/{id}', { params: { id: users.users![0]!.id! }, query: { includedetails: true } })
    expect(issuesOf('get', '/Users/{id}', user)).toEqual([])
    const clients = await client.get('/Client', { query: { pageinate: true, page_size: 50, page_no: 1 } })
    expect(issuesOf('get', '/Client', clients)).toEqual([])
    const customer = await client.get('/Client/{id}', { params: { id: clients.clients![0]!.id! }, query: { includedetails: true } })
    expect(issuesOf('get', '/Client/{id}', customer)).toEqual([])
    const sites = await client.get('/Site', { query: { pageinate: true, page_size: 50, page_no: 1 } })
    expect(issuesOf('get', '/Site', sites)).toEqual([])
    for (const template of ['/Asset', '/KBArticle', '/Projects'] as const) {
      const page = await client.get(template, { query: { pageinate: true, page_size: 50, page_no: 1 } })
      expect({ template, issues: issuesOf('get', template, page) }).toEqual({ template, issues: [] })
    }
    const agents = await client.get('/Agent')
    expect(issuesOf('get', '/Agent', agents)).toEqual([])
    expect(issuesOf('get', '/Agent/me', await client.get('/Agent/me'))).toEqual([])
  })

  it('ticket configuration: types, statuses, priorities, outcomes, teams, SLAs, categories, fields and lookups', async () => {
    for (const template of ['/TicketType', '/Status', '/Priority', '/Outcome', '/Team', '/SLA', '/Category', '/FieldInfo', '/Lookup'] as const) {
      expect({ template, issues: issuesOf('get', template, await client.get(template)) }).toEqual({ template, issues: [] })
    }
    const ticketType = await client.get('/TicketType/{id}', { params: { id: 1 }, query: { includedetails: true } })
    expect(issuesOf('get', '/TicketType/{id}', ticketType)).toEqual([])
  })
})
