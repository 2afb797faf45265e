import { ConfigurationError, ValidationError } from '@ticketbridge/core'
import { describe, expect, it } from 'vitest'
import { namingEnvironmentVariable, textsFromEnvironment, withEnvironmentSettings } from './settings-from-environment'

const variables = {
  url: { environment: 'ACME_URL', secret: false, required: true, description: 'the address' },
  token: { environment: 'ACME_TOKEN', secret: true, description: 'a token' },
  user: { environment: 'ACME_USER', secret: false, description: 'a user name' },
  pageSize: { environment: 'ACME_PAGE_SIZE', secret: false, description: 'items a page' },
}
type Name = 'url' | 'token' | 'user' | 'pageSize'

const fill = {
  vendor: 'acme',
  vendorTitle: 'Acme',
  names: ['url', 'token', 'user', 'pageSize'] as Name[],
  read: (environment: Record<string, string | undefined>) => {
    const texts = textsFromEnvironment(variables, environment)
    return { ...texts, pageSize: texts.pageSize === undefined ? undefined : Number(texts.pageSize) }
  },
}
const environment = { ACME_URL: 'https://acme.example.com', ACME_TOKEN: 'environment-token-3e8c1a', ACME_USER: 'sam', ACME_PAGE_SIZE: '50' }

describe('textsFromEnvironment', () => {
  it('reads the listed variables by setting name, an empty one as unset, and nothing else', () => {
    expect(textsFromEnvironment(variables, { ACME_URL: 'https://acme.example.com', ACME_TOKEN: '', ACME_OTHER: 'x' })).toEqual({
      url: 'https://acme.example.com',
    })
    expect(textsFromEnvironment(variables, {})).toEqual({})
  })
})

describe('withEnvironmentSettings', () => {
  it('fills what the settings leave out, typed by the vendor, and says which came from the environment', () => {
    const { settings, fromEnvironment } = withEnvironmentSettings({ timeoutMs: 5 }, environment, fill)
    expect(settings).toEqual({ timeoutMs: 5, url: 'https://acme.example.com', token: 'environment-token-3e8c1a', user: 'sam', pageSize: 50 })
    expect(fromEnvironment).toEqual(['url', 'token', 'user', 'pageSize'])
  })

  it('counts an empty variable as unset', () => {
    const { settings, fromEnvironment } = withEnvironmentSettings({}, { ...environment, ACME_TOKEN: '', ACME_PAGE_SIZE: '' }, fill)
    expect(settings).toEqual({ url: 'https://acme.example.com', user: 'sam' })
    expect(fromEnvironment).toEqual(['url', 'user'])
  })

  it('lets given settings win, and reads only the names asked for', () => {
    const { settings, fromEnvironment } = withEnvironmentSettings({ url: 'https://given.example.com', pageSize: 10 }, environment, {
      ...fill,
      names: ['url', 'token', 'pageSize'],
    })
    expect(settings).toEqual({ url: 'https://given.example.com', token: 'environment-token-3e8c1a', pageSize: 10 })
    expect(fromEnvironment).toEqual(['token'])
  })

  it('leaves out the names the vendor’s rule skips, judged by what was given', () => {
    // A token given takes no user name from the environment: they belong to different sign-ins.
    const skip = (given: Readonly<Record<string, unknown>>) => (given.token === undefined ? [] : ['user'])
    const withToken = withEnvironmentSettings({ token: 'given-token-7f2d' }, environment, { ...fill, skip })
    expect(withToken.settings).toEqual({ token: 'given-token-7f2d', url: 'https://acme.example.com', pageSize: 50 })
    expect(withToken.fromEnvironment).toEqual(['url', 'pageSize'])
    expect(withEnvironmentSettings({}, environment, { ...fill, skip }).fromEnvironment).toContain('user')
  })

  it('refuses an environment that is not an object, before reading it', () => {
    for (const wrong of [undefined, null, 'ACME_URL=https://acme.example.com', 3]) {
      let read = false
      const attempt = () => withEnvironmentSettings({}, wrong as never, { ...fill, read: () => ((read = true), {}) })
      expect(attempt).toThrow(ConfigurationError)
      expect(attempt).toThrow('Invalid Acme settings (environment): must be an object of variables, such as process.env.')
      try {
        attempt()
      } catch (error) {
        expect(error).toMatchObject({ vendor: 'acme', option: 'environment' })
      }
      expect(read).toBe(false)
    }
  })
})

describe('namingEnvironmentVariable', () => {
  const naming = { vendor: 'acme', variableOf: (name: Name) => variables[name].environment }

  it('names the variable an option, or a field under it, was read from, and never its value', () => {
    const wrong = new ConfigurationError('Invalid Acme settings (pageSize): must be a positive integer.', { vendor: 'acme', option: 'pageSize' })
    const named = namingEnvironmentVariable(wrong, ['url', 'pageSize'], naming)
    expect(ConfigurationError.isInstance(named)).toBe(true)
    expect(named).toMatchObject({
      vendor: 'acme',
      option: 'pageSize',
      message: 'Invalid Acme settings (pageSize): must be a positive integer. pageSize was read from ACME_PAGE_SIZE.',
    })
    const nested = new ConfigurationError('Invalid Acme settings (token.value): too short.', { vendor: 'acme', option: 'token.value' })
    const namedNested = namingEnvironmentVariable(nested, ['token'], naming) as ConfigurationError
    expect(namedNested.message).toBe('Invalid Acme settings (token.value): too short. token was read from ACME_TOKEN.')
    expect(namedNested.message).not.toContain(environment.ACME_TOKEN)
    expect(namedNested.option).toBe('token.value')
  })

  it('passes through errors about options the caller gave, without an option, and of other kinds', () => {
    const given = new ConfigurationError('Invalid Acme settings (url): not a URL.', { vendor: 'acme', option: 'url' })
    expect(namingEnvironmentVariable(given, ['token'], naming)).toBe(given)
    // `urlPath` is not under `url`: only a whole option or a dotted field under it matches.
    const prefixed = new ConfigurationError('Invalid Acme settings (urlPath): wrong.', { vendor: 'acme', option: 'urlPath' })
    expect(namingEnvironmentVariable(prefixed, ['url'], naming)).toBe(prefixed)
    const withoutOption = new ConfigurationError('Invalid Acme settings.', { vendor: 'acme' })
    expect(namingEnvironmentVariable(withoutOption, ['url'], naming)).toBe(withoutOption)
    const validation = new ValidationError('Acme refused the ticket.', { vendor: 'acme', status: 400 })
    expect(namingEnvironmentVariable(validation, ['url'], naming)).toBe(validation)
    const plain = new TypeError('url is not a function')
    expect(namingEnvironmentVariable(plain, ['url'], naming)).toBe(plain)
  })
})
