import { readFile, writeFile } from 'node:fs/promises'
import { ConfigurationError } from '@ticketbridge/core'
import { type MigrationReport, renderReportHtml, renderReportText } from '@ticketbridge/migrate'
import { Command } from 'commander'
import { commandHelp } from '../output/command-help'

export function createReportCommand(): Command {
  return new Command('report')
    .description('Show a migration report saved as JSON, as terminal tables or a self-contained HTML page.')
    .argument('<report.json>', 'a report written by ticketbridge migrate')
    .option('--html <file>', 'also write the HTML page here')
    .option('--all', 'list every warning and failure, not only the first 20')
    .addHelpText(
      'after',
      commandHelp({
        examples: ['report .ticketbridge/reports/rt-to-halo-2026-12-05T10-00-00-000Z.json', 'report ./last-run.json --html ./last-run.html --all'],
        vendors: [],
        notes: ['Reads only the file: no vendor is contacted.'],
      }),
    )
    .action(async (path: string, options: { html?: string; all?: boolean }) => {
      let report: MigrationReport
      try {
        report = JSON.parse(await readFile(path, 'utf8')) as MigrationReport
      } catch (error) {
        throw new ConfigurationError(`Cannot read the report ${path}: ${(error as Error).message}.`, { option: 'report' })
      }
      if (!report.counts || !report.source) throw new ConfigurationError(`${path} is not a ticketbridge migration report.`, { option: 'report' })
      console.log(renderReportText(report, options.all ? { maxListed: Number.MAX_SAFE_INTEGER } : {}))
      if (options.html) {
        await writeFile(options.html, renderReportHtml(report))
        console.log(`\nHTML: ${options.html}`)
      }
    })
}
