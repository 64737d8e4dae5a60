import { Writable } from 'node:stream'
import { pino } from 'pino'
import type { Logger } from '../../server/logger.js'

export interface LogLine {
  level: number
  msg: string
  [field: string]: unknown
}

// A logger whose lines a test can read back.
export function captureLog(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n')) {
        if (text !== '') lines.push(JSON.parse(text) as LogLine)
      }
      done()
    },
  })
  const logger = pino({ level: 'debug', base: undefined }, sink)
  return { logger, lines }
}

export const WARN = 40
export const ERROR = 50
