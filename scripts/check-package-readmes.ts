/**
 * `pnpm lint:readmes`: every published package ships a README (its `files` list names it and
 * the file is there). npm shows it as the package's page; a tarball without one is a package
 * people cannot learn from. publint does not check it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPackages } from '@manypkg/get-packages'

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))
const { packages } = await getPackages(repositoryRoot)
const problems: string[] = []
for (const { dir, packageJson } of packages) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { private?: boolean; files?: string[] }
  if (manifest.private) continue
  if (!manifest.files?.includes('README.md')) problems.push(`${packageJson.name}: "files" in package.json does not list README.md.`)
  if (!existsSync(join(dir, 'README.md'))) problems.push(`${packageJson.name}: ${join(dir, 'README.md')} is missing.`)
}
for (const problem of problems) console.error(problem)
console.log(
  problems.length === 0
    ? `${packages.length} packages checked: every published one ships its README.`
    : `${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
)
process.exitCode = problems.length === 0 ? 0 : 1
