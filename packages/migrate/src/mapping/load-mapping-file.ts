import { readFile } from 'node:fs/promises'
import { ConfigurationError } from '@ticketbridge/core'
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { type MappingFile, mappingFileSchema } from './mapping-file'

/** Finds the line of a value in the parsed document by its path, for messages that point at it. */
function lineOf(root: Node | null, path: readonly PropertyKey[], lineCounter: LineCounter): number | undefined {
  let node: unknown = root
  let last: unknown = root
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === String(key))
      node = pair?.value ?? pair?.key
      if (pair) last = pair.key ?? pair.value
    } else if (isSeq(node)) {
      node = node.items[Number(key)]
      last = node
    } else break
  }
  const range = (last as { range?: [number, number, number] } | null)?.range
  return range ? lineCounter.linePos(range[0]).line : undefined
}

/**
 * Reads and checks a mapping file, JSON or YAML (JSON is YAML). A mistake is a ConfigurationError
 * that names the field and its line, such as `mapping.yaml line 4, statuses.Parked: …`; nothing has
 * been written to any system at that point.
 */
export function parseMappingFile(text: string, fileName = 'mapping file'): MappingFile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false })
  if (document.errors.length > 0) {
    const [first] = document.errors
    const line = first ? lineCounter.linePos(first.pos[0]).line : undefined
    throw new ConfigurationError(`${fileName}${line ? ` line ${line}` : ''} is not valid YAML or JSON: ${first?.message ?? 'parse error'}.`, {
      option: 'mapping',
    })
  }
  const result = mappingFileSchema.safeParse(document.toJS() ?? {})
  if (result.success) return result.data
  // An unknown key is reported on its parent; point at the key itself.
  const pathOf = (issue: (typeof result.error.issues)[number]): PropertyKey[] =>
    issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : [...issue.path]
  const problems = result.error.issues.map((issue) => {
    const path = pathOf(issue)
    const field = path.map(String).join('.') || '(top level)'
    const line = lineOf(document.contents, path, lineCounter)
    return `${fileName}${line ? ` line ${line}` : ''}, ${field}: ${issue.message}`
  })
  const first = result.error.issues[0]
  const firstPath = first ? pathOf(first) : []
  throw new ConfigurationError(`The mapping is invalid; nothing was written. ${problems.join('; ')}.`, {
    option: firstPath.length > 0 ? `mapping.${firstPath.map(String).join('.')}` : 'mapping',
  })
}

export async function loadMappingFile(path: string): Promise<MappingFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`Cannot read the mapping file ${path}: ${(error as Error).message}.`, { option: 'mapping' })
  }
  return parseMappingFile(text, path)
}
