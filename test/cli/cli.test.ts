import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { openSqlStorage } from '../../src/storage/sql/sql-storage.js';

const cli = resolve('dist/src/cli/main.js');

describe('accredit CLI', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}` },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const add = [
    'platform',
    'add',
    '--issuer',
    'https://lms.example.com',
    '--client-id',
    'c-1',
    '--name',
    'Example LMS',
    '--auth-login-url',
    'https://lms.example.com/auth',
    '--access-token-url',
    'https://lms.example.com/token',
    '--jwks-url',
    'https://lms.example.com/jwks',
    '--deployment-id',
    'd-1',
    '--deployment-id',
    'd-2',
  ];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accredit-cli-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds, lists and removes a platform', () => {
    const added = run(...add, '--json');
    expect(added.code, added.stderr).to.equal(0);
    const platform = JSON.parse(added.stdout) as { id: string; deploymentIds: string[] };
    expect(platform.deploymentIds).to.deep.equal(['d-1', 'd-2']);

    const listed = run('platform', 'list');
    expect(listed.code).to.equal(0);
    expect(listed.stdout).to.equal(
      `${platform.id}  Example LMS\n  issuer https://lms.example.com, client id c-1\n  deployments: d-1, d-2\n`,
    );

    expect(run('platform', 'remove', platform.id)).to.deep.equal({
      code: 0,
      stdout: `Removed platform ${platform.id}\n`,
      stderr: '',
    });
    expect(run('platform', 'list').stdout).to.equal(
      "No platform is registered yet; add one with 'accredit platform add' (see 'accredit help').\n",
    );
  });

  it('refuses a second registration of the same issuer and client id', () => {
    expect(run(...add).code).to.equal(0);
    const again = run(...add);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.match(
      /^accredit: A platform with issuer 'https:\/\/lms\.example\.com' and client id 'c-1' is already registered \(id [\w-]+, 'Example LMS'\); remove it first or use another client id\.\n$/,
    );
  });

  it('validates every field as the admin API does', () => {
    const bad = run('platform', 'add', '--issuer', 'lms.example.com', '--client-id', 'c-1');
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.equal(
      'accredit: The platform registration is invalid: issuer: is not an absolute URL; expected e.g. https://host/path; name: is required; authLoginUrl: is required; accessTokenUrl: is required; jwksUrl: is required.\n',
    );
    expect(run('platform', 'list', '--json').stdout).to.equal('{\n  "platforms": []\n}\n');
  });

  it('explains its usage on an unknown command or option', () => {
    const unknown = run('platform', 'frob');
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.match(
      /^accredit: unknown platform command 'frob'\n\nUsage: accredit <command>/,
    );
    const option = run('platform', 'list', '--colour');
    expect(option.code).to.equal(2);
    expect(option.stderr).to.contain("Unknown option '--colour'");
  });

  it('validates the program content alone with content validate', () => {
    const ok = run('content', 'validate', 'test/fixtures/program');
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(
      /^test\/fixtures\/program is valid: 2 courses \(6 questions\), 1 accreditations; content version [0-9a-f]{16}\n$/,
    );
    const bad = run('content', 'validate', dir);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.equal(
      `accredit: The program content is invalid (1 problem):\n  ${dir}: has no courses/ folder (CONTENT_DIR must point at the program's files)\n`,
    );
  });

  it('shows the outbox and sends dead entries again', async () => {
    const storage = await openSqlStorage({ kind: 'sqlite', file: join(dir, 'cli.sqlite') });
    const t0 = new Date('2026-01-01T00:00:00.000Z');
    await storage.outbox.enqueue(
      [
        { id: 'e-1', target: 'xapi', kind: 'passed', payload: '{}' },
        { id: 'e-2', target: 'xapi', kind: 'answered', payload: '{}' },
      ],
      t0,
    );
    await storage.outbox.claim('xapi', 'o', t0, new Date('2026-01-01T00:01:00.000Z'), 1);
    await storage.outbox.markDead('e-1', 'o', 'LRS answered 400: bad statement', t0);
    await storage.close();

    const status = run('outbox', 'status');
    expect(status.code, status.stderr).to.equal(0);
    expect(status.stdout).to.equal(
      [
        'xapi  dead            1  oldest 2026-01-01T00:00:00.000Z',
        'xapi  pending         1  oldest 2026-01-01T00:00:00.000Z',
        '',
        'Dead (first 1):',
        '  e-1  passed  tried 1×  LRS answered 400: bad statement',
        '',
      ].join('\n'),
    );
    expect(run('outbox', 'retry-dead').stdout).to.equal('1 dead entries will be sent again now.\n');
    expect(run('outbox', 'retry', 'e-2', 'nope').stdout).to.equal('1 of 2 entries will be sent again now.\n');
    expect(run('outbox', 'status').stdout).to.equal(
      'xapi  pending         2  oldest 2026-01-01T00:00:00.000Z\n',
    );
  });

  it('says so when the platform to remove does not exist', () => {
    const res = run('platform', 'remove', 'nope');
    expect(res.code).to.equal(1);
    expect(res.stderr).to.equal(
      "accredit: No platform has id 'nope'; list them with GET /api/admin/platforms or 'accredit platform list'.\n",
    );
  });
});
