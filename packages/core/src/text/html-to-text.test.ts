import { describe, expect, it } from 'vitest'
import { htmlToText } from './html-to-text'

describe('htmlToText', () => {
  it('decodes every HTML entity: named, decimal and hex', () => {
    expect(htmlToText('It&rsquo;s the caf&eacute; &mdash; &euro;5 &copy;')).toBe('It’s the café — €5 ©')
    expect(htmlToText('&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; &#8364; &#x263A; &#X263a;')).toBe('<b> & "x" \'y\' € ☺ ☺')
  })

  it('keeps an entity it does not know as written', () => {
    expect(htmlToText('<p>a &unknown; b</p>')).toBe('a &unknown; b')
  })

  it('keeps the bullets of unordered lists and the numbers of ordered ones, nested lists indented', () => {
    const html =
      '<p>Steps:</p><ol><li>Restart</li><li>Log in<ul><li>as admin</li><li>as user</li></ul></li></ol><ol start="9"><li>nine</li><li>ten</li></ol>'
    expect(htmlToText(html)).toBe('Steps:\n1. Restart\n2. Log in\n   - as admin\n   - as user\n9.  nine\n10. ten')
    // A list some editors put straight inside another, without an item around it.
    expect(htmlToText('<ul><li>a</li><ul><li>b</li></ul></ul>')).toBe('- a\n  - b')
  })

  it('writes a table a row per line with its cells separated by " | "', () => {
    const html =
      '<table><thead><tr><th>Item</th><th>Cost</th></tr></thead><tbody><tr><td>Coffee</td><td>&euro;5</td></tr><tr><td>Cake<br>slice</td><td></td></tr></tbody></table><p>Total</p>'
    expect(htmlToText(html)).toBe('Item | Cost\nCoffee | €5\nCake slice |\nTotal')
  })

  it('keeps the address of a link after its text, once when the text is the address', () => {
    const html =
      '<p>See <a href="https://example.com/kb/42">the article</a>, <a href="https://example.com">https://example.com</a> and <a href="mailto:help@example.com">help@example.com</a>.</p>'
    expect(htmlToText(html)).toBe('See the article (https://example.com/kb/42), https://example.com and help@example.com.')
  })

  it('breaks lines at <br> and block ends, collapses the HTML source whitespace, keeps at most one blank line', () => {
    expect(htmlToText('<p>First\n   line</p>\n<div>Second<br/>third</div>')).toBe('First line\nSecond\nthird')
    expect(htmlToText('a<br><br><br><br>b<p>&nbsp;</p><p>c&nbsp;&nbsp;d</p>')).toBe('a\n\nb\n\nc  d')
    expect(htmlToText('<h2>Title</h2><p>Body</p><pre>  kept\n    as is</pre>')).toBe('Title\nBody\n  kept\n    as is')
  })

  it('prefixes quoted lines with "> ", nested quotes with "> > "', () => {
    const html = '<p>Reply</p><blockquote>On Monday:<blockquote>Printer down</blockquote>Fixed?</blockquote>'
    expect(htmlToText(html)).toBe('Reply\n> On Monday:\n> > Printer down\n> Fixed?')
  })

  it('drops scripts and styles, and reads images as their alt text', () => {
    const html =
      '<style>p { color: red }</style><p>Look<script>alert(1)</script>: <img src="cid:part1" alt="screenshot"><img src="data:image/png;base64,AAAA"></p>'
    expect(htmlToText(html)).toBe('Look: screenshot')
  })

  it('never wraps long lines and trims the text', () => {
    const long = 'word '.repeat(60).trim()
    expect(htmlToText(`<p>  ${long}  </p>\n\n`)).toBe(long)
  })
})
