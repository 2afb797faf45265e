import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type PublishedPackage, repositoryRoot } from './published-packages'

/** One TypeScript example of a README, written to the project as `fileName`. */
export interface ReadmeCodeBlock {
  fileName: string
  /** The README, from the repository root: `packages/halo/README.md`. */
  readmePath: string
  /** The README line of the block's first line, so a diagnostic can point into the README. */
  firstLine: number
  code: string
}

const openingFence = /^```(ts|typescript)\s*$/
const closingFence = /^```\s*$/

/** The ```ts blocks of one README, each with the line it starts on. */
function typeScriptBlocks(readme: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = []
  let current: { line: number; lines: string[] } | undefined
  readme.split('\n').forEach((text, index) => {
    if (current === undefined) {
      if (openingFence.test(text)) current = { line: index + 2, lines: [] }
    } else if (closingFence.test(text)) {
      blocks.push({ line: current.line, code: current.lines.join('\n') })
      current = undefined
    } else {
      current.lines.push(text)
    }
  })
  return blocks
}

/**
 * The TypeScript blocks of every published package's README and of the repository's README,
 * as files `readme/<package>-<n>.ts`. Each block is its own module; names a README leaves to the
 * reader (credentials, a client made in an earlier block) come from readme-context.d.ts.
 */
export function readmeCodeBlocks(packages: readonly PublishedPackage[]): ReadmeCodeBlock[] {
  const readmes = [
    ...packages.map((published) => ({ label: published.name.replace(/^@ticketbridge\//, ''), folder: published.folder })),
    { label: 'repository', folder: repositoryRoot },
  ]
  return readmes.flatMap(({ label, folder }) => {
    const path = join(folder, 'README.md')
    if (!existsSync(path)) return []
    const relativePath = path.slice(repositoryRoot.length)
    return typeScriptBlocks(readFileSync(path, 'utf8')).map((block, index) => ({
      fileName: `readme/${label}-${index + 1}.ts`,
      readmePath: relativePath,
      firstLine: block.line,
      code: `${block.code}\n`,
    }))
  })
}
