/**
 * Writes src/spec/halo-spec-index.generated.json from Halo's OpenAPI spec, the file the
 * request check and the simulator's strict spec mode read, and its query parameter names alone
 * (src/spec/halo-query-parameters.generated.json), which the client checks its calls against
 * without carrying the whole index. Run from the repository root:
 *
 *   pnpm --filter @ticketbridge/halo exec node --import tsx scripts/generate-halo-spec-index.ts
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildHaloSpecIndex, type OpenApiDocument, renderHaloSpecIndex } from '../src/spec/build-halo-spec-index'
import { renderHaloQueryParameters } from '../src/spec/render-halo-query-parameters'

const specUrl = new URL('../../../../shared/vendor-specs/halo/swagger.json', import.meta.url)
const outputUrl = new URL('../src/spec/halo-spec-index.generated.json', import.meta.url)
const queryOutputUrl = new URL('../src/spec/halo-query-parameters.generated.json', import.meta.url)

const text = readFileSync(specUrl)
const document = JSON.parse(text.toString('utf8')) as OpenApiDocument
const index = buildHaloSpecIndex(document, {
  path: 'shared/vendor-specs/halo/swagger.json',
  sha256: createHash('sha256').update(text).digest('hex'),
})
writeFileSync(outputUrl, renderHaloSpecIndex(index))
writeFileSync(queryOutputUrl, renderHaloQueryParameters(index))

const operations = Object.values(index.paths).reduce((total, item) => total + Object.keys(item).length, 0)
console.log(
  `Wrote ${fileURLToPath(outputUrl)}: ${Object.keys(index.paths).length} paths, ${operations} operations, ${Object.keys(index.schemas).length} body schemas.`,
)
console.log(`Wrote ${fileURLToPath(queryOutputUrl)}.`)
