import type { AdapterWarning } from '@ticketbridge/core'

/** RT records time worked in whole minutes, at least one: the minutes it will keep, with a warning when that differs. */
export function wholeMinutes(minutes: number, warnings: AdapterWarning[]): number {
  const whole = Math.max(1, Math.round(minutes))
  if (whole !== minutes)
    warnings.push({ type: 'converted', field: 'minutes', message: `RT records whole minutes; ${minutes} was recorded as ${whole}.` })
  return whole
}
