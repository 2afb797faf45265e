import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigurationError } from '../errors/configuration-error'
import { ValidationError } from '../errors/validation-error'
import { ticketCreateInputSchema } from '../model/ticket-input'
import { parseInput, parseSettings } from './parse-input'

describe('parseInput', () => {
  it('names every field at fault', () => {
    const attempt = () =>
      parseInput(ticketCreateInputSchema, { subject: ' ', description: { text: 1 }, dueAt: '2024-01-01' }, { vendor: 'memory', what: 'ticket' })
    expect(attempt).toThrowError(ValidationError)
    try {
      attempt()
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true)
      if (!ValidationError.isInstance(error)) return
      expect(error.status).toBe(0)
      expect(error.issues.map((issue) => issue.field)).toEqual(['subject', 'description.text', 'dueAt'])
      expect(error.message).toContain('Nothing was sent')
    }
  })
})

describe('parseSettings', () => {
  it('names the option', () => {
    const schema = z.object({ baseUrl: z.url(), auth: z.object({ clientId: z.string() }) })
    try {
      parseSettings(schema, { baseUrl: 'not a url', auth: {} }, { vendor: 'halo' })
      expect.unreachable()
    } catch (error) {
      expect(ConfigurationError.isInstance(error) && error.option).toBe('baseUrl')
      expect(String(error)).toContain('auth.clientId')
    }
  })
})
