import { expect } from 'chai';
import { Browser, parseForm } from '../support/browser.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { type LaunchOptions, storageFrameName } from '../support/test-platform.js';

/** The data attributes of the page's `<main>`, decoded. */
function storagePage(body: string): Record<string, string> {
  const main = /<main[^>]*data-platform-storage[^>]*>/.exec(body)?.[0];
  if (!main) throw new Error(`no platform storage page: ${body.slice(0, 300)}`);
  const data: Record<string, string> = {};
  for (const m of main.matchAll(/data-([\w-]+)="([^"]*)"/g)) {
    data[m[1]!] = m[2]!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  }
  return data;
}

for (const database of testDatabases) {
  describe(`LTI platform storage (${database.name})`, () => {
    const fixture = useRegisteredPlatform(database);

    const sessions = () => fixture.storage.sessions.countLive(new Date());
    const toolOrigin = () => new URL(fixture.tool.url).origin;

    /**
     * Login initiation with `lti_storage_target`, then the platform's authorization: what a browser
     * in a frame gets, except that the tests choose whether the state cookie comes back.
     */
    async function loginWithStorage(browser: Browser, options: LaunchOptions = {}) {
      const res = await browser.get(
        fixture.platform.loginUrl(fixture.tool.url, {
          ...options,
          login: { lti_storage_target: storageFrameName, ...options.login },
        }),
      );
      const body = await res.text();
      expect(res.status, body).to.equal(200);
      const put = storagePage(body);
      const authorization = await browser.get(put.next!);
      const form = parseForm(await authorization.text());
      return { res, body, put, form, state: new URL(put.next!).searchParams.get('state')! };
    }

    /** The launch post from a frame whose browser refused the cookie: the tool asks the storage. */
    async function launchWithoutCookie(form: { action: string; fields: Record<string, string> }) {
      const res = await new Browser().postForm(form.action, form.fields);
      return { res, body: await res.text() };
    }

    function repost(fields: Record<string, string>, answer: string | undefined, origin = toolOrigin()) {
      return new Browser().postForm(
        `${fixture.tool.url}/lti/launch`,
        { ...fields, ...(answer === undefined ? {} : { lti_storage_state: answer }) },
        origin ? { Origin: origin, 'Sec-Fetch-Site': 'same-origin' } : {},
      );
    }

    async function expectInvalidState(res: Response, message: string | RegExp) {
      expect(res.status).to.equal(401);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).to.equal('invalid_state');
      if (typeof message === 'string') expect(body.message).to.equal(message);
      else expect(body.message).to.match(message);
    }

    it('answers a login with lti_storage_target with a page that puts a proof in the named frame, for the platform origin only', async () => {
      const { res, body, put, state } = await loginWithStorage(new Browser());
      expect(res.headers.get('cache-control')).to.equal('no-store');
      expect(res.headers.get('content-security-policy')).to.contain("script-src 'self'");
      expect(put).to.include({
        'platform-storage': 'put',
        target: storageFrameName,
        origin: new URL(fixture.platform.url).origin,
        key: `state_${state}`,
        'timeout-ms': '2000',
      });
      expect(put.origin).to.not.equal('*');
      expect(put.value)
        .to.match(/^[\w-]{43}$/)
        .and.not.equal(state);
      const next = new URL(put.next!);
      expect(`${next.origin}${next.pathname}`).to.equal(`${fixture.platform.url}/auth`);
      expect(next.searchParams.get('nonce'))
        .to.match(/^[\w-]{43}$/)
        .and.not.equal(put.value);
      // Only a script file: the CSP allows no inline script.
      expect([...body.matchAll(/<script[^>]*>/g)].map((m) => m[0])).to.deep.equal([
        `<script type="module" src="/assets/platform-storage.js?v=${/platform-storage\.js\?v=(\w+)/.exec(body)![1]}">`,
      ]);
      // The cookie is still set: in a window that keeps it, the launch goes on as without storage.
      expect(Browser.setCookies(res).join('\n')).to.contain(`lti_state_${state}=`);
      const stored = await fixture.storage.loginStates.find(state);
      expect(stored?.platformStorage?.target).to.equal(storageFrameName);
      expect(stored?.platformStorage?.proofHash).to.not.contain(put.value!);
    });

    it('serves the page script', async () => {
      const res = await fetch(`${fixture.tool.url}/assets/platform-storage.js`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/javascript/);
      const script = await res.text();
      expect(script).to.contain("'lti.put_data'").and.contain("'lti.get_data'");
      expect(script).to.not.contain("'*'");
    });

    it('keeps the 302 redirect when the platform offers no storage', async () => {
      const res = await new Browser().get(fixture.platform.loginUrl(fixture.tool.url));
      expect(res.status).to.equal(302);
      const state = new URL(res.headers.get('location')!).searchParams.get('state')!;
      expect((await fixture.storage.loginStates.find(state))?.platformStorage).to.equal(undefined);
    });

    it('refuses an lti_storage_target that is not a frame name', async () => {
      const res = await new Browser().get(
        fixture.platform.loginUrl(fixture.tool.url, { login: { lti_storage_target: '"><script>' } }),
      );
      expect(res.status).to.equal(400);
      expect(await res.json()).to.deep.equal({
        error: 'invalid_login',
        message:
          'lti_storage_target is not a frame name (up to 255 letters, digits, and _ . : -): the platform must send the name of its storage frame, or _parent.',
      });
    });

    it('verifies by the cookie as before when the browser sends it back, storage offered or not', async () => {
      const browser = new Browser();
      const { form } = await loginWithStorage(browser);
      const launch = await fixture.platform.post(browser, form.action, form.fields);
      expect(launch.response.status, launch.body).to.equal(200);
      expect(launch.sessionToken).to.be.a('string');
    });

    it('answers a launch without the cookie with a page that asks the storage, without consuming the state', async () => {
      const before = await sessions();
      const { put, form, state } = await loginWithStorage(new Browser());
      const { res, body } = await launchWithoutCookie(form);
      expect(res.status, body).to.equal(200);
      expect(res.headers.get('cache-control')).to.equal('no-store');
      expect(res.headers.get('referrer-policy')).to.equal('same-origin');
      expect(storagePage(body)).to.include({
        'platform-storage': 'get',
        target: storageFrameName,
        origin: new URL(fixture.platform.url).origin,
        key: put.key,
      });
      const repostForm = parseForm(body);
      expect(repostForm.action).to.equal(`${fixture.tool.url}/lti/launch`);
      expect(repostForm.fields).to.deep.equal({ ...form.fields, lti_storage_state: '' });
      expect(body).to.not.contain(put.value!);
      expect(await fixture.storage.loginStates.find(state)).to.not.equal(undefined);
      expect(await sessions()).to.equal(before);
    });

    it('opens a session when the launch comes back with the proof read from the storage', async () => {
      const { put, form, state } = await loginWithStorage(new Browser(), {
        sub: 'framed-learner',
        custom: { course: 'pipelines' },
      });
      await launchWithoutCookie(form);
      const res = await repost(form.fields, put.value);
      const body = await res.text();
      expect(res.status, body).to.equal(200);
      const token = /<meta name="accredit-session" content="([^"]+)"/.exec(body)?.[1];
      const me = await fetch(`${fixture.tool.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect(await me.json()).to.include({ subject: 'framed-learner', courseId: 'pipelines' });
      expect(await fixture.storage.loginStates.find(state)).to.equal(undefined);
    });

    const wrongProof =
      "The proof the platform's storage gave back is not the one this login put there. Open Accredit in a new window (the LMS can set the link to open in one), or allow cookies for this site in your browser.";
    const noProof =
      "The browser did not send back the login cookie for this launch, and the platform's storage did not give back the login's proof, so the launch cannot be tied to the login that started it. Open Accredit in a new window (the LMS can set the link to open in one), or allow cookies for this site in your browser.";
    const notFromToolPage =
      "The platform storage answer did not come from Accredit's own launch page (same origin), so it cannot tie the launch to this browser. Start the launch again from your platform.";

    for (const refusal of [
      { name: 'a wrong proof', answer: () => 'not-the-proof', origin: toolOrigin, message: wrongProof },
      { name: "another login's proof", answer: 'other-login', origin: toolOrigin, message: wrongProof },
      {
        name: 'no proof (the storage did not answer)',
        answer: () => '',
        origin: toolOrigin,
        message: noProof,
      },
      {
        name: 'the right proof posted from another site',
        answer: 'right',
        origin: () => 'http://attacker.example',
        message: notFromToolPage,
      },
      {
        name: 'the right proof posted without an Origin',
        answer: 'right',
        origin: () => '',
        message: notFromToolPage,
      },
    ] as const) {
      it(`refuses ${refusal.name}, opens no session, and burns the state`, async () => {
        const before = await sessions();
        const { put, form, state } = await loginWithStorage(new Browser());
        const other = await loginWithStorage(new Browser());
        const answer =
          refusal.answer === 'right'
            ? put.value!
            : refusal.answer === 'other-login'
              ? other.put.value!
              : refusal.answer();
        await expectInvalidState(await repost(form.fields, answer, refusal.origin()), refusal.message);
        expect(await sessions()).to.equal(before);
        expect(await fixture.storage.loginStates.find(state)).to.equal(undefined);
        // The state is gone: not even the right proof from the tool's page can use it now.
        const retry = await repost(form.fields, put.value);
        expect(retry.status).to.equal(401);
        expect(((await retry.json()) as { error: string }).error).to.equal('launch_expired');
        expect(await sessions()).to.equal(before);
      });
    }

    it('refuses a launch without the cookie when the login offered no storage, with what to do', async () => {
      const before = await sessions();
      const browser = new Browser();
      const launch = await fixture.platform.launch(browser, fixture.tool.url, {
        form: (fields) => {
          browser.clearCookies();
          return fields;
        },
      });
      expect(launch.response.status).to.equal(401);
      expect(JSON.parse(launch.body)).to.deep.equal({
        error: 'invalid_state',
        message:
          'The browser did not send back the login cookie for this launch (browsers refuse it in a frame of another site), and the platform offered no storage to replace it, so the launch cannot be tied to the login that started it. Open Accredit in a new window (the LMS can set the link to open in one), or allow cookies for this site in your browser.',
      });
      expect(await sessions()).to.equal(before);
    });

    it('refuses a storage answer for a login that offered no storage', async () => {
      const browser = new Browser();
      let fields: Record<string, string> = {};
      await fixture.platform.launch(browser, fixture.tool.url, {
        form: (f) => {
          fields = f;
          return { ...f, state: 'not-this-one' };
        },
      });
      const before = await sessions();
      await expectInvalidState(await repost(fields, 'anything'), /offered no storage to replace it/);
      expect(await sessions()).to.equal(before);
    });

    it('refuses replays of both posts after a launch through the storage', async () => {
      const { put, form } = await loginWithStorage(new Browser());
      await launchWithoutCookie(form);
      expect((await repost(form.fields, put.value)).status).to.equal(200);
      const before = await sessions();
      const replays = [
        await repost(form.fields, put.value).then(async (res) => ({ res, body: await res.text() })),
        await launchWithoutCookie(form),
      ];
      for (const replay of replays) {
        expect(replay.res.status).to.equal(401);
        expect(JSON.parse(replay.body)).to.deep.equal({
          error: 'launch_expired',
          message:
            'This launch is unknown, expired or was already used (the state does not match a login in progress). Start it again from your platform.',
        });
      }
      expect(await sessions()).to.equal(before);
    });

    it('lets only one of five concurrent re-posts with the right proof through', async () => {
      const { put, form } = await loginWithStorage(new Browser());
      const before = await sessions();
      const results = await Promise.all(Array.from({ length: 5 }, () => repost(form.fields, put.value)));
      expect(results.map((r) => r.status).sort()).to.deep.equal([200, 401, 401, 401, 401]);
      expect(await sessions()).to.equal(before + 1);
    });
  });
}
