import { type Logger, pino } from 'pino';

/** JSON logs on stdout; secrets that could ride along in objects are redacted by key. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'accredit' },
    redact: {
      paths: [
        '*.authorization',
        '*.cookie',
        '*.password',
        '*.token',
        '*.id_token',
        '*.adminToken',
        '*.ltiKey',
      ],
      censor: '[redacted]',
    },
  });
}
