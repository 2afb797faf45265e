import { describe, expect, it } from 'vitest'
import { timeEntrySchema } from './time-entry'

const entry = { id: '7', vendor: 'rt', raw: {}, ticketId: '42', minutes: 25, note: 'Traced the outage to the core switch' }

describe('timeEntrySchema', () => {
  it('keeps the comment a time entry was recorded on', () => {
    expect(timeEntrySchema.parse({ ...entry, commentId: '7' })).toEqual({ ...entry, commentId: '7' })
  })

  it('still reads a v1 entry without a comment id', () => {
    const parsed = timeEntrySchema.parse(entry)
    expect(parsed).toEqual(entry)
    expect('commentId' in parsed).toBe(false)
  })

  it('refuses an empty comment id, naming the field', () => {
    const result = timeEntrySchema.safeParse({ ...entry, commentId: '' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['commentId'])
  })
})
