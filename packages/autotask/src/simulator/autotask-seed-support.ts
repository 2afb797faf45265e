/** What the directory and ticket seeds share: the MSP's technicians and roles, people's names, record helpers. */
import { blankRecord } from './autotask-record-writer'
import type { AutotaskSimulatorState } from './autotask-simulator-state'

export const day = 24 * 60 * 60 * 1000
export const helpDeskRole = 29683355
export const networkRole = 29683356

/** Technicians of the simulated MSP: [id, first name, last name, active]. */
export const technicians: [number, string, string, boolean][] = [
  [29682833, 'Alex', 'Morgan', true],
  [29682834, 'Priya', 'Raman', true],
  [29682835, 'Tomás', 'Duarte', true],
  [29682836, 'Hannah', 'Becker', true],
  [29682837, 'Kenji', 'Watanabe', false],
  [29682838, 'Fatima', 'Al-Sayed', true],
]

export const firstNames = [
  'Maria',
  'James',
  'Aisha',
  'Lukas',
  'Chen',
  'Olivia',
  'Mateo',
  'Sofia',
  'Noah',
  'Zoë',
  'Ravi',
  'Emma',
  'Jonas',
  'Léa',
  'Omar',
  'Grace',
]
export const lastNames = [
  'García',
  'Smith',
  'Okafor',
  'Schneider',
  'Wei',
  'Brown',
  'Rossi',
  'Novak',
  'Johansson',
  'Dubois',
  'Patel',
  'Kowalski',
  "O'Brien",
  'Tanaka',
  'Haddad',
  'Nguyen',
]

/** A new record of an entity: its blank fields (UDFs included) with these values. */
export function seedRecord(state: AutotaskSimulatorState, entity: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { ...blankRecord(entity, state), ...fields }
}

/** Sets a user-defined field already on the record. */
export function setUserDefined(record: Record<string, unknown>, name: string, value: string | null): void {
  const values = record.userDefinedFields as { name: string; value: string | null }[]
  const entry = values.find((candidate) => candidate.name === name)
  if (entry) entry.value = value
}
