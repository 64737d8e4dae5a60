import { pino } from 'pino'

export type Logger = pino.Logger
export type LogLevel = pino.LevelWithSilent

// One named logger per area; lines are short and carry values as fields.
export function createLogger(level: LogLevel = 'info'): Logger {
  return pino({
    name: 'tradepost',
    level,
    base: undefined,
    redact: ['password', 'token', 'merchantKey', '*.password', '*.token'],
  })
}
