import { ConfigurationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { parseMappingFile } from './load-mapping-file'

describe('parseMappingFile', () => {
  it('reads YAML and JSON with defaults for silent sections', () => {
    const yaml = parseMappingFile(
      'statuses:\n  Parked: { category: pending }\n  Waiting: Pending\npeople:\n  default: { email: migration@acme.example }\n',
    )
    expect(yaml.statuses).toEqual({ Parked: { category: 'pending' }, Waiting: 'Pending' })
    expect(yaml.people.default).toEqual({ email: 'migration@acme.example' })
    expect(yaml.options).toEqual({ createPeople: true, createOrganizations: true })
    expect(parseMappingFile('{"priorities": {"P1": {"level": "urgent"}}}').priorities).toEqual({ P1: { level: 'urgent' } })
  })

  it('names the field and the line of a mistake', () => {
    const text = 'statuses:\n  New: New\n  Parked: { category: parked }\nqueues: {}\n'
    expect(() => parseMappingFile(text, 'mapping.yaml')).toThrowError(ConfigurationError)
    try {
      parseMappingFile(text, 'mapping.yaml')
    } catch (error) {
      expect(String(error)).toContain('mapping.yaml line 3, statuses.Parked')
      expect(ConfigurationError.isInstance(error) && error.option).toBe('mapping.statuses.Parked')
    }
  })

  it('refuses unknown sections and broken syntax with their line', () => {
    expect(() => parseMappingFile('statuses: {}\npriorites: {}\n', 'm.yaml')).toThrowError(/m\.yaml line 2, priorites: Unrecognized key/)
    expect(() => parseMappingFile('statuses: [unclosed\n', 'm.yaml')).toThrowError(/m\.yaml line \d+ is not valid YAML or JSON/)
  })
})
