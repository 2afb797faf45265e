import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { parseChoice, parseChoices } from './parse-choice'

const categories = ['new', 'open', 'pending', 'resolved', 'closed'] as const

describe('parseChoice', () => {
  it('takes a known word in any case', () => {
    expect(parseChoice('Open', categories, 'status')).toBe('open')
    expect(parseChoices('new, pending', categories, 'status')).toEqual(['new', 'pending'])
  })

  it('refuses another word with the choices and a suggestion', () => {
    const attempt = () => parseChoices('open,opne', categories, 'status')
    expect(attempt).toThrow(ConfigurationError)
    expect(attempt).toThrow(`--status takes new, open, pending, resolved or closed; not "opne". Did you mean 'open'?`)
    expect(() => parseChoice('banana', categories, 'status')).toThrow(/not "banana"\.$/)
    expect(() => parseChoices(' , ', categories, 'status')).toThrow(/one or more of/)
  })
})
