/**
 * `pnpm lint:changesets`: every `.changeset/*.md` must parse and name workspace packages with a
 * bump, so `changeset version` cannot fail at release time. Runs offline and without git: CI runs
 * on main itself, where `changeset status` (a diff against main) has nothing to compare.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import getReleasePlan from '@changesets/get-release-plan'
import parseChangeset from '@changesets/parse'
import { getPackages } from '@manypkg/get-packages'

interface Problem {
  file: string
  problem: string
}

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))
const changesetFolder = join(repositoryRoot, '.changeset')

/** The first line of a parser error; the rest repeats the file's contents. */
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''

async function checkFiles(workspacePackages: Set<string>): Promise<{ problems: Problem[]; checked: number }> {
  // Same selection as @changesets/read: hidden files and the README are not changesets.
  const files = (await readdir(changesetFolder)).filter((file) => file.endsWith('.md') && !file.startsWith('.') && !/^readme\.md$/i.test(file)).sort()
  const problems: Problem[] = []
  for (const file of files) {
    const contents = await readFile(join(changesetFolder, file), 'utf8')
    let parsed: ReturnType<typeof parseChangeset>
    try {
      parsed = parseChangeset(contents)
    } catch (error) {
      problems.push({ file, problem: firstLine(error) })
      continue
    }
    for (const release of parsed.releases) {
      if (!workspacePackages.has(release.name)) problems.push({ file, problem: `names ${release.name}, which is no workspace package` })
    }
    // An empty changeset (no releases) is allowed by changesets; one that releases needs a changelog line.
    if (parsed.releases.length > 0 && parsed.summary === '') problems.push({ file, problem: 'has no summary for the changelog' })
  }
  return { problems, checked: files.length }
}

async function main(): Promise<void> {
  const { packages } = await getPackages(repositoryRoot)
  const { problems, checked } = await checkFiles(new Set(packages.map((workspacePackage) => workspacePackage.packageJson.name)))
  if (problems.length === 0) {
    // What `changeset version` would compute: also checks config.json and mixed ignored packages.
    try {
      const plan = await getReleasePlan(repositoryRoot)
      const releases = plan.releases.filter((release) => release.type !== 'none').map((release) => `${release.name} ${release.type}`)
      console.log(`${checked} changesets valid; the next release: ${releases.join(', ') || 'nothing'}`)
      return
    } catch (error) {
      problems.push({ file: 'release plan', problem: (error instanceof Error ? error.message : String(error)).replaceAll('\n', '; ') })
    }
  }
  const width = Math.max(...problems.map((entry) => entry.file.length), 'file'.length)
  console.error(`${'file'.padEnd(width)}  problem`)
  for (const entry of problems) console.error(`${entry.file.padEnd(width)}  ${entry.problem}`)
  console.error(`\n${problems.length} changeset problem(s) in .changeset/`)
  process.exitCode = 1
}

await main()
