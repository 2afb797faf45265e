import { describe, expect, it } from 'vitest'
import { closestName, didYouMean } from './closest-name'

describe('closestName', () => {
  it('prefers the same letters in another case', () => {
    expect(closestName('CLIENTSECRET', ['clientId', 'clientSecret'])).toBe('clientSecret')
  })

  it('suggests the nearest name within two edits', () => {
    expect(closestName('opne', ['new', 'open', 'pending', 'resolved', 'closed'])).toBe('open')
    expect(closestName('hgh', ['low', 'normal', 'high', 'urgent'])).toBe('high')
    expect(closestName('resovled', ['new', 'open', 'pending', 'resolved', 'closed'])).toBe('resolved')
  })

  it('suggests nothing for a word unlike any known one', () => {
    expect(closestName('banana', ['new', 'open', 'pending'])).toBeUndefined()
    // A two-letter word is one edit from many others: only one edit is allowed.
    expect(closestName('ab', ['new', 'open'])).toBeUndefined()
  })

  it('words the suggestion for an error message', () => {
    expect(didYouMean('opne', ['open'])).toBe(" Did you mean 'open'?")
    expect(didYouMean('zzzz', ['open'])).toBe('')
  })
})
