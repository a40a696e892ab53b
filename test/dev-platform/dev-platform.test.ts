import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { decodeJwt, generateKeyPair, importJWK, SignJWT } from 'jose';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { devLrsCredentials } from '../../src/dev-platform/dev-lrs-credentials.js';
import type { Platform } from '../../src/domain/platform.js';
import { ServiceTokens } from '../../src/lti/service-tokens.js';
import { ToolKeyRing } from '../../src/lti/tool-key-ring.js';
import { systemClock } from '../../src/ports/clock.js';
import { SecretBox } from '../../src/security/secret-box.js';
import { passWritten } from '../practical/practical-support.js';
import { sessionApi } from '../support/learner-api.js';
import { testDatabases } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { Browser, type DevTool, devLaunch, ltiKey, startDevTool } from './dev-tool.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;
// biome-ignore lint/suspicious/noExplicitAny: answers are read back as loose JSON.
type Json = Record<string, any>;

const productionEnv = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://accredit.example.com',
  LTI_KEY: ltiKey,
  ADMIN_TOKEN: 'admin-token-0123456789abcdef',
};

function temporaryDir(): string {
  return mkdtempSync(join(tmpdir(), 'accredit-dev-platform-'));
}

async function platforms(tool: DevTool): Promise<Json[]> {
  return ((await (await tool.admin('GET', '/api/admin/platforms')).json()) as Json).platforms;
}

describe('DEV_PLATFORM', () => {
  it('is on in development and refused in production unless set to on', () => {
    expect(loadConfig({}).devPlatform).to.equal(true);
    expect(loadConfig({ DEV_PLATFORM: 'off' }).devPlatform).to.equal(false);
    expect(loadConfig(productionEnv).devPlatform).to.equal(false);
    expect(loadConfig({ ...productionEnv, DEV_PLATFORM: 'on' }).devPlatform).to.equal(true);
    expect(loadConfig({ ...productionEnv, DEV_PLATFORM: 'ON' }).devPlatform).to.equal(true);
  });

  it('refuses a value other than on or off, naming the variable and the expected values', () => {
    expect(() => loadConfig({ DEV_PLATFORM: 'yes' }))
      .to.throw(ConfigError)
      .with.property('problems')
      .that.deep.equals([
        "DEV_PLATFORM: 'yes' is neither on nor off; expected on (serve the development LTI platform at /dev) or off",
      ]);
  });

  describe('in production', () => {
    let storage: Awaited<ReturnType<typeof sqlite.open>>;
    let dataDir: string;
    beforeEach(async () => {
      storage = await sqlite.open();
      dataDir = temporaryDir();
    });
    afterEach(async () => {
      await storage.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves no development platform and registers none by default', async () => {
      const config = loadConfig(productionEnv);
      const tool = await startDevTool(storage, dataDir, {
        config: { production: true, publicUrl: config.publicUrl, devPlatform: config.devPlatform },
      });
      try {
        const page = await fetch(`${tool.url}/dev`);
        expect(page.status).to.equal(404);
        expect(((await page.json()) as Json).error).to.equal('not_found');
        expect((await fetch(`${tool.url}/dev/jwks`)).status).to.equal(404);
        expect(await platforms(tool)).to.deep.equal([]);
        expect(tool.app.devPlatformUrl).to.equal(undefined);
      } finally {
        await tool.close();
      }
    });

    it('serves it with DEV_PLATFORM=on, and warns that anyone can launch as anyone', async () => {
      const config = loadConfig({ ...productionEnv, DEV_PLATFORM: 'on' });
      const tool = await startDevTool(storage, dataDir, {
        config: { production: true, publicUrl: config.publicUrl, devPlatform: config.devPlatform },
      });
      try {
        expect((await fetch(`${tool.url}/dev`)).status).to.equal(200);
        const warnings = tool.logs.map((l) => JSON.parse(l) as Json).filter((l) => l.level === 40);
        expect(warnings.map((w) => w.msg)).to.include(
          'DEV_PLATFORM=on with NODE_ENV=production: anyone who can reach /dev can launch Accredit as any of its personas, admin included; turn it off for real use',
        );
        expect((await platforms(tool)).map((p) => p.issuer)).to.deep.equal([
          'https://accredit.example.com/dev',
        ]);
        expect(tool.app.devPlatformUrl).to.equal('https://accredit.example.com/dev');
      } finally {
        await tool.close();
      }
    });
  });
});

describe('the development platform', function () {
  this.slow(3000);
  let storage: Awaited<ReturnType<typeof sqlite.open>>;
  let dataDir: string;
  let tool: DevTool;

  before(async () => {
    storage = await sqlite.open();
    dataDir = temporaryDir();
    tool = await startDevTool(storage, dataDir);
  });
  after(async () => {
    await tool?.close();
    await storage.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const registration = async (): Promise<Platform> =>
    (await storage.platforms.findByIssuerAndClientId(`${tool.url}/dev`, 'accredit-dev-platform'))!;

  it('registers itself once, as an admin would, and keeps its registration and key across a restart', async () => {
    const [registered, ...others] = await platforms(tool);
    expect(others).to.deep.equal([]);
    expect(registered).to.deep.include({
      issuer: `${tool.url}/dev`,
      clientId: 'accredit-dev-platform',
      name: 'Accredit development platform',
      authLoginUrl: `${tool.url}/dev/auth`,
      accessTokenUrl: `${tool.url}/dev/token`,
      jwksUrl: `${tool.url}/dev/jwks`,
      acceptNewDeployments: false,
    });
    const kid = ((await (await fetch(`${tool.url}/dev/jwks`)).json()) as Json).keys[0].kid;

    await tool.close();
    tool = await startDevTool(storage, dataDir, { port: tool.port });

    expect((await platforms(tool)).map((p) => p.id)).to.deep.equal([registered!.id]);
    const keys = ((await (await fetch(`${tool.url}/dev/jwks`)).json()) as Json).keys;
    expect(keys.map((k: Json) => k.kid)).to.deep.equal([kid]);
    expect(keys[0]).to.not.have.property('d');
    expect(tool.logs.some((l) => l.includes('registered the development platform'))).to.equal(false);
  });

  it("launches a persona into a course through the tool's own login initiation, authorization and launch", async () => {
    const launch = await devLaunch(new Browser(), tool.url, 'ada', 'course:pipelines');
    expect(`${launch.loginInitiation.origin}${launch.loginInitiation.pathname}`).to.equal(
      `${tool.url}/lti/login`,
    );
    expect(Object.fromEntries(launch.loginInitiation.searchParams)).to.deep.equal({
      iss: `${tool.url}/dev`,
      login_hint: 'ada',
      target_link_uri: `${tool.url}/lti/launch`,
      client_id: 'accredit-dev-platform',
      lti_deployment_id: 'dev-deployment',
      lti_message_hint: 'course:pipelines',
    });
    expect(`${launch.authorization.origin}${launch.authorization.pathname}`).to.equal(`${tool.url}/dev/auth`);
    expect(launch.response.status, launch.body).to.equal(200);

    const claims = decodeJwt(launch.posted.id_token!);
    const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
    expect(claims).to.deep.include({ iss: `${tool.url}/dev`, aud: 'accredit-dev-platform', sub: 'dev-ada' });
    expect(claims.nonce).to.equal(launch.authorization.searchParams.get('nonce'));
    expect(claims[`${lti}custom`]).to.deep.equal({ course: 'pipelines' });
    expect(claims[`${lti}resource_link`]).to.deep.equal({ id: 'dev-link-pipelines', title: 'Pipelines' });
    expect(claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint']).to.deep.equal({
      scope: [
        'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
        'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
        'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      ],
      lineitems: `${tool.url}/dev/contexts/dev-context/lineitems`,
    });

    const me = await sessionApi(tool.url, launch.sessionToken!).call('GET', '/api/me');
    expect(me.body).to.deep.include({
      subject: 'dev-ada',
      name: 'Ada Lovelace',
      email: 'ada@dev.accredit.example',
      roles: ['learner'],
      platformId: (await registration()).id,
      deploymentId: 'dev-deployment',
      courseId: 'pipelines',
    });
    const alan = await devLaunch(new Browser(), tool.url, 'alan', 'progress');
    const alanMe = await sessionApi(tool.url, alan.sessionToken!).call('GET', '/api/me');
    expect(alanMe.body).to.deep.include({ subject: 'dev-alan', courseId: null });
    expect(alanMe.body.roles).to.have.members(['evaluator', 'learner']);
  });

  it('is refused by the tool like any platform when its id_token is tampered with or replayed', async () => {
    const sessions = () => storage.sessions.countLive(new Date());
    const before = await sessions();
    // Ada's signed token, with the payload swapped for one that makes her the admin.
    const tampered = await devLaunch(new Browser(), tool.url, 'ada', 'progress', (fields) => {
      const [header, payload, signature] = fields.id_token!.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Json;
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'dev-margaret' })).toString('base64url');
      return { ...fields, id_token: `${header}.${forged}.${signature}` };
    });
    expect(tampered.response.status, tampered.body).to.equal(401);
    expect(JSON.parse(tampered.body)).to.deep.include({
      error: 'invalid_token',
      message: "The id_token signature does not verify with the platform's key.",
    });

    const browser = new Browser();
    const first = await devLaunch(browser, tool.url, 'grace', 'progress');
    expect(first.response.status).to.equal(200);
    const replay = await browser.postForm(`${tool.url}/lti/launch`, first.posted);
    expect(replay.status).to.equal(401);
    expect(((await replay.json()) as Json).error).to.equal('launch_expired');
    expect(await sessions()).to.equal(before + 1);
  });

  it("refuses an authorization request that is not the tool's, saying what is wrong", async () => {
    const url = new URL(`${tool.url}/dev/auth`);
    url.search = new URLSearchParams({
      scope: 'openid',
      response_type: 'code',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: 'accredit-dev-platform',
      redirect_uri: 'https://evil.example.com/steal',
      login_hint: 'nobody',
      lti_message_hint: 'progress',
      state: 's',
    }).toString();
    const res = await fetch(url);
    const page = await res.text();
    expect(res.status).to.equal(400);
    expect(page).to.not.contain('name="id_token"');
    for (const problem of [
      `redirect_uri is &#39;https://evil.example.com/steal&#39;; the only redirect URI registered for the tool is ${tool.url}/lti/launch`,
      'response_type is &#39;code&#39;; an LTI launch asks for response_type &#39;id_token&#39;',
      'nonce is missing',
      'login_hint &#39;nobody&#39; names nobody',
    ]) {
      expect(page).to.contain(problem);
    }
  });

  it("receives the written exam's score through AGS and shows it in the gradebook", async () => {
    const launch = await devLaunch(new Browser(), tool.url, 'grace', 'course:pipelines');
    await passWritten(sessionApi(tool.url, launch.sessionToken!), 'pipelines');
    const row = await waitFor('Grace’s written exam score in the gradebook', async () => {
      const page = await (await fetch(`${tool.url}/dev/gradebook`)).text();
      return /<tr data-user="dev-grace">[\s\S]*?<\/tr>/.exec(page)?.[0];
    });
    expect(row).to.contain('Grace Hopper').and.contain('100 / 100');
    expect(row).to.contain('<td class="activity-progress">Completed</td>');
    expect(row).to.contain('<td class="grading-progress">FullyGraded</td>');
    const page = await (await fetch(`${tool.url}/dev/gradebook`)).text();
    expect(page).to.contain('Pipelines: written exam').and.contain('<code>accredit-written</code>');
  });

  describe('services, called with the tool’s own client credentials', () => {
    const keyRing = () => new ToolKeyRing(storage.toolKeys, new SecretBox(ltiKey, 'tool-keys'), systemClock);
    const tokens = () =>
      new ServiceTokens({ keyRing: keyRing(), clock: systemClock, userAgent: 'test', timeoutMs: 5000 });
    const nrps = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
    const scoreScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
    const lineItemScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem';

    it('grants a token to an assertion signed with a key of the tool’s JWKS, and lists the course members', async () => {
      const answer = await tokens().token(await registration(), [nrps]);
      expect(answer.ok).to.equal(true);
      const token = (answer as { token: string }).token;
      const res = await fetch(`${tool.url}/dev/contexts/dev-context/memberships`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.contain(
        'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
      );
      const body = (await res.json()) as Json;
      expect(body.members.map((m: Json) => m.name)).to.deep.equal([
        'Ada Lovelace',
        'Grace Hopper',
        'Alan Turing',
        'Margaret Hamilton',
      ]);
      const forbidden = await fetch(`${tool.url}/dev/contexts/dev-context/lineitems`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(forbidden.status).to.equal(403);
      expect(((await forbidden.json()) as Json).error).to.equal('insufficient_scope');
    });

    it('refuses an assertion signed with a key the tool does not publish, and a replayed one', async () => {
      const { kid } = await keyRing().newestPrivateJwk();
      const { privateKey } = await generateKeyPair('RS256');
      const now = Math.floor(Date.now() / 1000);
      const assertion = (key: Parameters<SignJWT['sign']>[0], jti: string) =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'RS256', kid })
          .setIssuer('accredit-dev-platform')
          .setSubject('accredit-dev-platform')
          .setAudience(`${tool.url}/dev/token`)
          .setIssuedAt(now)
          .setExpirationTime(now + 300)
          .setJti(jti)
          .sign(key);
      const ask = async (clientAssertion: string) => {
        const res = await fetch(`${tool.url}/dev/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: clientAssertion,
            scope: scoreScope,
          }),
        });
        return { status: res.status, body: (await res.json()) as Json };
      };
      const forged = await ask(await assertion(privateKey, 'forged-1'));
      expect(forged.status).to.equal(401);
      expect(forged.body.error).to.equal('invalid_client');
      expect(forged.body.error_description).to.match(/^the client assertion does not verify/);

      const { jwk } = await keyRing().newestPrivateJwk();
      const real = await assertion(
        (await importJWK(jwk, 'RS256')) as Parameters<SignJWT['sign']>[0],
        'real-1',
      );
      expect((await ask(real)).status).to.equal(200);
      const replayed = await ask(real);
      expect(replayed.status).to.equal(401);
      expect(replayed.body.error_description).to.equal('the client assertion real-1 was already used');
    });

    it('takes only a score newer than the one it holds (409 otherwise) and keeps line items found by filter', async () => {
      const answer = await tokens().token(await registration(), [lineItemScope, scoreScope]);
      const token = (answer as { token: string }).token;
      const call = (method: string, url: string, body?: unknown) =>
        fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            ...(body ? { 'Content-Type': 'application/vnd.ims.lis.v1.score+json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
      const container = `${tool.url}/dev/contexts/dev-context/lineitems`;
      const created = await call('POST', container, {
        label: 'Extra credit',
        scoreMaximum: 10,
        resourceId: 'extra',
        tag: 'extra-tag',
      });
      expect(created.status).to.equal(201);
      const item = (await created.json()) as Json;
      const found = (await (
        await call('GET', `${container}?tag=extra-tag&resource_id=extra`)
      ).json()) as Json[];
      expect(found).to.deep.equal([item]);
      expect(await (await call('GET', `${container}?tag=nothing`)).json()).to.deep.equal([]);

      const score = (timestamp: string, scoreGiven: number) => ({
        userId: 'dev-ada',
        scoreGiven,
        scoreMaximum: 10,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp,
      });
      expect((await call('POST', `${item.id}/scores`, score('2030-01-01T10:00:00.000Z', 7))).status).to.equal(
        204,
      );
      const older = await call('POST', `${item.id}/scores`, score('2030-01-01T09:59:59.999Z', 9));
      expect(older.status).to.equal(409);
      expect(((await older.json()) as Json).error).to.match(/^Refusing score with an earlier timestamp/);
      const same = await call('POST', `${item.id}/scores`, score('2030-01-01T10:00:00.000Z', 9));
      expect(same.status).to.equal(409);
      const bad = await call('POST', `${item.id}/scores`, {
        ...score('yesterday', 1),
        activityProgress: 'Done',
      });
      expect(bad.status).to.equal(400);
      expect(((await bad.json()) as Json).error).to.contain('timestamp: must be an ISO 8601 date-time');
      const page = await (await fetch(`${tool.url}/dev/gradebook`)).text();
      const section = page.slice(page.indexOf('Extra credit'));
      expect(section).to.contain('7 / 10').and.not.contain('9 / 10');
    });
  });

  describe('its Learning Record Store', () => {
    const lrs = () => `${tool.url}/dev/lrs`;
    const statement = (id: string, verb: string) => ({
      id,
      actor: { objectType: 'Agent', account: { homePage: 'https://example.com', name: 'someone' } },
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
      object: { id: 'https://example.com/activity' },
    });

    it('receives the tool’s statements and shows them newest first, readable and raw', async () => {
      const page = await waitFor('Ada’s launch in the statement viewer', async () => {
        const html = await (await fetch(`${tool.url}/dev/statements`)).text();
        return (
          html.includes('<strong class="actor">Ada Lovelace</strong> <span class="verb">launched</span>') &&
          html
        );
      });
      expect(page).to.contain('<summary>Raw JSON</summary>');
      const verbs = [...page.matchAll(/data-verb="([^"]+)"/g)].map((m) => m[1]);
      // Grace passed the exam after Ada's launch: her statements come first.
      expect(verbs.indexOf('http://adlnet.gov/expapi/verbs/passed')).to.be.lessThan(
        verbs.lastIndexOf('http://adlnet.gov/expapi/verbs/launched'),
      );
    });

    it('answers /about, refuses wrong credentials, stores a resent statement once and refuses a different one under its id', async () => {
      expect(await (await fetch(`${lrs()}/about`)).json()).to.deep.equal({ version: ['1.0.3'] });
      const headers = (authorization: string) => ({
        Authorization: authorization,
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
      });
      const wrong = await fetch(`${lrs()}/statements`, {
        method: 'POST',
        headers: headers(`Basic ${Buffer.from('accredit:guess').toString('base64')}`),
        body: JSON.stringify([statement('8c1c8c8e-0000-4000-8000-000000000001', 'tried')]),
      });
      expect(wrong.status).to.equal(401);

      const { username, password } = devLrsCredentials(ltiKey);
      const basic = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      const post = (body: unknown) =>
        fetch(`${lrs()}/statements`, { method: 'POST', headers: headers(basic), body: JSON.stringify(body) });
      const id = '8c1c8c8e-0000-4000-8000-000000000002';
      const count = async () =>
        ((await (await fetch(`${lrs()}/statements?limit=100`, { headers: headers(basic) })).json()) as Json)
          .statements.length;
      const first = await post([statement(id, 'tried')]);
      expect(first.status).to.equal(200);
      expect(await first.json()).to.deep.equal([id]);
      const stored = await count();
      expect((await post([statement(id, 'tried')])).status).to.equal(200);
      expect(await count()).to.equal(stored);
      const conflict = await post([
        statement('8c1c8c8e-0000-4000-8000-000000000003', 'new'),
        statement(id, 'changed'),
      ]);
      expect(conflict.status).to.equal(409);
      expect(await count()).to.equal(stored);
      const noVersion = await fetch(`${lrs()}/statements`, {
        method: 'POST',
        headers: { Authorization: basic, 'Content-Type': 'application/json' },
        body: '[]',
      });
      expect(noVersion.status).to.equal(400);
    });
  });
});
