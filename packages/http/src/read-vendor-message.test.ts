import { describe, expect, it } from 'vitest'
import { readVendorMessage } from './read-vendor-message'

describe('readVendorMessage', () => {
  it('takes the first present of the known keys, in order', () => {
    expect(readVendorMessage({ errorMessage: 'Halo says no', message: 'second' })).toBe('Halo says no')
    expect(readVendorMessage({ message: 'lower-case message' })).toBe('lower-case message')
    expect(readVendorMessage({ Message: 'ASP.NET message' })).toBe('ASP.NET message')
    expect(readVendorMessage({ error: 'invalid_client', error_description: 'The client secret is wrong' })).toBe('The client secret is wrong')
    expect(readVendorMessage({ error: 'invalid_grant' })).toBe('invalid_grant')
    expect(readVendorMessage({ error: { message: 'nested message' } })).toBe('nested message')
  })

  it('joins errors arrays and ASP.NET field maps', () => {
    expect(readVendorMessage({ errors: ['Field A is required.', { message: 'Field B is too long.' }] })).toBe(
      'Field A is required.; Field B is too long.',
    )
    expect(readVendorMessage({ errors: { summary: ['Required'], priority: ['Unknown value'] } })).toBe('summary: Required; priority: Unknown value')
    expect(readVendorMessage([{ message: 'top-level array' }])).toBe('top-level array')
  })

  it('takes short plain text, never HTML, and cuts long messages', () => {
    expect(readVendorMessage('Rate Limit Reached - 300 Requests per rolling 5 minute window')).toBe(
      'Rate Limit Reached - 300 Requests per rolling 5 minute window',
    )
    expect(readVendorMessage('<html><body>Error</body></html>')).toBeUndefined()
    expect(readVendorMessage('x'.repeat(2_000))).toHaveLength(501)
  })

  it('returns undefined when there is nothing to say', () => {
    expect(readVendorMessage(undefined)).toBeUndefined()
    expect(readVendorMessage('')).toBeUndefined()
    expect(readVendorMessage({ id: 4 })).toBeUndefined()
    expect(readVendorMessage({ message: '   ' })).toBeUndefined()
  })
})
