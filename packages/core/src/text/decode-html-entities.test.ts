import { describe, expect, it } from 'vitest'
import { decodeHtmlEntities } from './decode-html-entities'

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hex entities and keeps unknown ones', () => {
    expect(decodeHtmlEntities('It&rsquo;s the caf&eacute; &mdash; &euro;5 &copy; &#39;&#x263A; &unknown;')).toBe("It’s the café — €5 © '☺ &unknown;")
  })

  it('keeps a legacy entity without its semicolon in an attribute value, as browsers do', () => {
    expect(decodeHtmlEntities('/file?a=1&copy=2&amp;b=3', 'attribute')).toBe('/file?a=1&copy=2&b=3')
    expect(decodeHtmlEntities('&copy=2')).toBe('©=2')
  })
})
