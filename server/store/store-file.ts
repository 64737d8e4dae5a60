import { createHash } from 'node:crypto'

// The envelope of the shop's own snapshot files: a format version and the
// SHA-256 of the document's JSON, ahead of the document itself:
//
//   {"v":1,"sha256":"<64 hex digits>","doc":<the document's JSON>}
//
// The shop writes these files only from state it has already checked, so
// a file whose checksum matches is exactly what the shop wrote, and it is
// loaded with a shape check instead of the full schema (which costs more
// than reading and parsing together: over half of a 100,000-trade start).
// The checksum also catches what a schema cannot: a flipped digit in a
// price or a status changed by hand. A file without the envelope (written
// by hand, or by an earlier version) is checked against the full schema.
export const FORMAT_VERSION = 1

const PREFIX = `{"v":${FORMAT_VERSION},"sha256":"`
const MIDDLE = '","doc":'
const HEX_LENGTH = 64
const BODY_START = PREFIX.length + HEX_LENGTH + MIDDLE.length
const PREFIX_BYTES = Buffer.from(PREFIX)
const MIDDLE_BYTES = Buffer.from(MIDDLE)

export function storeFileText(doc: unknown): string {
  const body = JSON.stringify(doc)
  const sum = createHash('sha256').update(body).digest('hex')
  return `${PREFIX}${sum}${MIDDLE}${body}}`
}

// What a file holds: `sealed` when it carries the envelope and its
// checksum matches, `plain` when it has no envelope (to be checked by the
// schema). Throws when the envelope is there but the bytes do not match
// it, or the text is not JSON.
export type Opened =
  | { kind: 'sealed'; doc: unknown }
  | { kind: 'plain'; raw: unknown }

export function openStoreFile(bytes: Buffer): Opened {
  if (!hasEnvelope(bytes)) {
    return { kind: 'plain', raw: JSON.parse(bytes.toString('utf8')) }
  }
  const end = bytes.length - 1
  if (bytes[end] !== 0x7d) throw new Error('the file is cut short')
  const want = bytes.toString('latin1', PREFIX.length, PREFIX.length + HEX_LENGTH)
  const body = bytes.subarray(BODY_START, end)
  const got = createHash('sha256').update(body).digest('hex')
  if (got !== want) {
    throw new Error('its checksum does not match its contents')
  }
  return { kind: 'sealed', doc: JSON.parse(body.toString('utf8')) }
}

function hasEnvelope(bytes: Buffer): boolean {
  if (bytes.length < BODY_START + 1) return false
  if (!bytes.subarray(0, PREFIX.length).equals(PREFIX_BYTES)) return false
  const middleAt = PREFIX.length + HEX_LENGTH
  return bytes.subarray(middleAt, BODY_START).equals(MIDDLE_BYTES)
}
