import { expect } from 'chai';
import type { JWTPayload } from 'jose';
import { Browser } from '../support/browser.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { type LaunchOptions, TestPlatform } from '../support/test-platform.js';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
const now = () => Math.floor(Date.now() / 1000);
const without =
  (...names: string[]) =>
  (p: JWTPayload) => {
    const copy = { ...p };
    for (const n of names) delete copy[n];
    return copy;
  };

interface Refusal {
  readonly name: string;
  readonly options: (platform: TestPlatform) => LaunchOptions;
  readonly status: number;
  readonly error: string;
  readonly message: string | RegExp;
}

const refusals: Refusal[] = [
  {
    name: 'a bad signature',
    options: () => ({ signWith: 'other-key-same-kid' }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token signature does not verify with the platform's key.",
  },
  {
    name: 'an unknown kid',
    options: () => ({ signWith: 'unknown-key' }),
    status: 401,
    error: 'invalid_token',
    message:
      /^The id_token names a key \(kid\) that the platform's key set at http:\/\/127\.0\.0\.1:\d+\/jwks does not have\.$/,
  },
  {
    name: 'a header without kid',
    options: () => ({ signWith: 'no-kid' }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token header has no kid, so the platform key cannot be chosen.',
  },
  {
    name: 'alg none',
    options: () => ({ signWith: 'none' }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token is signed with 'none'; only RS256 is accepted.",
  },
  {
    name: "HS256 signed with the platform's public key",
    options: () => ({ signWith: 'hs256-public-key' }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token is signed with 'HS256'; only RS256 is accepted.",
  },
  {
    name: 'an expired exp',
    options: () => ({ claims: (p) => ({ ...p, iat: now() - 200, exp: now() - 120 }) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token has expired (exp is past, with 60 s of leeway); start the launch again.',
  },
  {
    name: 'no exp',
    options: () => ({ claims: without('exp') }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token has no 'exp' claim.",
  },
  {
    name: 'no iat',
    options: () => ({ claims: without('iat') }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token has no 'iat' claim.",
  },
  {
    name: 'an iat far in the future',
    options: () => ({ claims: (p) => ({ ...p, iat: now() + 600, exp: now() + 900 }) }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token iat is in the future (more than 60 s ahead); check the platform's clock.",
  },
  {
    name: 'an iat older than the maximum age',
    options: () => ({ claims: (p) => ({ ...p, iat: now() - 1000 }) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token was issued more than 300 s ago; start the launch again.',
  },
  {
    name: 'a wrong iss',
    options: () => ({ claims: (p) => ({ ...p, iss: 'https://evil.example.com' }) }),
    status: 401,
    error: 'invalid_token',
    message: /^The id_token iss is not 'http:\/\/127\.0\.0\.1:\d+', the issuer this login was started for\.$/,
  },
  {
    name: 'a wrong aud',
    options: () => ({ claims: (p) => ({ ...p, aud: 'someone-else' }) }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token aud does not include this tool's client id 'accredit-client'.",
  },
  {
    name: 'an audience list without azp',
    options: (platform) => ({ claims: (p) => ({ ...p, aud: [platform.clientId, 'other'] }) }),
    status: 401,
    error: 'invalid_token',
    message:
      "The id_token has an audience list but no azp; azp must be this tool's client id 'accredit-client'.",
  },
  {
    name: 'an audience list whose azp is someone else',
    options: (platform) => ({ claims: (p) => ({ ...p, aud: [platform.clientId, 'other'], azp: 'other' }) }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token azp is not this tool's client id 'accredit-client'.",
  },
  {
    name: 'no nonce',
    options: () => ({ claims: without('nonce') }),
    status: 401,
    error: 'invalid_token',
    message: "The id_token has no 'nonce' claim.",
  },
  {
    name: 'a nonce other than the one sent at login',
    options: () => ({ claims: (p) => ({ ...p, nonce: 'forged-nonce' }) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token nonce is not the one this login sent to the platform.',
  },
  {
    name: 'a state that no login issued',
    options: () => ({ form: (f) => ({ ...f, state: 'forged-state' }) }),
    status: 401,
    error: 'launch_expired',
    message:
      'This launch is unknown, expired or was already used (the state does not match a login in progress). Start it again from your platform.',
  },
  {
    name: 'no state',
    options: () => ({ form: (f) => ({ id_token: f.id_token! }) }),
    status: 400,
    error: 'invalid_request',
    message: 'The launch carries no state: start the launch again from your platform.',
  },
  {
    name: 'no id_token',
    options: () => ({ form: (f) => ({ state: f.state! }) }),
    status: 400,
    error: 'invalid_request',
    message: 'The launch carries no id_token: start the launch again from your platform.',
  },
  {
    name: 'a garbage id_token',
    options: () => ({ form: (f) => ({ ...f, id_token: 'garbage' }) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token is not a signed JWT (expected three base64url segments).',
  },
  {
    name: 'an id_token of two segments',
    options: () => ({ form: (f) => ({ ...f, id_token: f.id_token!.split('.').slice(0, 2).join('.') }) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token is not a signed JWT (expected three base64url segments).',
  },
  {
    name: 'an id_token whose header is not JSON',
    options: () => ({
      form: (f) => ({ ...f, id_token: `bm90IGpzb24.${f.id_token!.split('.').slice(1).join('.')}` }),
    }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token header is not valid base64url JSON.',
  },
  {
    name: 'an id_token of 1 MB',
    options: () => ({ form: (f) => ({ ...f, id_token: 'a'.repeat(1024 * 1024) }) }),
    status: 413,
    error: 'payload_too_large',
    message: 'The request body is larger than 256 KB.',
  },
  {
    name: 'no deployment_id',
    options: () => ({ claims: without(`${lti}deployment_id`) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token has no deployment_id claim.',
  },
  {
    name: 'a deployment_id that was not registered',
    options: () => ({ deploymentId: 'deployment-unknown', loginDeploymentId: null }),
    status: 403,
    error: 'unknown_deployment',
    message:
      /^Deployment 'deployment-unknown' is not registered for platform 'Test LMS' \(issuer 'http:\/\/127\.0\.0\.1:\d+', client id 'accredit-client'\)\. An admin adds it to the registration, or lets the platform accept new deployments\.$/,
  },
  {
    name: 'a wrong message_type',
    options: () => ({ claims: (p) => ({ ...p, [`${lti}message_type`]: 'LtiFooRequest' }) }),
    status: 401,
    error: 'invalid_token',
    message:
      "The message type 'LtiFooRequest' is not supported; expected one of LtiResourceLinkRequest, LtiDeepLinkingRequest.",
  },
  {
    name: 'no message_type',
    options: () => ({ claims: without(`${lti}message_type`) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token has no message_type claim.',
  },
  {
    name: 'a wrong LTI version',
    options: () => ({ claims: (p) => ({ ...p, [`${lti}version`]: '1.2.0' }) }),
    status: 401,
    error: 'invalid_token',
    message: "The LTI version '1.2.0' is not supported; expected 1.3.0.",
  },
  {
    name: 'no LTI version',
    options: () => ({ claims: without(`${lti}version`) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token has no LTI version claim; expected 1.3.0.',
  },
  {
    name: 'an empty sub',
    options: () => ({ sub: '' }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token has no user (sub); Accredit needs to know who is launching.',
  },
  {
    name: 'no roles claim',
    options: () => ({ claims: without(`${lti}roles`) }),
    status: 401,
    error: 'invalid_token',
    message: 'The id_token has no roles claim (an array, possibly empty).',
  },
  {
    name: 'a resource link launch without resource_link id',
    options: () => ({ claims: without(`${lti}resource_link`) }),
    status: 401,
    error: 'invalid_token',
    message: 'The resource link launch has no resource_link id.',
  },
  {
    name: 'a target_link_uri claim pointing elsewhere',
    options: () => ({
      claims: (p) => ({ ...p, [`${lti}target_link_uri`]: 'https://evil.example.com/launch' }),
    }),
    status: 401,
    error: 'invalid_token',
    message: /^The target_link_uri claim does not point at this tool \(http:\/\/127\.0\.0\.1:\d+\)\.$/,
  },
  {
    name: 'a deep linking request without a return URL',
    options: () => ({ claims: (p) => ({ ...p, [`${lti}message_type`]: 'LtiDeepLinkingRequest' }) }),
    status: 401,
    error: 'invalid_token',
    message: 'The deep linking request has no deep_link_return_url.',
  },
];

for (const database of testDatabases) {
  describe(`LTI launch refusals (${database.name})`, () => {
    const fixture = useRegisteredPlatform(database);
    const sessions = () => fixture.storage.sessions.countLive(new Date());

    async function expectRefused(
      launch: { response: Response; body: string; sessionToken: string | undefined },
      status: number,
      error: string,
      message: string | RegExp,
    ) {
      expect(launch.response.status, launch.body).to.equal(status);
      const body = JSON.parse(launch.body) as { error: string; message: string };
      expect(body.error).to.equal(error);
      if (typeof message === 'string') expect(body.message).to.equal(message);
      else expect(body.message).to.match(message);
      expect(launch.sessionToken).to.equal(undefined);
    }

    for (const refusal of refusals) {
      it(`refuses ${refusal.name}`, async () => {
        const before = await sessions();
        const launch = await fixture.platform.launch(
          new Browser(),
          fixture.tool.url,
          refusal.options(fixture.platform),
        );
        await expectRefused(launch, refusal.status, refusal.error, refusal.message);
        expect(await sessions()).to.equal(before);
      });
    }

    it('accepts an exp 30 s in the past (within the documented leeway)', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        claims: (p) => ({ ...p, iat: now() - 60, exp: now() - 30 }),
      });
      expect(launch.response.status, launch.body).to.equal(200);
    });

    it('refuses a replayed launch', async () => {
      const browser = new Browser();
      const first = await fixture.platform.launch(browser, fixture.tool.url);
      expect(first.response.status).to.equal(200);
      const before = await sessions();
      const replay = await fixture.platform.post(browser, `${fixture.tool.url}/lti/launch`, first.posted);
      await expectRefused(
        replay,
        401,
        'launch_expired',
        'This launch is unknown, expired or was already used (the state does not match a login in progress). Start it again from your platform.',
      );
      expect(await sessions()).to.equal(before);
    });

    it('refuses an id_token replayed with the state of a new login (nonce bound to state)', async () => {
      const browser = new Browser();
      const first = await fixture.platform.launch(browser, fixture.tool.url);
      expect(first.response.status).to.equal(200);
      const before = await sessions();
      const second = await fixture.platform.launch(browser, fixture.tool.url, {
        form: (fields) => ({ ...fields, id_token: first.posted.id_token! }),
      });
      await expectRefused(
        second,
        401,
        'invalid_token',
        'The id_token nonce is not the one this login sent to the platform.',
      );
      expect(await sessions()).to.equal(before);
    });

    it('lets only one of two concurrent replays through', async () => {
      const browser = new Browser();
      let captured: Record<string, string> = {};
      await fixture.platform
        .launch(browser, fixture.tool.url, {
          form: (fields) => {
            captured = fields;
            return { ...fields, state: 'not-this-one' };
          },
        })
        .catch(() => undefined);
      const before = await sessions();
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          fixture.platform.post(browser, `${fixture.tool.url}/lti/launch`, captured),
        ),
      );
      expect(results.map((r) => r.response.status).sort()).to.deep.equal([200, 401, 401, 401, 401]);
      expect(await sessions()).to.equal(before + 1);
    });

    it('refuses a launch whose browser lost the login cookie', async () => {
      const browser = new Browser();
      const before = await sessions();
      const launch = await fixture.platform.launch(browser, fixture.tool.url, {
        form: (fields) => {
          browser.clearCookies();
          return fields;
        },
      });
      await expectRefused(
        launch,
        401,
        'invalid_state',
        'The browser did not send back the login cookie for this launch (browsers refuse it in a frame of another site), and the platform offered no storage to replace it, so the launch cannot be tied to the login that started it. Open Accredit in a new window (the LMS can set the link to open in one), or allow cookies for this site in your browser.',
      );
      expect(await sessions()).to.equal(before);
    });

    it('refuses a launch with no prior login', async () => {
      const res = await new Browser().postForm(`${fixture.tool.url}/lti/launch`, {
        id_token: 'a.b.c',
        state: 'never-issued',
      });
      expect(res.status).to.equal(401);
      expect(await res.json()).to.deep.equal({
        error: 'launch_expired',
        message:
          'This launch is unknown, expired or was already used (the state does not match a login in progress). Start it again from your platform.',
      });
    });

    it('fails closed when the platform JWKS is down', async () => {
      const other = await TestPlatform.start();
      try {
        other.clientId = 'client-of-a-broken-platform';
        expect(
          (await fixture.tool.admin('POST', '/api/admin/platforms', other.registration())).status,
        ).to.equal(201);
        other.jwksStatus = 503;
        const before = await sessions();
        const launch = await other.launch(new Browser(), fixture.tool.url);
        await expectRefused(
          launch,
          502,
          'platform_unreachable',
          /^The platform's key set at http:\/\/127\.0\.0\.1:\d+\/jwks could not be read \(.+\); no launch without it\.$/,
        );
        expect(await sessions()).to.equal(before);
      } finally {
        await other.close();
      }
    });
  });
}
