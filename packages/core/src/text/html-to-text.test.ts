import { describe, expect, it } from 'vitest'
import { escapeHtml, htmlToText } from './html-to-text'

describe('htmlToText', () => {
  it('breaks lines at block ends and <br>, drops scripts and tags, decodes entities', () => {
    const html = '<p>First &amp; <b>bold</b></p><script>alert(1)</script><div>Second<br/>third &#39;quoted&#39; &#x263A; &nbsp;</div>'
    expect(htmlToText(html)).toBe("First & bold\nSecond\nthird 'quoted' ☺")
  })

  it('tolerates spaces inside tags and keeps unknown entities', () => {
    expect(htmlToText('< p >a< / p >< br / >b &unknown;')).toBe('a\n\nb &unknown;')
  })

  it('escapes what HTML would read as markup', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
  })
})
