import Table from 'cli-table3'

/** Box drawing for logs and pipes: plain ASCII, readable anywhere. */
const asciiBorders = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '+',
  mid: '-',
  'mid-mid': '+',
  right: '|',
  'right-mid': '+',
  middle: '|',
}

/** A terminal table with a header row; plain ASCII without colour when the output is not a terminal. */
export function renderTable(head: string[], rows: (string | number)[][], interactive = process.stdout.isTTY === true): string {
  const table = new Table({
    head,
    style: { head: interactive ? ['cyan'] : [], border: interactive ? ['grey'] : [], compact: !interactive },
    ...(interactive ? {} : { chars: asciiBorders }),
  })
  for (const row of rows) table.push(row.map(String))
  return table.toString()
}
