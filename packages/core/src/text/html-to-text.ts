import { compile, type HtmlToTextOptions } from 'html-to-text'
import { htmlTextFormatters } from './html-text-formatters'

/** Every block starts and ends its own line; blank lines come from the HTML (`<br><br>`, empty paragraphs), not from tags. */
const ownLine = { leadingLineBreaks: 1, trailingLineBreaks: 1 }

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'heading', options: { ...ownLine, uppercase: false } }))

const moreBlocks = ['address', 'center', 'details', 'dd', 'dl', 'dt', 'figcaption', 'figure', 'summary'].map((selector) => ({
  selector,
  format: 'block',
  options: ownLine,
}))

const options: HtmlToTextOptions = {
  // Text is kept as written, never reflowed: the vendors wrap for display themselves.
  wordwrap: false,
  // The library cuts input past 16 Mi characters, telling only the console; a body is never cut.
  limits: { maxInputLength: 0 },
  formatters: htmlTextFormatters,
  selectors: [
    { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true } },
    { selector: 'blockquote', options: ownLine },
    { selector: 'hr', options: ownLine },
    { selector: 'img', format: 'imageAltText' },
    { selector: 'ol', format: 'plainOrderedList' },
    { selector: 'p', options: ownLine },
    { selector: 'pre', options: ownLine },
    { selector: 'table', format: 'rowPerLineTable' },
    { selector: 'ul', format: 'plainUnorderedList' },
    ...headings,
    ...moreBlocks,
    ...['head', 'script', 'style', 'template'].map((selector) => ({ selector, format: 'skip' })),
  ],
}

let convert: ((html: string) => string) | undefined

/**
 * Plain text of an HTML fragment, for the common model's `text` beside `html` and for vendors
 * that keep text only. Converted by html-to-text (all HTML entities decoded, lists keep their
 * markers, tables a row per line, links their address, quotes `> `), then tidied: a no-break
 * space is a space in plain text, lines lose trailing spaces, at most one blank line in a row.
 * One implementation, so every vendor derives the same text from the same HTML.
 */
export function htmlToText(html: string): string {
  convert ??= compile(options)
  return convert(html)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
