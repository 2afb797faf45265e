/** Halo keeps plain and HTML forms of details and notes side by side; these derive one from the other. */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

/** Escapes text for HTML and keeps its line breaks. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  return escaped.replace(/\r?\n/g, '<br>')
}

/** The text of an HTML fragment: block ends and `<br>` become line breaks, tags go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (match, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)))
      return entities[name] ?? match
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
