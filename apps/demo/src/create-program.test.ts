import { describe, expect, it } from 'vitest'
import { createProgram, everyCommand } from './create-program'

/** Every command's full `--help`, the text commander adds after the options included. */
function helpOf(command: ReturnType<typeof createProgram>): string {
  let text = ''
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: (chunk) => (text += chunk) })
  command.outputHelp()
  return text
}

describe('ticketbridge --help', () => {
  const commands = everyCommand(createProgram()).filter((command) => command.name() !== 'help')

  it('gives every command a description', () => {
    const without = commands.filter((command) => command.description().trim() === '').map((command) => command.name())
    expect(without).toEqual([])
  })

  it('gives every command that does something examples, and the environment it reads where it talks to a vendor', () => {
    const leaves = commands.filter((command) => command.commands.length === 0)
    expect(leaves.length).toBeGreaterThan(30)
    for (const command of leaves) {
      const help = helpOf(command)
      expect(help, command.name()).toContain('Examples:\n  $ ticketbridge ')
      if (command.options.some((option) => option.long === '--secrets-file')) expect(help, command.name()).toMatch(/Environment:\n/)
    }
  })
})
