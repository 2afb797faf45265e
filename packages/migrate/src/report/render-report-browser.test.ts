/**
 * The HTML report as a browser shows it: Debian's `chromium`, headless, renders a report with
 * failures, warnings, things needing attention and a verification, takes a 1400 px screenshot
 * (kept beside the report, and as CI's artifact `.ticketbridge/artifacts/report-1400.png`) and
 * dumps the DOM it built, whose order is checked: the verdict first, failures before warnings.
 * Outside CI the test is skipped where chromium is not installed; in CI (`CI` set) it must run.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { renderReportHtml } from './render-report-html'
import { sampleReport } from './sample-reports'

const run = promisify(execFile)
const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const chromium = (process.env.PATH ?? '')
  .split(delimiter)
  .map((folder) => join(folder, 'chromium'))
  .find((candidate) => existsSync(candidate))
const inCi = Boolean(process.env.CI)
const skipped = !chromium && !inCi

/** Generous: a loaded CI machine starts chromium slowly. Nothing here measures time. */
const chromiumTimeoutMs = 150_000

/** Runs headless chromium on a page with its own profile folder (runs side by side never share one). */
async function headless(profile: string, ...options: string[]): Promise<string> {
  const { stdout } = await run(
    chromium!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--hide-scrollbars',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...options,
    ],
    { timeout: chromiumTimeoutMs, maxBuffer: 64 * 1024 * 1024 },
  )
  return stdout
}

/** Width and height from a PNG's header (IHDR follows the 8-byte signature and the chunk's length and type). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('the HTML report in headless chromium', () => {
  it.skipIf(skipped)(
    `renders the verdict first and failures before warnings, and screenshots at 1400 px${skipped ? ' (skipped: chromium is not on PATH; apt-get install chromium — CI runs it)' : ''}`,
    { timeout: 2 * chromiumTimeoutMs + 30_000 },
    async () => {
      if (!chromium) throw new Error('CI must run this test: chromium is not on PATH (.ci/run installs Debian’s chromium).')
      const folder = join(repositoryRoot, '.ticketbridge', 'test-reports', 'render-report-browser')
      rmSync(folder, { recursive: true, force: true })
      mkdirSync(folder, { recursive: true })
      const page = join(folder, 'report.html')
      writeFileSync(page, renderReportHtml(sampleReport()))
      const screenshot = join(folder, 'report-1400.png')
      const url = pathToFileURL(page).href

      const profiles = [join(folder, 'profile-screenshot'), join(folder, 'profile-dom')] as const
      let dom: string
      try {
        const outputs = await Promise.all([
          headless(profiles[0], `--screenshot=${screenshot}`, '--window-size=1400,2000', url),
          headless(profiles[1], '--dump-dom', url),
        ])
        dom = outputs[1]
      } finally {
        // The profiles are chromium's scratch; the report and its screenshot stay for a person to open.
        for (const profile of profiles) rmSync(profile, { recursive: true, force: true })
      }

      // A real rendering, not a blank page: a white 1400×2000 PNG compresses to a few kilobytes.
      expect(existsSync(screenshot)).toBe(true)
      const png = readFileSync(screenshot)
      expect(pngSize(png)).toEqual({ width: 1400, height: 2000 })
      expect(statSync(screenshot).size).toBeGreaterThan(40_000)
      const artifacts = join(repositoryRoot, '.ticketbridge', 'artifacts')
      mkdirSync(artifacts, { recursive: true })
      copyFileSync(screenshot, join(artifacts, 'report-1400.png'))

      // The DOM chromium built: the verdict banner is the body's first element, failures come before warnings.
      expect(dom).toMatch(/<body>\s*<section id="verdict" class="verdict verdict-failures">/)
      const at = (id: string) => dom.indexOf(`<section id="${id}"`)
      for (const id of ['failures', 'needs-attention', 'records', 'verification', 'warnings', 'tickets']) expect(at(id), id).toBeGreaterThan(0)
      expect(at('verdict')).toBeLessThan(at('failures'))
      expect(at('failures')).toBeLessThan(at('needs-attention'))
      expect(at('needs-attention')).toBeLessThan(at('warnings'))
      expect(at('failures')).toBeLessThan(at('warnings'))
      expect(dom).toContain("12.4 MB over halo's 10 MB limit")
      expect(dom.match(/<svg class="chart"/g)).toHaveLength(2)
    },
  )
})
