import type { PriorityLevel } from '@ticketbridge/core'

/** Most urgent first, as Halo numbers its priorities. */
const levelsByRank: readonly PriorityLevel[] = ['urgent', 'high', 'normal', 'low']

/** One of the instance's priorities, as the level mapping sees it. */
export interface HaloPriorityEvidence {
  /** The ticket-facing `priorityid`, as text. */
  id: string
  name: string
}

const levelsByWords: [PriorityLevel, RegExp][] = [
  ['urgent', /crit|urgent|emergenc|immediate|highest|\bp0\b|\bp1\b|sev(erity)?\s*-?\s*1\b|priority\s*1\b|^1\b/],
  ['high', /\bhigh|major|important|\bp2\b|sev(erity)?\s*-?\s*2\b|priority\s*2\b|^2\b/],
  ['low', /\blow|minor|trivial|planned|backlog|lowest|\bp4\b|\bp5\b|sev(erity)?\s*-?\s*[45]\b|priority\s*[45]\b|^[45]\b/],
  ['normal', /medium|normal|moderate|standard|average|\bp3\b|sev(erity)?\s*-?\s*3\b|priority\s*3\b|^3\b/],
]

/**
 * Levels of the instance's priorities, never from fixed ids:
 * 1. the caller's `priorityLevels` setting, by id or name;
 * 2. the name: "Critical"/"Urgent"/"P1" are urgent, "High"/"P2" high, "Medium"/"Normal"/"P3"
 *    normal, "Low"/"P4" low;
 * 3. the rest by rank: Halo numbers priorities from the most urgent (1) down, so the remaining
 *    ones are spread over the four levels in `priorityid` order.
 */
export function mapHaloPriorityLevels(
  priorities: readonly HaloPriorityEvidence[],
  overrides: Readonly<Record<string, PriorityLevel>> = {},
): Map<string, PriorityLevel> {
  const levels = new Map<string, PriorityLevel>()
  const ranked = [...priorities].sort((left, right) => Number(left.id) - Number(right.id) || left.id.localeCompare(right.id))
  for (const priority of ranked) {
    const override =
      overrides[priority.id] ?? Object.entries(overrides).find(([key]) => key.trim().toLowerCase() === priority.name.trim().toLowerCase())?.[1]
    if (override !== undefined) {
      levels.set(priority.id, override)
      continue
    }
    const name = priority.name.trim().toLowerCase()
    const byWords = levelsByWords.find(([, pattern]) => pattern.test(name))?.[0]
    if (byWords !== undefined) levels.set(priority.id, byWords)
  }
  ranked.forEach((priority, index) => {
    if (levels.has(priority.id)) return
    // urgent, high, normal, low: spread by position in the ranking.
    const position = ranked.length <= 1 ? 2 : Math.round((index / (ranked.length - 1)) * 3)
    levels.set(priority.id, levelsByRank[Math.min(3, Math.max(0, position))]!)
  })
  return levels
}
