import { decodeHTML, decodeHTMLAttribute } from 'entities'

/**
 * Text with its HTML character references decoded as a browser decodes them: every named entity
 * of HTML (`&rsquo;`, `&eacute;`, `&euro;`), decimal and hex ones. For code that reads markup
 * without converting it (a tag scanner, a vendor's own text rendering); `htmlToText` decodes on
 * its own. In an `'attribute'` value a legacy entity written without its semicolon is kept before
 * `=` or a letter, as browsers do, so an address such as `?a=1&copy=2` survives.
 */
export function decodeHtmlEntities(text: string, place: 'text' | 'attribute' = 'text'): string {
  return place === 'attribute' ? decodeHTMLAttribute(text) : decodeHTML(text)
}
