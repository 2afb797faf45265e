import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildHaloResponseMap, countHaloResponses, type HaloResponseDocument } from './build-halo-response-map'
import { buildHaloSpecIndex, type OpenApiDocument } from './build-halo-spec-index'
import { renderHaloQueryParameters } from './render-halo-query-parameters'
import { renderHaloResponseTypes } from './render-halo-response-types'

const specUrl = new URL('../../../../../shared/vendor-specs/halo/swagger.json', import.meta.url)
const specText = readFileSync(specUrl, 'utf8')
const map = buildHaloResponseMap(JSON.parse(specText) as HaloResponseDocument)

describe('buildHaloResponseMap', () => {
  it('takes a collection’s schema from its POST body: one record, the upsert’s answer, and the list', () => {
    expect(map['/Tickets/{id}']).toEqual({ get: { shape: { kind: 'record', schema: 'Faults' }, source: 'post-body' }, delete: {} })
    expect(map['/Tickets']!.post).toEqual({ shape: { kind: 'upserted', schema: 'Faults' }, source: 'post-body' })
    expect(map['/Client/{id}']!.get!.shape).toEqual({ kind: 'record', schema: 'Area' })
    expect(map['/Agent/{id}']!.get!.shape).toEqual({ kind: 'record', schema: 'Uname' })
    // An unpaged list is a bare array (halo.md §3.2).
    expect(map['/Agent']!.get).toEqual({ shape: { kind: 'records', schema: 'Uname' }, source: 'post-body' })
    expect(map['/Priority']!.get!.shape).toEqual({ kind: 'records', schema: 'Policy' })
  })

  it('takes the list wrappers, the spec’s Attachment_View and the me paths from practice', () => {
    expect(map['/Tickets']!.get).toEqual({
      shape: { kind: 'wrapped', schema: 'Faults', key: 'tickets', extraFields: { include_children: 'boolean' } },
      source: 'by-hand',
    })
    expect(map['/Actions']!.get!.shape).toEqual({ kind: 'wrapped', schema: 'Actions', key: 'actions' })
    expect(map['/Users']!.get!.shape).toEqual({ kind: 'wrapped', schema: 'Users', key: 'users' })
    expect(map['/Attachment']!.get!.shape).toEqual({ kind: 'record', schema: 'Attachment_View' })
    expect(map['/Agent/me']!.get).toEqual({ shape: { kind: 'record', schema: 'Uname' }, source: 'by-hand' })
  })

  it('reads a GET’s summary where no POST names the schema, except where the summary is known wrong', () => {
    expect(map['/TicketTypeField']!.get).toEqual({ shape: { kind: 'records', schema: 'RequestTypeField' }, source: 'summary' })
    expect(map['/AgentImage/{id}']!.get).toEqual({})
  })

  it('leaves unknown what nothing says: deletes, other POSTs, paged lists without a known key, paths without a schema', () => {
    expect(map['/Actions/{id}']!.delete).toEqual({})
    expect(map['/Actions/Review']!.post).toEqual({})
    expect(map['/Report']!.get).toEqual({ note: 'a paged list: Halo wraps it, under a key no source names' })
    expect(map['/InstanceInfo']!.get).toEqual({})
    expect(countHaloResponses(map)).toEqual({ typed: 602, unknown: 614 })
  })
})

describe('the generated files', () => {
  it('are what the generator writes from the spec we hold (run `pnpm --filter @ticketbridge/halo generate` when this fails)', () => {
    const responses = readFileSync(new URL('../generated/halo-responses.ts', import.meta.url), 'utf8')
    expect(responses).toBe(renderHaloResponseTypes(map, '../../../shared/vendor-specs/halo/swagger.json'))
    const index = buildHaloSpecIndex(JSON.parse(specText) as OpenApiDocument, { path: 'shared/vendor-specs/halo/swagger.json', sha256: 'unused' })
    const queries = JSON.parse(readFileSync(new URL('./halo-query-parameters.generated.json', import.meta.url), 'utf8')) as { paths: unknown }
    expect(queries.paths).toEqual((JSON.parse(renderHaloQueryParameters(index)) as { paths: unknown }).paths)
  })
})
