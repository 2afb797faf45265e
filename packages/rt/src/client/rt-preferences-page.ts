/**
 * The time zones on RT's preferences page (`/Prefs/AboutMe.html`, RT 5's "About me"): its
 * `<select name="Timezone">` offers the server's `$Timezone` as the empty option, labelled
 * `System Default (America/New_York)` (the words are translated, the zone in brackets is not),
 * and marks the user's own choice `selected="selected"`, when they made one.
 */
export interface RtTimeZonePreference {
  /** The server's `$Timezone`, from the empty option's label. */
  system?: string
  /** The user's own zone, if they chose one. */
  user?: string
}

/** The zones the page shows; `undefined` when it has no time zone select (a login page, an error). */
export function readRtTimeZonePreference(html: string): RtTimeZonePreference | undefined {
  const select = /<select\b[^>]*\bname=["']Timezone["'][^>]*>([\s\S]*?)<\/select>/i.exec(html)
  if (!select) return undefined
  const preference: RtTimeZonePreference = {}
  for (const option of select[1]!.matchAll(/<option\b([^>]*)>([^<]*)/gi)) {
    const attributes = option[1]!
    const value = /\bvalue=["']([^"']*)["']/i.exec(attributes)?.[1]?.trim() ?? ''
    if (value === '') {
      const system = /\(([^()]+)\)\s*$/.exec(option[2]!.trim())?.[1]?.trim()
      if (system) preference.system = system
    } else if (/\bselected\b/i.test(attributes)) {
      preference.user = value
    }
  }
  return preference
}
