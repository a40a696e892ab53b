import type { DatabaseConfig } from './config.js';

const expected =
  'expected sqlite:./data/accredit.sqlite, postgres://user@host:5432/database or mongodb://host/database';

/** Turns DATABASE_URL into a backend choice, or a sentence saying what is wrong with it. */
export function parseDatabaseUrl(value: string): DatabaseConfig | string {
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file === '') return `'${value}' names no file; ${expected}`;
    return { kind: 'sqlite', file };
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `'${redact(value)}' is not a valid URL; ${expected}`;
    }
    if (url.hostname === '') return `'${redact(value)}' has no host; ${expected}`;
    if (url.port !== '' && !/^\d+$/.test(url.port))
      return `'${redact(value)}' has an invalid port; ${expected}`;
    return { kind: 'postgres', url: value };
  }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    return 'MongoDB storage is not available in this version yet; use sqlite:… or postgres://…';
  }
  return `'${redact(value)}' is not a database URL; ${expected}`;
}

/** Hides a password so a configuration error never prints it. */
export function redact(value: string): string {
  return value.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
