import { describe, expect, it } from 'vitest'
import { captureLogs } from './capture-logs'

describe('captureLogs', () => {
  it('keeps each call as one line with its level and nested fields', () => {
    const { logger, lines } = captureLogs()
    logger.warn('retrying', { request: { headers: { authorization: 'Bearer deep' } } })
    logger.info('done')
    expect(lines).toEqual([expect.stringMatching(/^warn retrying .*Bearer deep/), 'info done {}'])
  })
})
