import { describe, expect, it } from 'vitest'
import { startHaloTestSession } from './halo-test-session'

describe('Halo simulator: spec enforcement', () => {
  it('rejects a misspelled query parameter in strict mode, naming it and the spec spelling', async () => {
    const { api, simulator } = await startHaloTestSession()
    await simulator.seedTickets(3, 'SPEC')
    const response = await api('/Tickets?pageinate=true&page_sise=1')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { Message: string; simulator_spec_violations: unknown[] }
    expect(body.Message).toContain("'page_sise'")
    expect(body.Message).toContain("'page_size'")
    expect(simulator.specViolations).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/Tickets',
        query: ['pageinate', 'page_sise'],
        violations: [expect.objectContaining({ name: 'page_sise' })],
      }),
    ])
  })

  it('answers like Halo when strict mode is off: the unknown filter is ignored, and still recorded', async () => {
    const { json, simulator } = await startHaloTestSession({ strictSpec: false })
    await simulator.seedTickets(3, 'LOOSE')
    // Halo silently ignores a misspelled filter and returns everything (halo.md §3.4).
    const list = await json<{ record_count: number; tickets: unknown[] }>('/Tickets?pageinate=true&page_sise=1&status_idd=9')
    expect(list.tickets).toHaveLength(3)
    expect(simulator.specViolations).toHaveLength(1)
    expect(simulator.specViolations[0]!.violations.map((violation) => violation.name)).toEqual(['page_sise', 'status_idd'])
  })

  it('rejects body keys the schema lacks and paths the spec lacks', async () => {
    const { api, simulator } = await startHaloTestSession()
    const body = await api('/Tickets', { method: 'POST', json: [{ summary: 'x', details: 'y', subject: 'not Halo' }] })
    expect(body.status).toBe(400)
    expect(await body.text()).toContain("'subject'")
    const path = await api('/Tickets/12/Attachments')
    expect(path.status).toBe(400)
    const put = await api('/Tickets/12', { method: 'PUT', json: [{ id: 12 }] })
    expect(put.status).toBe(400)
    expect(await put.text()).toContain('no PUT')
    expect(simulator.specViolations.map((record) => record.violations[0]!.kind)).toEqual(['unknown-body-property', 'unknown-path', 'unknown-method'])
    expect(simulator.state.tickets.size).toBe(0)
  })

  it('answers 404 for a spec path the simulator does not play, and for unknown paths when not strict', async () => {
    const strict = await startHaloTestSession()
    const unsimulated = await strict.api('/Invoice')
    expect(unsimulated.status).toBe(404)
    expect(await unsimulated.text()).toContain('No HTTP resource was found')
    expect(strict.simulator.specViolations).toEqual([])
    const loose = await startHaloTestSession({ strictSpec: false })
    expect((await loose.api('/Tickets/12/Attachments')).status).toBe(404)
  })
})
