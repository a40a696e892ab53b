import { expect } from 'chai';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('needs no variable in development', () => {
    const config = loadConfig({});
    expect(config).to.deep.include({
      production: false,
      port: 3000,
      publicUrl: 'http://localhost:3000',
      database: { kind: 'sqlite', file: './data/accredit.sqlite' },
      adminToken: undefined,
      ltiKey: undefined,
      lrs: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      PUBLIC_URL: 'https://accredit.example.com/',
      DATABASE_URL: 'postgres://app:secret@db:5432/accredit',
      ADMIN_TOKEN: 'a'.repeat(24),
      LTI_KEY: 'k'.repeat(40),
      LRS_ENDPOINT: 'https://lrs.example.com/xapi/',
      LRS_USERNAME: 'key',
      LRS_PASSWORD: 'secret',
      CONTENT_DIR: '/srv/content',
      EVALUATION_CLAIM_MINUTES: '45',
      EVALUATORS: 'https://canvas.instructure.com#1234, https://lms.example.com/moodle#evaluator-7',
    });
    expect(config).to.deep.include({
      evaluationClaimMinutes: 45,
      evaluators: [
        { issuer: 'https://canvas.instructure.com', subject: '1234' },
        { issuer: 'https://lms.example.com/moodle', subject: 'evaluator-7' },
      ],
      production: true,
      port: 8080,
      publicUrl: 'https://accredit.example.com',
      database: { kind: 'postgres', url: 'postgres://app:secret@db:5432/accredit' },
      lrs: { endpoint: 'https://lrs.example.com/xapi', username: 'key', password: 'secret' },
      contentDir: '/srv/content',
    });
  });

  const bad: [string, Record<string, string>, string][] = [
    [
      'a port that is not a number',
      { PORT: 'eighty' },
      "PORT: 'eighty' is not a port; expected a whole number from 0 to 65535",
    ],
    [
      'a port out of range',
      { PORT: '70000' },
      "PORT: '70000' is not a port; expected a whole number from 0 to 65535",
    ],
    [
      'a database URL of an unknown kind',
      { DATABASE_URL: 'mysql://root@localhost/db' },
      "DATABASE_URL: 'mysql://root@localhost/db' is not a database URL; expected sqlite:./data/accredit.sqlite, postgres://user@host:5432/database or mongodb://host/database",
    ],
    [
      'a malformed PostgreSQL URL, with its password hidden',
      { DATABASE_URL: 'postgres://app:hunter2@:5432' },
      "DATABASE_URL: 'postgres://app:***@:5432' is not a valid URL; expected sqlite:./data/accredit.sqlite, postgres://user@host:5432/database or mongodb://host/database",
    ],
    [
      'MongoDB, not available yet',
      { DATABASE_URL: 'mongodb://localhost/accredit' },
      'DATABASE_URL: MongoDB storage is not available in this version yet; use sqlite:… or postgres://…',
    ],
    [
      'a relative public URL',
      { PUBLIC_URL: 'accredit.example.com' },
      "PUBLIC_URL: 'accredit.example.com' is not an absolute URL; expected e.g. https://accredit.example.com",
    ],
    [
      'a short ADMIN_TOKEN',
      { ADMIN_TOKEN: 'short' },
      'ADMIN_TOKEN: is too short; expected at least 16 characters (e.g. openssl rand -hex 24)',
    ],
    [
      'a short LTI_KEY',
      { LTI_KEY: 'short' },
      'LTI_KEY: is too short; expected at least 32 characters (e.g. openssl rand -hex 32)',
    ],
    [
      'an LRS password without endpoint',
      { LRS_PASSWORD: 'x' },
      'LRS_ENDPOINT: is required when LRS_USERNAME or LRS_PASSWORD is set',
    ],
    [
      'an evaluator entry without its subject',
      { EVALUATORS: 'https://canvas.instructure.com' },
      "EVALUATORS: 'https://canvas.instructure.com' is not <issuer>#<subject>; expected e.g. https://lms.example.com#user-42, entries separated by commas",
    ],
    [
      'a claim time that is not a number',
      { EVALUATION_CLAIM_MINUTES: 'an hour' },
      "EVALUATION_CLAIM_MINUTES: 'an hour' is not a positive whole number",
    ],
    [
      'an unknown log level',
      { LOG_LEVEL: 'loud' },
      "LOG_LEVEL: 'loud' is not a level; expected one of fatal, error, warn, info, debug, trace, silent",
    ],
  ];
  for (const [name, env, problem] of bad) {
    it(`refuses ${name}, naming the variable`, () => {
      expect(problemsOf(env)).to.deep.equal([problem]);
    });
  }

  it('requires LTI_KEY, ADMIN_TOKEN and PUBLIC_URL in production, all reported at once', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).to.deep.equal([
      'LTI_KEY: is required when NODE_ENV=production',
      'ADMIN_TOKEN: is required when NODE_ENV=production',
      'PUBLIC_URL: is required when NODE_ENV=production',
    ]);
  });

  it('requires https for the public URL in production', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        PUBLIC_URL: 'http://accredit.example.com',
        LTI_KEY: 'k'.repeat(40),
        ADMIN_TOKEN: 'a'.repeat(20),
      }),
    ).to.deep.equal([
      "PUBLIC_URL: 'http://accredit.example.com' must use https when NODE_ENV=production (LMS iframes need secure cookies)",
    ]);
  });
});
