import type { DomNode, FormatCallback, RecursiveCallback } from 'html-to-text'

/**
 * Our own formatters for html-to-text where its built-in ones do not read as plain text should:
 * its numbered lists indent top-level numbers by a space, its data tables pad columns with spaces
 * and wrap cells, and its images print their `src` (often a long `cid:` or `data:` address).
 */

/** The library's text builder, which its types do not export by name. */
type BlockTextBuilder = Parameters<FormatCallback>[2]

function childElements(element: DomNode): DomNode[] {
  return (element.children ?? []).filter((child) => child.type === 'tag')
}

/** What a list holds: its items, and any stray content (a `<ul>` placed straight in a `<ul>`) kept without a marker. */
function listEntries(element: DomNode): DomNode[] {
  return (element.children ?? []).filter((child) => child.type === 'tag' || (child.type === 'text' && (child.data ?? '').trim() !== ''))
}

/** `- item` for `<ul>` and `1. item` for `<ol>` (counting from its `start`), nested lists indented under their item. */
function formatList(element: DomNode, walk: RecursiveCallback, builder: BlockTextBuilder, ordered: boolean): void {
  const entries = listEntries(element)
  if (entries.length === 0) return
  const start = Number.parseInt(String(element.attribs?.start ?? '1'), 10)
  let number = Number.isFinite(start) ? start : 1
  const prefixes = entries.map((entry) => (entry.name !== 'li' ? '' : ordered ? `${number++}. ` : '- '))
  const maxPrefixLength = Math.max(...prefixes.map((prefix) => prefix.length))
  builder.openList({ interRowLineBreaks: 1, leadingLineBreaks: 1, maxPrefixLength, prefixAlign: 'left' })
  entries.forEach((entry, index) => {
    builder.openListItem({ prefix: prefixes[index] ?? '' })
    walk(entry.name === 'li' ? entry.children : [entry], builder)
    builder.closeListItem()
  })
  builder.closeList({ trailingLineBreaks: 1 })
}

/** The rows of a table, looking through `thead`/`tbody`/`tfoot`; a caption reads as a row of its own. */
function tableRows(element: DomNode): DomNode[] {
  return childElements(element).flatMap((child) => {
    if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') return tableRows(child)
    return child.name === 'tr' || child.name === 'caption' ? [child] : []
  })
}

/** One row per line, cells separated by ` | `; a cell's own line breaks become spaces so its row stays on one line. */
const rowPerLineTable: FormatCallback = (element, walk, builder) => {
  builder.openTable()
  for (const row of tableRows(element)) {
    const cells = row.name === 'caption' ? [row] : childElements(row).filter((cell) => cell.name === 'td' || cell.name === 'th')
    if (cells.length === 0) continue
    builder.openTableRow()
    for (const cell of cells) {
      builder.openTableCell()
      walk(cell.children, builder)
      builder.closeTableCell()
    }
    builder.closeTableRow()
  }
  builder.closeTable({
    leadingLineBreaks: 1,
    trailingLineBreaks: 1,
    tableToString: (rows) => rows.map((cells) => cells.map((cell) => cell.text.replace(/\s*\n\s*/g, ' ').trim()).join(' | ')).join('\n'),
  })
}

/** An image reads as its alt text; its address means nothing in a text body. */
const imageAltText: FormatCallback = (element, _walk, builder) => {
  const alt = element.attribs?.alt
  if (typeof alt === 'string' && alt.trim() !== '') builder.addInline(alt)
}

/** The formatters by the names the converter's selectors use. */
export const htmlTextFormatters: Record<string, FormatCallback> = {
  plainUnorderedList: (element, walk, builder) => formatList(element, walk, builder, false),
  plainOrderedList: (element, walk, builder) => formatList(element, walk, builder, true),
  rowPerLineTable,
  imageAltText,
}
