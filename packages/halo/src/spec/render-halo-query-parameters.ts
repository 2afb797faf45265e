import type { HaloSpecIndex, HaloSpecMethod } from './halo-spec-index'

/** The query parameter names of every operation that declares any, by path template and method. */
export interface HaloQueryParameterTable {
  notice: string
  /** The spec's sha256, as in the index it was taken from. */
  sha256: string
  paths: Record<string, Partial<Record<HaloSpecMethod, string[]>>>
}

/**
 * Renders `halo-query-parameters.generated.json`: the index's query names alone (about a sixth
 * of its size), one line per path, for the client to check calls against without shipping the
 * body schemas the simulator needs.
 */
export function renderHaloQueryParameters(index: HaloSpecIndex): string {
  const paths: HaloQueryParameterTable['paths'] = {}
  for (const [template, operations] of Object.entries(index.paths)) {
    const declared = Object.entries(operations).filter(([, operation]) => (operation.query ?? []).length > 0)
    if (declared.length > 0) paths[template] = Object.fromEntries(declared.map(([method, operation]) => [method, operation.query!]))
  }
  const notice = `Generated with halo-spec-index.generated.json by packages/halo/scripts/generate-halo-spec-index.ts; do not edit. Regenerate with: pnpm --filter @ticketbridge/halo generate`
  const lines = Object.entries(paths).map(([template, methods]) => `    ${JSON.stringify(template)}: ${JSON.stringify(methods)}`)
  return `{\n  "notice": ${JSON.stringify(notice)},\n  "sha256": ${JSON.stringify(index.source.sha256)},\n  "paths": {\n${lines.join(',\n')}\n  }\n}\n`
}
