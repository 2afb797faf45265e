/**
 * A file name for REST2's JSON `Attachments[].FileName`. RT builds a MIME entity from it and a
 * raw non-ASCII name comes back mangled (`notes-ü.txt` is stored as `notes-�.txt` on RT 5.0.3),
 * while an RFC 2047 encoded word is decoded on the way in and stored exactly. ASCII names are
 * sent as they are.
 */
export function encodeRest2FileName(filename: string): string {
  // Printable ASCII without the characters that would end or confuse an encoded word.
  if (/^[\x20-\x7e]*$/.test(filename) && !filename.includes('=?')) return filename
  return `=?UTF-8?B?${Buffer.from(filename, 'utf8').toString('base64')}?=`
}
