import { escapeHtml } from '@ticketbridge/core'

/** A cell written as markup (a link, a badge, a `<details>`) rather than escaped as text. */
export interface HtmlCell {
  html: string
}

type Cell = string | number | HtmlCell

export const escapeCell = (value: unknown): string => escapeHtml(String(value))

const renderCell = (cell: Cell) =>
  typeof cell === 'number'
    ? `<td class="number">${escapeCell(cell.toLocaleString('en-US'))}</td>`
    : typeof cell === 'string'
      ? `<td>${escapeCell(cell)}</td>`
      : `<td>${cell.html}</td>`

/** A table of text, numbers (right-aligned, grouped by thousands) and markup cells. */
export function htmlTable(head: string[], rows: Cell[][], className?: string): string {
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((cell) => `<th>${escapeCell(cell)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map(renderCell).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** A list of ids, folded away behind how many there are. */
export function foldedIds(ids: readonly string[], noun = 'source id'): HtmlCell {
  const summary = `${ids.length.toLocaleString('en-US')} ${noun}${ids.length === 1 ? '' : 's'}`
  return { html: `<details><summary>${escapeCell(summary)}</summary><p class="ids">${ids.map(escapeCell).join(', ')}</p></details>` }
}
