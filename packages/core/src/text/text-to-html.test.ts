import { describe, expect, it } from 'vitest'
import { htmlToText } from './html-to-text'
import { escapeHtml, textToHtml } from './text-to-html'

describe('escapeHtml', () => {
  it('escapes what HTML would read as markup', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
  })
})

describe('textToHtml', () => {
  it('escapes & < > " and turns every kind of line break into <br>', () => {
    expect(textToHtml('Tom & "Jerry" <tj@example.com>\r\nline two\nthree\rfour')).toBe(
      'Tom &amp; &quot;Jerry&quot; &lt;tj@example.com&gt;<br>line two<br>three<br>four',
    )
  })

  it('reads back as the same text through htmlToText', () => {
    const text =
      'It’s the café — €5 © & <b>not bold</b> "quoted" \'single\'\nA & B < C > D\n\n- not a list\n1. not a number\n> not a quote &amp; not an entity'
    expect(htmlToText(textToHtml(text))).toBe(text)
  })
})
