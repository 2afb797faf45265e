import { describe, expect, it } from 'vitest'
import { contentTypeOfFileName } from './content-type-of-file-name'

describe('contentTypeOfFileName', () => {
  it('reads the extension whatever its case, and falls back to octet-stream', () => {
    expect(contentTypeOfFileName('Report.PDF')).toBe('application/pdf')
    expect(contentTypeOfFileName('photo.final.jpeg')).toBe('image/jpeg')
    expect(contentTypeOfFileName('README')).toBe('application/octet-stream')
    expect(contentTypeOfFileName('archive.tar.unknown')).toBe('application/octet-stream')
  })
})
