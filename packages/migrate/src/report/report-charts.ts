import { escapeHtml } from '@ticketbridge/core'
import type { VerifyReport } from '../verify/verify-migration'
import { type OutcomeColumn, outcomeColumns, type RunRow } from './report-rows'
import { orderedStatusCategories } from './verification-rows'

/** Inline SVG charts for the HTML report: drawn as markup, so the page needs no script and no asset. */

const outcomeColours: Record<OutcomeColumn, string> = {
  created: '#1a7f37',
  matched: '#0969da',
  updated: '#8250df',
  skipped: '#8c959f',
  failed: '#cf222e',
}

const labelWidth = 120
const barWidth = 460
const rowHeight = 30
const barHeight = 18

const text = (x: number, y: number, content: string, attributes = '') =>
  `<text x="${x}" y="${y}"${attributes ? ` ${attributes}` : ''}>${escapeHtml(content)}</text>`

/** A horizontal bar per entity, cut by outcome (created, matched, updated, skipped, failed), each as a share of what was read. */
export function outcomeBarsSvg(rows: readonly RunRow[]): string {
  const width = labelWidth + barWidth + 110
  const legendHeight = 28
  const height = legendHeight + rows.length * rowHeight + 4
  const legend = outcomeColumns
    .map((column, index) => {
      const x = labelWidth + index * 92
      return `<rect x="${x}" y="6" width="12" height="12" rx="2" fill="${outcomeColours[column]}"/>${text(x + 17, 16, column)}`
    })
    .join('')
  const bars = rows
    .map((row, index) => {
      const y = legendHeight + index * rowHeight
      const label = text(0, y + 14, row.label)
      if (row.read === 0) {
        return `${label}<rect x="${labelWidth}" y="${y + 1}" width="${barWidth}" height="${barHeight}" rx="3" fill="none" stroke="#d0d7de" stroke-dasharray="4 3"/>${text(labelWidth + 8, y + 14, 'nothing read this run', 'class="muted"')}`
      }
      let x = labelWidth
      const segments = outcomeColumns
        .filter((column) => row[column] > 0)
        .map((column) => {
          const segmentWidth = (row[column] / row.read) * barWidth
          const value = row[column].toLocaleString('en-US')
          const segment = `<rect x="${x.toFixed(1)}" y="${y + 1}" width="${segmentWidth.toFixed(1)}" height="${barHeight}" fill="${outcomeColours[column]}"><title>${escapeHtml(`${row.label}: ${value} ${column}`)}</title></rect>${
            segmentWidth >= 8 * value.length + 8 ? text(x + segmentWidth / 2, y + 14, value, 'class="in-bar" text-anchor="middle"') : ''
          }`
          x += segmentWidth
          return segment
        })
        .join('')
      return `${label}${segments}${text(labelWidth + barWidth + 10, y + 14, `${row.read.toLocaleString('en-US')} read`)}`
    })
    .join('')
  return `<svg class="chart" role="img" aria-label="Records per entity by outcome" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${legend}${bars}</svg>`
}

const sourceColour = '#57606a'
const targetColour = '#0969da'

/** Source and target tickets per status category, side by side; a category whose two differ is labelled in red. */
export function statusCategoriesSvg(statusCategories: VerifyReport['statusCategories']): string {
  const categories = orderedStatusCategories(statusCategories)
  const largest = Math.max(1, ...categories.flatMap(([, tally]) => [tally.source, tally.target]))
  const pairHeight = 40
  const width = labelWidth + barWidth + 80
  const height = 28 + categories.length * pairHeight
  const legend = `<rect x="${labelWidth}" y="6" width="12" height="12" rx="2" fill="${sourceColour}"/>${text(labelWidth + 17, 16, 'source')}<rect x="${labelWidth + 92}" y="6" width="12" height="12" rx="2" fill="${targetColour}"/>${text(labelWidth + 109, 16, 'target')}`
  const pairs = categories
    .map(([category, tally], index) => {
      const y = 28 + index * pairHeight
      const bar = (value: number, offset: number, colour: string, end: string) => {
        const barLength = Math.max(value > 0 ? 2 : 0, (value / largest) * barWidth)
        return `<rect x="${labelWidth}" y="${y + offset}" width="${barLength.toFixed(1)}" height="15" rx="2" fill="${colour}"><title>${escapeHtml(`${category}: ${value} in the ${end}`)}</title></rect>${text(labelWidth + barLength + 6, y + offset + 12, value.toLocaleString('en-US'))}`
      }
      const differs = tally.source !== tally.target
      return `${text(0, y + 20, category, differs ? 'class="differs"' : '')}${bar(tally.source, 2, sourceColour, 'source')}${bar(tally.target, 19, targetColour, 'target')}`
    })
    .join('')
  return `<svg class="chart" role="img" aria-label="Tickets per status category, source and target" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${legend}${pairs}</svg>`
}
