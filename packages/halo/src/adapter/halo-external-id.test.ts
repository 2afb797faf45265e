import { describe, expect, it } from 'vitest'
import { appendExternalIdMarker, externalIdMarker, readExternalIdMarker, stripExternalIdMarker } from './halo-external-id'

describe('external-id marker', () => {
  it('appends, reads back and strips the marker in text and HTML', () => {
    const text = appendExternalIdMarker('Printer jammed.', 'ZD-4812', 'text')
    expect(text).toBe('Printer jammed.\n\n[ticketbridge external id: ZD-4812]')
    const html = appendExternalIdMarker('<p>Printer jammed.</p>', 'ZD-4812', 'html')
    expect(readExternalIdMarker({ details: text })).toBe('ZD-4812')
    expect(readExternalIdMarker({ details_html: html })).toBe('ZD-4812')
    expect(stripExternalIdMarker(text, 'text')).toBe('Printer jammed.')
    expect(stripExternalIdMarker(html, 'html')).toBe('<p>Printer jammed.</p>')
  })

  it('replaces an earlier marker and survives ids with brackets and markup', () => {
    const first = appendExternalIdMarker('Body', 'old-1', 'text')
    expect(readExternalIdMarker({ details: appendExternalIdMarker(first, 'new-2', 'text') })).toBe('new-2')
    const odd = 'queue[7]<a>&b'
    expect(externalIdMarker(odd)).not.toMatch(/\[ticketbridge external id: [^\]]*\][^\]]*\]/)
    expect(readExternalIdMarker({ details: appendExternalIdMarker('Body', odd, 'text') })).toBe(odd)
    expect(readExternalIdMarker({ details: 'No marker here' })).toBeUndefined()
  })
})
