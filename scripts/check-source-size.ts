/**
 * `pnpm lint:size`: shipped source stays readable in one sitting: at most 400 lines a file and
 * 150 lines a function body (declarations, expressions, arrows, methods, accessors, constructors).
 * Counts physical lines, as an editor or `wc -l` does; Biome's size rules count a multi-line
 * comment or template literal as one line, which lets JSDoc-heavy files pass long past the limit.
 * Tests, fixtures and generated files are exempt. Exits 1 and prints a table when any file or
 * function is over.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const maxFileLines = 400
const maxFunctionLines = 150

interface Offender {
  location: string
  kind: string
  name: string
  lines: number
  limit: number
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))

function sourceFiles(): string[] {
  const roots = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repositoryRoot, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(group, entry.name, 'src')),
  )
  return roots
    .flatMap((root) => {
      try {
        return readdirSync(join(repositoryRoot, root), { recursive: true, encoding: 'utf8' }).map((file) => join(root, file))
      } catch {
        return [] // a workspace without src/ (none today) has nothing to check
      }
    })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !/(^|\/)(generated|__fixtures__)\//.test(file))
    .sort()
}

function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText()
  const parent = node.parent
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name)
    return parent.name.getText()
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  return '(anonymous)'
}

/** Lines between the braces of a block body; the lines an arrow's expression body spans. */
function bodyLines(source: ts.SourceFile, body: ts.ConciseBody): number {
  const first = source.getLineAndCharacterOfPosition(body.getStart(source)).line
  const last = source.getLineAndCharacterOfPosition(body.getEnd()).line
  return ts.isBlock(body) ? Math.max(0, last - first - 1) : last - first + 1
}

/** The file's own size and every function's, each with its limit. */
function measureFile(file: string): Offender[] {
  const text = readFileSync(join(repositoryRoot, file), 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const fileLines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
  const measured: Offender[] = [{ location: file, kind: 'file', name: '', lines: fileLines, limit: maxFileLines }]
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const declaration = node as ts.FunctionLikeDeclaration & { body: ts.ConciseBody }
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
      const lines = bodyLines(source, declaration.body)
      measured.push({ location: `${file}:${line}`, kind: ts.SyntaxKind[node.kind], name: functionName(declaration), lines, limit: maxFunctionLines })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return measured
}

const files = sourceFiles()
const measured = files.flatMap(measureFile)
const offenders = measured.filter((entry) => entry.lines > entry.limit)
// `--largest N`: the N largest files and functions, for a report of how close the tree runs to the limits.
const largestIndex = process.argv.indexOf('--largest')
if (largestIndex > 0) {
  const count = Number(process.argv[largestIndex + 1] ?? 5)
  const largest = (kind: 'file' | 'function') =>
    measured
      .filter((entry) => (kind === 'file') === (entry.kind === 'file'))
      .sort((left, right) => right.lines - left.lines)
      .slice(0, count)
  for (const entry of [...largest('file'), ...largest('function')])
    console.log(`${String(entry.lines).padStart(5)}  ${entry.location}  ${entry.name}`)
}
if (offenders.length === 0) {
  console.log(`${files.length} source files within ${maxFileLines} lines a file and ${maxFunctionLines} lines a function`)
} else {
  const header: Offender = { location: 'where', kind: 'what', name: 'name', lines: 0, limit: 0 }
  const widths = {
    location: Math.max(...[header, ...offenders].map((offender) => offender.location.length)),
    kind: Math.max(...[header, ...offenders].map((offender) => offender.kind.length)),
    name: Math.max(...[header, ...offenders].map((offender) => offender.name.length)),
  }
  const row = (location: string, kind: string, name: string, lines: string, limit: string) =>
    `${location.padEnd(widths.location)}  ${kind.padEnd(widths.kind)}  ${name.padEnd(widths.name)}  ${lines.padStart(5)}  ${limit.padStart(5)}`
  console.error(row('where', 'what', 'name', 'lines', 'limit'))
  for (const offender of offenders)
    console.error(row(offender.location, offender.kind, offender.name, String(offender.lines), String(offender.limit)))
  console.error(`\n${offenders.length} over the limit in ${files.length} source files`)
  process.exitCode = 1
}
