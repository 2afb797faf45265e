import { describe, expect, it } from 'vitest'
import { startHaloTestSession } from './halo-test-session'

type Row = Record<string, unknown> & { id: number | string }

describe('Halo simulator: configuration lookups (bare arrays)', () => {
  it('answers statuses, outcomes, agents, teams, categories, SLAs and priorities as bare arrays', async () => {
    const { json } = await startHaloTestSession()
    for (const path of [
      '/Status',
      '/Outcome',
      '/Agent',
      '/Team',
      '/Category',
      '/SLA',
      '/Priority',
      '/TicketType',
      '/FieldInfo',
      '/Lookup?lookupid=1000',
      '/TicketTypeField',
    ]) {
      const rows = await json<Row[]>(path)
      expect(Array.isArray(rows), path).toBe(true)
      expect(rows.length, path).toBeGreaterThan(0)
    }
    const statuses = await json<Row[]>('/Status')
    expect(statuses.find((status) => status.id === 9)).toMatchObject({ name: 'Closed', type: 1 })
    expect(statuses.find((status) => status.id === 4)).toMatchObject({ type: 2, slaaction: 'H' })
    expect((await json<Row[]>('/Status?excludeclosed=true')).every((status) => status.type !== 1)).toBe(true)
  })

  it('describes ticket types with their field rules only with includedetails', async () => {
    const { json } = await startHaloTestSession()
    const types = await json<Row[]>('/TicketType')
    expect(types.map((type) => type.name)).toEqual(['Incident', 'Service Request', 'Problem', 'Change Request', 'Project'])
    expect(types[0]).not.toHaveProperty('fields')
    expect((await json<Row[]>('/TicketType?showinactive=true')).map((type) => type.name)).toContain('Legacy Fault')
    const incident = await json<Row & { fields: Row[] }>('/TicketType/1?includedetails=true')
    const details = incident.fields.find((field) => field.fieldname === 'details')
    expect(details).toMatchObject({ technew: 2, fieldinfo: expect.objectContaining({ mandatory: true, label: 'Details' }) })
    const severity = incident.fields.find((field) => field.fieldname === 'CFSeverity')
    expect(severity).toMatchObject({
      technew: 1,
      fieldinfo: expect.objectContaining({
        custom: 1,
        values: [
          { id: 1, name: 'Minor' },
          { id: 2, name: 'Moderate' },
          { id: 3, name: 'Major' },
        ],
      }),
    })
    expect(incident.hasmandatorytechfields).toBe(true)
  })

  it('scopes priorities per SLA with UUID ids, and lists an SLA’s priorities', async () => {
    const { json } = await startHaloTestSession()
    const gold = await json<Row[]>('/Priority?slaid=2')
    expect(gold).toHaveLength(4)
    expect(gold.every((policy) => policy.slaid === 2 && /^[0-9a-f-]{36}$/.test(String(policy.id)))).toBe(true)
    const one = await json<Row>(`/Priority/${String(gold[0]!.id)}`)
    expect(one).toMatchObject({ priorityid: 1, name: 'Critical', slaid: 2 })
    const sla = await json<Row & { priorities: Row[] }>('/SLA/1')
    expect(sla.priorities.map((policy) => policy.priorityid)).toEqual([1, 2, 3, 4])
  })

  it('lists custom field definitions by record type, with choices on request', async () => {
    const { json } = await startHaloTestSession()
    const ticketFields = await json<Row[]>('/FieldInfo?typeid=1&iscustomfieldsetup=true&includevalues=true')
    expect(ticketFields.map((field) => field.name)).toEqual(['CFAssetTag', 'CFSeverity', 'CFExternalReference', 'CFChangeWindow'])
    expect(ticketFields.find((field) => field.name === 'CFSeverity')?.values).toHaveLength(3)
    expect((await json<Row[]>('/FieldInfo?typeid=2')).map((field) => field.name)).toEqual(['CFAccountCode'])
  })

  it('hides disabled and API agents unless asked, and answers Agent/me', async () => {
    const { json } = await startHaloTestSession()
    const agents = await json<Row[]>('/Agent')
    expect(agents.map((agent) => agent.name)).toEqual(['Morgan Admin', 'Sam Agent', 'Alex Engineer', 'Robin Reader'])
    expect((await json<Row[]>('/Agent?includedisabled=true&includeapiagents=true')).length).toBe(6)
    expect((await json<Row[]>('/Agent?team=Infrastructure')).map((agent) => agent.name)).toEqual(['Alex Engineer'])
    expect(await json<Row>('/Agent/me')).toMatchObject({ id: 5, isapiagent: true })
    const team = await json<Row & { agents: Row[] }>('/Team/1?includeagents=true')
    expect(team.agents.map((agent) => agent.name)).toContain('Sam Agent')
  })

  it('needs the admin scope to change configuration', async () => {
    const { json, api } = await startHaloTestSession()
    const created = await json<Row>('/Status', { method: 'POST', json: [{ name: 'Awaiting Parts', type: 2, slaaction: 'H' }] })
    expect(created.id).toBe(19)
    expect((await api(`/Status/${created.id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await api(`/Status/${created.id}`)).status).toBe(404)
  })
})

describe('Halo simulator: directory (wrapped, paged lists)', () => {
  it('lists users as { record_count, users } with site_id as a double and filters by client', async () => {
    const { api, json } = await startHaloTestSession()
    const raw = await (await api('/Users?pageinate=true&page_size=2&page_no=1')).text()
    expect(raw).toContain('"site_id":1.0')
    const page = JSON.parse(raw) as { record_count: number; users: Row[]; page_size: number }
    expect(page.record_count).toBe(4)
    expect(page.users).toHaveLength(2)
    expect(page.users[0]).toMatchObject({ site_id_int: 1, site_name: 'Head Office', client_name: 'Contoso Ltd' })
    const fabrikam = await json<{ users: Row[] }>('/Users?client_id=2&includeinactive=true')
    expect(fabrikam.users.map((user) => user.name)).toEqual(['Priya Patel', 'Lee Chen'])
    const email = encodeURIComponent(
      JSON.stringify([{ filter_name: 'emailaddress', filter_type: 2, filter_value: 'PRIYA.PATEL@fabrikam.example.com' }]),
    )
    expect((await json<{ users: Row[] }>(`/Users?advanced_search=${email}`)).users.map((user) => user.id)).toEqual([3])
  })

  it("answers Users/me with the end user linked to the token's agent, and 404 while there is none", async () => {
    const { api, json } = await startHaloTestSession()
    const before = await api('/Users/me')
    expect(before.status).toBe(404)
    const me = await json<Row>('/Agent/me')
    const client = await json<Row>('/Client', { method: 'POST', json: [{ name: 'Integration' }] })
    const site = await json<Row>('/Site', { method: 'POST', json: [{ name: 'Main', client_id: client.id }] })
    const linked = await json<Row>('/Users', { method: 'POST', json: [{ name: 'Integration User', site_id: site.id, linked_agent_id: me.id }] })
    expect(await json<Row>('/Users/me')).toMatchObject({ id: linked.id, name: 'Integration User', linked_agent_id: me.id })
  })

  it('creates users (site required), clients and sites by upsert', async () => {
    const { api, json } = await startHaloTestSession()
    const noSite = await api('/Users', { method: 'POST', json: [{ name: 'Casey Nosite', emailaddress: 'casey@example.com' }] })
    expect(noSite.status).toBe(400)
    const client = await json<Row>('/Client', { method: 'POST', json: [{ name: 'Litware' }] })
    const site = await json<Row>('/Site', { method: 'POST', json: [{ name: 'Main', client_id: client.id }] })
    const user = await json<Row>('/Users', {
      method: 'POST',
      json: [{ firstname: 'Casey', surname: 'Jones', emailaddress: 'casey@litware.example.com', site_id: site.id }],
    })
    expect(user).toMatchObject({ name: 'Casey Jones', client_name: 'Litware', site_name: 'Main' })
    const clients = await json<{ clients: Row[] }>('/Client?search=litware')
    expect(clients.clients.map((row) => row.id)).toEqual([client.id])
    const sites = await json<{ sites: Row[] }>(`/Site?client_id=${client.id}`)
    expect(sites.sites[0]).toMatchObject({ clientsite_name: 'Litware/Main' })
  })

  it('lists assets and KB articles in their wrappers', async () => {
    const { json } = await startHaloTestSession()
    const assets = await json<{ record_count: number; assets: Row[] }>('/Asset?client_id=1')
    expect(assets.assets.map((asset) => asset.inventory_number)).toEqual(['LT-0042', 'PR-0007'])
    const articles = await json<{ record_count: number; articles: Row[] }>('/KBArticle?search=vpn')
    expect(articles.articles.map((article) => article.name)).toEqual(['Connecting to the VPN'])
    const all = await json<{ record_count: number }>('/KBArticle?includeinactive=true')
    expect(all.record_count).toBe(4)
  })
})
