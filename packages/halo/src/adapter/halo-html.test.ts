import { describe, expect, it } from 'vitest'
import { escapeHtml, htmlToText } from './halo-html'

describe('Halo HTML', () => {
  it('turns HTML into readable text', () => {
    expect(htmlToText('<p>Printer on <b>floor&nbsp;2</b> is jammed.</p><p>Line&#39;s &amp; more<br>next</p><script>x()</script>')).toBe(
      "Printer on floor 2 is jammed.\nLine's & more\nnext",
    )
    expect(htmlToText('&#x1F600; &lt;tag&gt; &unknown;')).toBe('😀 <tag> &unknown;')
  })

  it('escapes text for HTML', () => {
    expect(escapeHtml('a < b & "c"')).toBe('a &lt; b &amp; &quot;c&quot;')
  })
})
