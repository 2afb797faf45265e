/**
 * HTML to plain text the way RT's built-in converter lays it out (HTML::FormatText::WithLinks::
 * AndTables with leftmargin 0 and rightmargin 78, as RT::Interface::Email::_HTMLFormatText
 * configures it). RT uses it for the text/plain half of every HTML notification it records, so
 * the sizes REST 1.0 lists for those parts depend on it: words wrap greedily at 78 columns,
 * blocks are separated by one blank line, `<hr>` is 78 dashes, `<pre>` is kept as is, links
 * read `text (url)`, and the text ends with a blank line.
 */

import { decodeHtmlEntities } from '@ticketbridge/core'

const width = 78

const blockTags = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'blockquote',
  'address',
  'dl',
  'dt',
  'dd',
  'center',
  'form',
  'body',
  'html',
])

interface Block {
  lines: string[]
  quoteDepth: number
}

/** Converts HTML to RT's plain-text rendering of it. */
export function convertRtHtmlToText(html: string): string {
  const blocks: Block[] = []
  let words: string[] = []
  let lineBreaks: string[][] = []
  let quoteDepth = 0
  let preDepth = 0
  let preText = ''
  const linkStack: string[] = []
  const linkText: string[] = []
  const listStack: { ordered: boolean; counter: number }[] = []
  let pendingBullet = ''
  /** Set by whitespace and by tags that separate words (table cells): the next text starts a word. */
  let separate = false

  const flushParagraph = (): void => {
    if (words.length > 0) lineBreaks.push(words)
    words = []
    const lines: string[] = []
    for (const segment of lineBreaks) {
      let line = ''
      for (const word of segment) {
        if (!line) line = word
        else if (Array.from(line).length + 1 + Array.from(word).length <= width) line += ` ${word}`
        else {
          lines.push(line)
          line = word
        }
      }
      if (line) lines.push(line)
    }
    lineBreaks = []
    if (lines.length > 0) blocks.push({ lines, quoteDepth })
  }

  const addText = (text: string): void => {
    if (preDepth > 0) {
      preText += text
      return
    }
    const decoded = decodeHtmlEntities(text).replace(/\u00a0/g, ' ')
    const parts = decoded.split(/[ \t\r\n\f]+/)
    parts.forEach((part, index) => {
      if (!part) return
      const glued = index === 0 && !separate && !/^[ \t\r\n\f]/.test(decoded) && words.length > 0
      if (pendingBullet) {
        words.push(pendingBullet)
        pendingBullet = ''
      }
      if (glued) words[words.length - 1] += part
      else words.push(part)
      separate = false
      if (linkStack.length > 0) linkText.push(part)
    })
    if (/[ \t\r\n\f]$/.test(decoded)) separate = true
  }

  const tagPattern = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g
  let position = 0
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    addText(html.slice(position, match.index))
    position = match.index + match[0].length
    if (!match[1]) continue
    const tag = match[1].toLowerCase()
    const closing = match[0].startsWith('</')
    if (preDepth > 0 && tag !== 'pre') {
      if (tag === 'br') preText += '\n'
      continue
    }
    if (tag === 'pre') {
      if (!closing) {
        flushParagraph()
        preDepth += 1
        preText = ''
      } else if (preDepth > 0) {
        preDepth -= 1
        const lines = decodeHtmlEntities(preText).replace(/\n$/, '').split('\n')
        blocks.push({ lines, quoteDepth })
        preText = ''
      }
    } else if (tag === 'br') {
      lineBreaks.push(words)
      words = []
    } else if (tag === 'hr') {
      flushParagraph()
      blocks.push({ lines: ['-'.repeat(width)], quoteDepth })
    } else if (tag === 'blockquote') {
      flushParagraph()
      quoteDepth += closing ? -1 : 1
      if (quoteDepth < 0) quoteDepth = 0
    } else if (tag === 'ul' || tag === 'ol') {
      flushParagraph()
      if (closing) listStack.pop()
      else listStack.push({ ordered: tag === 'ol', counter: 0 })
    } else if (tag === 'li') {
      flushParagraph()
      if (!closing) {
        const list = listStack[listStack.length - 1]
        if (list) list.counter += 1
        pendingBullet = list?.ordered ? `${list.counter}.` : '*'
      }
    } else if (tag === 'a') {
      if (!closing) {
        const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[2] ?? '')
        linkStack.push(decodeHtmlEntities(href?.[1] ?? href?.[2] ?? href?.[3] ?? '', 'attribute'))
        linkText.length = 0
      } else {
        const href = linkStack.pop()
        const text = linkText.join(' ')
        linkText.length = 0
        if (href && href !== text && !/^mailto:/i.test(href)) words.push(`(${href})`)
      }
    } else if (tag === 'td' || tag === 'th') {
      separate = true
    } else if (tag === 'script' || tag === 'style' || tag === 'head' || tag === 'title') {
      if (!closing) {
        const end = html.toLowerCase().indexOf(`</${tag}`, position)
        position = end === -1 ? html.length : end
      }
    } else if (blockTags.has(tag)) {
      flushParagraph()
    }
  }
  addText(html.slice(position))
  if (preDepth > 0) blocks.push({ lines: decodeHtmlEntities(preText).split('\n'), quoteDepth })
  flushParagraph()
  if (blocks.length === 0) return ''
  const rendered = blocks.map((block) => block.lines.map((line) => `${'> '.repeat(block.quoteDepth)}${line.replace(/\s+$/, '')}`).join('\n'))
  return `${rendered.join('\n\n')}\n\n`
}
