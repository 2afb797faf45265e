const kibibyte = 1024
const mebibyte = 1024 * 1024

/** A byte count as people read it: `12.4 MB`, `3.9 KB`, `512 bytes` (binary units, as the vendors' limits are set). */
export function describeSize(bytes: number): string {
  const oneDecimal = (value: number) => value.toFixed(1).replace(/\.0$/, '')
  if (bytes >= mebibyte) return `${oneDecimal(bytes / mebibyte)} MB`
  if (bytes >= kibibyte) return `${oneDecimal(bytes / kibibyte)} KB`
  return `${bytes} bytes`
}

/** Every `13002342 bytes` in a text, as a size people read (`12.4 MB`). */
export function withReadableSizes(text: string): string {
  return text.replace(/\b(\d{4,}) bytes\b/g, (_match, bytes: string) => describeSize(Number(bytes)))
}
