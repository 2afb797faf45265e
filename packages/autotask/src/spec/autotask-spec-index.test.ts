import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { autotaskEntityModel, autotaskSpecIndex, matchAutotaskPath, splitAutotaskTarget } from './autotask-spec-index'

const swaggerFile = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/vendor-specs/autotask/autotask-rest-v1.swagger.json')

describe('autotaskSpecIndex', () => {
  it('was generated from the vendor document we hold (rerun the generator when it changes)', () => {
    const sha256 = createHash('sha256').update(readFileSync(swaggerFile)).digest('hex')
    expect(autotaskSpecIndex.source.sha256).toBe(sha256)
    expect(autotaskSpecIndex.source).toMatchObject({ pathCount: 2012, operationCount: 2932 })
    expect(Object.values(autotaskSpecIndex.paths).filter((path) => path.source !== 'peer' && !path.added2026)).toHaveLength(2012)
    expect(autotaskSpecIndex.basePath).toBe('/ATServicesRest')
  })

  it('classifies routes and resolves child routes to their entity and parent', () => {
    expect(autotaskSpecIndex.paths['/V1.0/Tickets/{parentId}/Notes']).toMatchObject({
      kind: 'childCollection',
      entity: 'TicketNotes',
      parent: 'Tickets',
    })
    expect(autotaskSpecIndex.paths['/V1.0/Companies/{parentId}/Contacts/{id}']).toMatchObject({
      kind: 'childItem',
      entity: 'Contacts',
      parent: 'Companies',
    })
    expect(autotaskSpecIndex.paths['/V1.0/TicketNotes/{parentId}/Attachments']).toMatchObject({ entity: 'TicketNoteAttachments' })
    expect(autotaskSpecIndex.paths['/V1.0/Tickets/query/next']).toMatchObject({ kind: 'next', source: 'peer' })
    expect(autotaskSpecIndex.paths['/V1.0/Tickets']!.methods).toEqual({
      put: { body: 'TicketModel' },
      post: { body: 'TicketModel' },
      patch: { body: 'TicketModel' },
    })
    expect(autotaskEntityModel('Tickets')!.properties).toMatchObject({
      id: 'long',
      title: 'string',
      status: 'integer',
      dueDateTime: 'datetime',
      userDefinedFields: 'array',
    })
  })

  it('records the 2026 additions it considered; none concerns the ticketing entities', () => {
    expect(autotaskSpecIndex.additions2026.considered).toBe(77)
    expect(autotaskSpecIndex.additions2026.included).toEqual([])
    expect(autotaskSpecIndex.additions2026.excluded).toContain('GET /V1.0/Companies/{id}/invoiceSettings')
  })
})

describe('matchAutotaskPath', () => {
  it('prefers literal segments and names parameters after the matched template', () => {
    expect(matchAutotaskPath('/V1.0/Tickets/query')?.template).toBe('/V1.0/Tickets/query')
    expect(matchAutotaskPath('/V1.0/Tickets/42')).toMatchObject({ template: '/V1.0/Tickets/{id}', parameters: { id: '42' } })
    expect(matchAutotaskPath('/V1.0/Tickets/42/Attachments/7')).toMatchObject({
      template: '/V1.0/Tickets/{parentId}/Attachments/{id}',
      parameters: { parentId: '42', id: '7' },
    })
    expect(matchAutotaskPath('/v1.0/tickets/42/notes')).toMatchObject({ template: '/V1.0/Tickets/{parentId}/Notes', casingDiffers: true })
    expect(matchAutotaskPath('/V1.0/Tickets/42/Nope')).toBeUndefined()
  })

  it('splits absolute URLs and base-path URLs alike', () => {
    expect(splitAutotaskTarget('https://webservices14.autotask.net/ATServicesRest/V1.0/Tickets/query?search=x')).toMatchObject({
      path: '/V1.0/Tickets/query',
      basePathSpelling: '/ATServicesRest',
    })
    expect(splitAutotaskTarget('/V1.0/Tickets/').path).toBe('/V1.0/Tickets')
  })
})
