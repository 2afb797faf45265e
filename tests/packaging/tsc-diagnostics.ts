/** One error tsc reported, with the file it is in (relative to the project; empty for the whole program). */
export interface TscDiagnostic {
  file: string
  line: number
  column: number
  /** The message, its indented follow-up lines included. */
  message: string
}

const located = /^(.+?)\((\d+),(\d+)\): (error .*)$/

/** Splits `tsc --pretty false` output into diagnostics: a line at column 0 starts one, indented lines go on with it. */
export function parseTscOutput(output: string): TscDiagnostic[] {
  const diagnostics: TscDiagnostic[] = []
  for (const text of output.split('\n')) {
    if (text.trim() === '') continue
    const previous = diagnostics.at(-1)
    if (/^\s/.test(text) && previous) {
      previous.message += `\n${text}`
      continue
    }
    const match = located.exec(text)
    diagnostics.push(
      match
        ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]), message: match[4]! }
        : { file: '', line: 0, column: 0, message: text },
    )
  }
  return diagnostics
}
