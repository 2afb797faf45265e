import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildHaloSpecIndex, type OpenApiDocument, renderHaloSpecIndex } from './build-halo-spec-index'

const specUrl = new URL('../../../../../shared/vendor-specs/halo/swagger.json', import.meta.url)
const generatedUrl = new URL('./halo-spec-index.generated.json', import.meta.url)

describe('the generated Halo spec index', () => {
  it('is up to date with the spec (regenerate with scripts/generate-halo-spec-index.ts)', () => {
    const text = readFileSync(specUrl)
    const index = buildHaloSpecIndex(JSON.parse(text.toString('utf8')) as OpenApiDocument, {
      path: 'shared/vendor-specs/halo/swagger.json',
      sha256: createHash('sha256').update(text).digest('hex'),
    })
    expect(readFileSync(generatedUrl, 'utf8')).toBe(renderHaloSpecIndex(index))
    expect(Object.keys(index.paths)).toHaveLength(808)
    expect(index.notice).toContain('generate-halo-spec-index.ts')
  })

  it('resolves $ref bodies, array items, duplicates and path parameters', () => {
    const index = buildHaloSpecIndex(
      {
        openapi: '3.0.1',
        info: { title: 'T', version: 'v2' },
        servers: [{ url: '/api' }],
        paths: {
          '/Things/{id}': {
            get: {
              parameters: [
                { name: 'id', in: 'path', schema: { type: 'integer' } },
                { name: 'zeta', in: 'query' },
                { name: 'alpha', in: 'query' },
                { name: 'zeta', in: 'query' },
              ],
            },
          },
          '/Things': {
            post: { requestBody: { content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } } } },
          },
        },
        components: { schemas: { Thing: { type: 'object', properties: { name: { type: 'string' }, id: { type: 'integer' } } }, Unused: {} } },
      },
      { path: 'x.json', sha256: 'abc' },
    )
    expect(index.paths['/Things/{id}']).toEqual({ get: { path: { id: 'integer' }, query: ['alpha', 'zeta'] } })
    expect(index.paths['/Things']).toEqual({ post: { body: { type: 'array', schema: 'Thing', media: 'json' } } })
    expect(index.schemas).toEqual({ Thing: ['id', 'name'] })
    expect(Object.keys(index.paths)).toEqual(['/Things', '/Things/{id}'])
  })
})
