import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { kill, spawnTool, untilListening } from '../support/run-tool-process.js';

describe('the tool process', () => {
  it('starts with no environment at all on the embedded SQLite default and serves /healthz and a JWKS', async () => {
    const run = spawnTool({ PORT: '0' });
    try {
      const port = await untilListening(run);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).to.equal(200);
      expect(await health.json()).to.deep.equal({ status: 'ok' });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).to.deep.equal({ status: 'ready', database: 'sqlite' });
      const keys = (await (await fetch(`http://127.0.0.1:${port}/lti/keys`)).json()) as {
        keys: Record<string, unknown>[];
      };
      expect(keys.keys).to.have.length(1);
      expect(keys.keys[0]).to.include({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(keys.keys[0]).to.not.have.any.keys('d', 'p', 'q', 'dp', 'dq', 'qi');
    } finally {
      kill(run.child);
    }
  });

  it('stops on SIGTERM: closes the server and the database, exit code 0', async () => {
    const run = spawnTool({ PORT: '0' });
    const port = await untilListening(run);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).to.equal(0);
    expect(run.output.stdout).to.contain('shutting down').and.contain('"msg":"stopped"');
  });

  it('keeps the generated development keys across restarts', async () => {
    const first = spawnTool({ PORT: '0' });
    const port1 = await untilListening(first);
    const keys1 = await (await fetch(`http://127.0.0.1:${port1}/lti/keys`)).json();
    first.child.kill('SIGTERM');
    await first.exited;
    const second = spawnTool({ PORT: '0' }, first.cwd);
    try {
      const port2 = await untilListening(second);
      expect(await (await fetch(`http://127.0.0.1:${port2}/lti/keys`)).json()).to.deep.equal(keys1);
    } finally {
      kill(second.child);
    }
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    [
      'an invalid PORT',
      { PORT: 'http' },
      /^accredit: Invalid configuration:\n {2}- PORT: 'http' is not a port; expected a whole number from 0 to 65535\n$/,
    ],
    [
      'a malformed DATABASE_URL',
      { DATABASE_URL: 'postgres//nohost' },
      /DATABASE_URL: 'postgres\/\/nohost' is not a database URL; expected sqlite:/,
    ],
    [
      'an unreachable database',
      { PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' },
      /^accredit: DATABASE_URL: cannot open the database at postgres:\/\/postgres@127\.0\.0\.1:1\/test \(.*ECONNREFUSED.*\); check that it runs and that the URL is right\.\n$/,
    ],
    [
      'production without its secrets',
      { NODE_ENV: 'production' },
      /LTI_KEY: is required when NODE_ENV=production\n {2}- ADMIN_TOKEN: is required when NODE_ENV=production\n {2}- PUBLIC_URL: is required when NODE_ENV=production/,
    ],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses to start with ${name}: a clear message and exit code 1`, async () => {
      const run = spawnTool(env);
      expect(await run.exited).to.equal(1);
      expect(run.output.stderr).to.match(message);
    });
  }

  it('refuses to start on broken content, naming the file and the path: exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accredit-broken-content-'));
    cpSync('test/fixtures/program', dir, { recursive: true });
    const file = join(dir, 'courses/pipelines.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('stem: Which stage runs first?', 'stem: ""'));
    const run = spawnTool({ PORT: '0', CONTENT_DIR: dir });
    expect(await run.exited).to.equal(1);
    expect(run.output.stderr).to.equal(
      `accredit: The program content is invalid (1 problem):\n  ${file}: questions[0].stem: must not be empty\n`,
    );
  });

  it('refuses to start on a port already in use', async () => {
    const first = spawnTool({ PORT: '0' });
    try {
      const port = await untilListening(first);
      const second = spawnTool({ PORT: String(port) });
      expect(await second.exited).to.equal(1);
      expect(second.output.stderr).to.equal(
        `accredit: PORT: ${port} is already in use; set PORT to a free port.\n`,
      );
    } finally {
      kill(first.child);
    }
  });
});
