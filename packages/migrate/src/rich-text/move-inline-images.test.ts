import { createHash } from 'node:crypto'
import type { Attachment } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { moveInlineImages } from './move-inline-images'

const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const pixelUri = `data:image/png;base64,${pixel.toString('base64')}`
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const file = (id: string, filename: string): Attachment => ({
  id,
  vendor: 'halo',
  raw: null,
  ticketId: '7',
  filename,
  contentType: 'image/png',
  size: 10,
})

describe('moveInlineImages', () => {
  it('decodes a data: image into a file named by its content and rewrites the tag to name it', () => {
    const html = `<p>Before</p><img alt="screen" src="${pixelUri}" width="20"><p>After &amp; more</p>`
    const result = moveInlineImages({ text: 'Before\n\nAfter & more', html }, 'description')
    expect(result.images).toHaveLength(1)
    const [image] = result.images
    expect(Buffer.from(image!.data).equals(pixel)).toBe(true)
    expect(image!.digest).toBe(sha(pixel))
    expect(image!.filename).toBe(`inline-image-${sha(pixel).slice(0, 12)}.png`)
    expect(image!.contentType).toBe('image/png')
    expect(result.body.html).toBe(`<p>Before</p><em>[image: screen: ${image!.filename}, attached to this ticket]</em><p>After &amp; more</p>`)
    expect(result.body.text).toBe(`Before\n\nAfter & more\n\n[image: ${image!.filename}, attached to this ticket]`)
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'converted', field: 'description' })])
  })

  it('keeps one file for an image embedded twice, and names it once in the text', () => {
    const result = moveInlineImages({ text: 'x', html: `<img src='${pixelUri}'><img src="${pixelUri}">` }, 'body')
    expect(result.images).toHaveLength(1)
    expect(result.warnings).toHaveLength(2)
    expect(result.body.text.match(/inline-image-/g)).toHaveLength(1)
  })

  it('decodes percent-encoded SVG data and ignores data: URIs that are not images', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    const result = moveInlineImages(
      { text: '', html: `<img src="data:image/svg+xml,${encodeURIComponent(svg)}"><img src="data:text/html,hello">` },
      'body',
    )
    expect(result.images).toHaveLength(1)
    expect(Buffer.from(result.images[0]!.data).toString('utf8')).toBe(svg)
    expect(result.images[0]!.filename).toMatch(/\.svg$/)
    expect(result.body.html).toContain('<img src="data:text/html,hello">')
  })

  it('rewrites an image that points at one of the ticket files, by id or by name, without a new file', () => {
    const files = [file('41', 'diagram.png'), file('42', 'photo one.jpg')]
    const html =
      '<img src="https://old.example/api/Attachment/image?id=41&amp;ticket=7"><img src="/files/photo%20one.jpg"><img src="cid:photo one.jpg@01D9">'
    const result = moveInlineImages({ text: 'See images', html }, 'comment.body', files)
    expect(result.images).toEqual([])
    expect(result.body.html).toBe(
      '<em>[image: diagram.png, attached to this ticket]</em><em>[image: photo one.jpg, attached to this ticket]</em><em>[image: photo one.jpg, attached to this ticket]</em>',
    )
    expect(result.body.text).toBe('See images\n\n[image: diagram.png, attached to this ticket]\n\n[image: photo one.jpg, attached to this ticket]')
    expect(result.warnings.map((warning) => warning.type)).toEqual(['converted', 'converted', 'converted'])
  })

  it('does not take a number in an unrelated address for a file id', () => {
    const html = '<img src="https://cdn.example/41/logo.png">'
    const result = moveInlineImages({ text: 'logo', html }, 'body', [file('41', 'diagram.png')])
    expect(result.body).toEqual({ text: 'logo', html })
    expect(result.warnings).toEqual([])
  })

  it('replaces a cid: image that matches no file by a note and reports it lost', () => {
    const result = moveInlineImages({ text: 'x', html: '<p>Hi</p><img src="cid:image001.png@01D9A">' }, 'body')
    expect(result.body.html).toBe('<p>Hi</p><em>[image not available: image001.png@01D9A]</em>')
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'unsupported', field: 'body' })])
  })

  it('leaves bodies without images, text-only bodies and public images exactly as they were', () => {
    const plain = { text: 'No images <img src="data:image/png;base64,AAAA"> in text' }
    expect(moveInlineImages(plain, 'body')).toEqual({ body: plain, images: [], warnings: [] })
    const linked = { text: 'x', html: '<p>Logo <img src="https://example.com/logo.png"></p>' }
    expect(moveInlineImages(linked, 'body')).toEqual({ body: linked, images: [], warnings: [] })
  })
})
