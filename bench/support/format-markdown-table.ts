/** A column: its heading, how a row shows in it, and its alignment. */
export interface TableColumn<Row> {
  heading: string
  value: (row: Row) => string
  align?: 'left' | 'right'
}

/**
 * A markdown table padded so it also reads well in a terminal. Hand-written: twenty lines do
 * not justify a dependency, and markdown pastes straight into docs and pull requests.
 */
export function formatMarkdownTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)))
  const widths = columns.map((column, index) => Math.max(column.heading.length, 3, ...cells.map((line) => (line[index] ?? '').length)))
  const pad = (text: string, index: number) => {
    const width = widths[index] ?? text.length
    return columns[index]?.align === 'right' ? text.padStart(width) : text.padEnd(width)
  }
  const line = (texts: string[]) => `| ${texts.map(pad).join(' | ')} |`
  const divider = `| ${columns
    .map((column, index) => {
      const width = widths[index] ?? 3
      return column.align === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)
    })
    .join(' | ')} |`
  return [line(columns.map((column) => column.heading)), divider, ...cells.map(line)].join('\n')
}
