import { describe, expect, it } from 'vitest'
import { convertRtHtmlToText } from './rt-html-to-text'

// The HTML and text parts of an autoreply a real RT 5.0.3 recorded (start-rt, ticket 4 of a run).
const autoReplyHtml =
  '<p>Greetings,</p>\n\n<p>This message has been automatically generated in response to the\ncreation of a trouble ticket regarding <b>REST2 ticket – naïve ☃</b>,\na summary of which appears below.</p>\n\n' +
  '<p>There is no need to reply to this message right now.  Your ticket has been\nassigned an ID of <b>[rt.localhost #4]</b>.</p>\n\n' +
  '<p>Please include the string <b>[rt.localhost #4]</b>\nin the subject line of all future correspondence about this issue. To do so,\nyou may reply to this message.</p>\n\n' +
  '<p>Thank you,<br/>\n</p>\n\n<hr/>\n<pre style="white-space: pre-wrap; font-family: monospace;">Created via REST2.\nSecond line.</pre>\n'
const autoReplyText =
  'Greetings,\n\nThis message has been automatically generated in response to the creation of a\ntrouble ticket regarding REST2 ticket – naïve ☃, a summary of which appears\nbelow.\n\n' +
  'There is no need to reply to this message right now. Your ticket has been\nassigned an ID of [rt.localhost #4].\n\n' +
  'Please include the string [rt.localhost #4] in the subject line of all future\ncorrespondence about this issue. To do so, you may reply to this message.\n\n' +
  'Thank you,\n\n------------------------------------------------------------------------------\n\nCreated via REST2.\nSecond line.\n\n'

describe('convertRtHtmlToText', () => {
  it("renders RT's autoreply exactly as RT 5.0.3 recorded it", () => {
    expect(convertRtHtmlToText(autoReplyHtml)).toBe(autoReplyText)
  })

  it('keeps <pre> text as is and ends with a blank line (the Correspondence template)', () => {
    expect(convertRtHtmlToText('<pre style="white-space: pre-wrap; font-family: monospace;">Reply via REST2.</pre>\n')).toBe('Reply via REST2.\n\n')
    expect(convertRtHtmlToText('<pre>Body &lt;b&gt;text&lt;/b&gt; &#38; more</pre>\n')).toBe('Body <b>text</b> & more\n\n')
  })

  it('wraps words greedily at 78 columns, counting characters', () => {
    const words = Array.from({ length: 30 }, (_, index) => `wörd${index}`).join(' ')
    const lines = convertRtHtmlToText(`<p>${words}</p>`)
      .split('\n')
      .filter((line) => line)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(78)
    expect(lines.join(' ')).toBe(words)
  })

  it('writes links as "text (url)" unless the text is the url', () => {
    expect(convertRtHtmlToText('<p>See <a href="http://rt/1">ticket 1</a> or <a href="http://rt/2">http://rt/2</a>.</p>')).toBe(
      'See ticket 1 (http://rt/1) or http://rt/2.\n\n',
    )
  })
})
