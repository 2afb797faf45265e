/** Text made safe to place in HTML, in element content or in a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * HTML that shows plain text as written: escaped, its line breaks as `<br>`. `htmlToText` reads it
 * back as the same text, except for runs of spaces and spaces at line ends, which HTML does not show.
 */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')
}
