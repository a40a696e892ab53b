import type { Config, DatabaseConfig, LrsConfig, NamedEvaluator } from './config.js';
import { ConfigError } from './config-error.js';
import { defaults } from './defaults.js';
import { parseDatabaseUrl } from './parse-database-url.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks every variable at once, so one start reports every problem.
 * Throws ConfigError; never reads `process.env` itself.
 */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const production = value('NODE_ENV') === 'production';

  const port = parsePort(value('PORT'), problems);
  const publicUrl = parsePublicUrl(value('PUBLIC_URL'), port, production, problems);

  let database: DatabaseConfig = { kind: 'sqlite', file: './data/accredit.sqlite' };
  const parsedDb = parseDatabaseUrl(value('DATABASE_URL') ?? defaults.databaseUrl);
  if (typeof parsedDb === 'string') problems.push(`DATABASE_URL: ${parsedDb}`);
  else database = parsedDb;

  const adminToken = value('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16) {
    problems.push('ADMIN_TOKEN: is too short; expected at least 16 characters (e.g. openssl rand -hex 24)');
  }
  const ltiKey = value('LTI_KEY');
  if (ltiKey !== undefined && ltiKey.length < 32) {
    problems.push('LTI_KEY: is too short; expected at least 32 characters (e.g. openssl rand -hex 32)');
  }
  if (production) {
    for (const [name, v] of [
      ['LTI_KEY', ltiKey],
      ['ADMIN_TOKEN', adminToken],
      ['PUBLIC_URL', value('PUBLIC_URL')],
    ] as const) {
      if (v === undefined) problems.push(`${name}: is required when NODE_ENV=production`);
    }
  }

  const lrs = parseLrs(
    value('LRS_ENDPOINT'),
    value('LRS_USERNAME'),
    value('LRS_PASSWORD'),
    production,
    problems,
  );

  const sessionTtlMinutes = parsePositiveInt(
    'SESSION_TTL_MINUTES',
    value('SESSION_TTL_MINUTES'),
    defaults.sessionTtlMinutes,
    problems,
  );
  const outboxLeaseSeconds = parsePositiveInt(
    'OUTBOX_LEASE_SECONDS',
    value('OUTBOX_LEASE_SECONDS'),
    defaults.outboxLeaseSeconds,
    problems,
  );
  const evaluationClaimMinutes = parsePositiveInt(
    'EVALUATION_CLAIM_MINUTES',
    value('EVALUATION_CLAIM_MINUTES'),
    defaults.evaluationClaimMinutes,
    problems,
  );
  const evaluators = parseEvaluators(value('EVALUATORS'), problems);
  const devPlatform = parseDevPlatform(value('DEV_PLATFORM'), production, problems);
  const logLevel = value('LOG_LEVEL') ?? defaults.logLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL: '${logLevel}' is not a level; expected one of fatal, error, warn, info, debug, trace, silent`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    production,
    port,
    publicUrl,
    database,
    adminToken,
    ltiKey,
    lrs,
    contentDir: value('CONTENT_DIR') ?? defaults.contentDir,
    dataDir: value('DATA_DIR') ?? defaults.dataDir,
    logLevel,
    sessionTtlMinutes,
    outboxLeaseSeconds,
    evaluationClaimMinutes,
    evaluators,
    devPlatform,
  };
}

/** DEV_PLATFORM: on or off; in production only an explicit 'on' turns it on. */
function parseDevPlatform(raw: string | undefined, production: boolean, problems: string[]): boolean {
  const mode = raw?.toLowerCase() ?? defaults.devPlatform[production ? 'production' : 'development'];
  if (mode !== 'on' && mode !== 'off') {
    problems.push(
      `DEV_PLATFORM: '${raw}' is neither on nor off; expected on (serve the development LTI platform at /dev) or off`,
    );
    return false;
  }
  return mode === 'on';
}

/** EVALUATORS: comma-separated `<issuer>#<subject>` entries, e.g. `https://canvas.instructure.com#1234`. */
function parseEvaluators(raw: string | undefined, problems: string[]): NamedEvaluator[] {
  if (raw === undefined || raw.trim() === '') return [];
  const evaluators: NamedEvaluator[] = [];
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const hash = entry.lastIndexOf('#');
    const issuer = hash > 0 ? entry.slice(0, hash) : '';
    const subject = hash > 0 ? entry.slice(hash + 1) : '';
    if (!/^https?:\/\/\S+$/.test(issuer) || subject === '') {
      problems.push(
        `EVALUATORS: '${entry}' is not <issuer>#<subject>; expected e.g. https://lms.example.com#user-42, entries separated by commas`,
      );
      continue;
    }
    evaluators.push({ issuer, subject });
  }
  return evaluators;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return defaults.port;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535) {
    problems.push(`PORT: '${raw}' is not a port; expected a whole number from 0 to 65535`);
    return defaults.port;
  }
  return n;
}

function parsePublicUrl(
  raw: string | undefined,
  port: number,
  production: boolean,
  problems: string[],
): string {
  if (raw === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`PUBLIC_URL: '${raw}' is not an absolute URL; expected e.g. https://accredit.example.com`);
    return raw;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`PUBLIC_URL: '${raw}' must use http or https`);
  } else if (production && url.protocol !== 'https:') {
    problems.push(
      `PUBLIC_URL: '${raw}' must use https when NODE_ENV=production (LMS iframes need secure cookies)`,
    );
  }
  if (url.search !== '' || url.hash !== '')
    problems.push(`PUBLIC_URL: '${raw}' must not carry a query or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseLrs(
  endpoint: string | undefined,
  username: string | undefined,
  password: string | undefined,
  production: boolean,
  problems: string[],
): LrsConfig | undefined {
  if (endpoint === undefined) {
    if (username !== undefined || password !== undefined) {
      problems.push('LRS_ENDPOINT: is required when LRS_USERNAME or LRS_PASSWORD is set');
    }
    return undefined;
  }
  const ok = isAbsoluteUrl(endpoint, production);
  if (ok !== true) problems.push(`LRS_ENDPOINT: '${endpoint}' ${ok}`);
  if ((username === undefined) !== (password === undefined)) {
    problems.push('LRS_USERNAME and LRS_PASSWORD: set both or neither');
  }
  return { endpoint: endpoint.replace(/\/+$/, ''), username, password };
}

function parsePositiveInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    problems.push(`${name}: '${raw}' is not a positive whole number`);
    return fallback;
  }
  return Number(raw);
}

/** True, or the reason the value is not an acceptable absolute URL. */
export function isAbsoluteUrl(value: string, httpsRequired: boolean): true | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL; expected e.g. https://host/path';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (httpsRequired && url.protocol !== 'https:') return 'must use https in production';
  return true;
}
