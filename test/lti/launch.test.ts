import { expect } from 'chai';
import { Browser } from '../support/browser.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { roles } from '../support/test-platform.js';

for (const database of testDatabases) {
  describe(`LTI 1.3 launch (${database.name})`, () => {
    const fixture = useRegisteredPlatform(database);

    async function me(token: string) {
      const res = await fetch(`${fixture.tool.url}/api/me`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).to.equal(200);
      return (await res.json()) as Record<string, unknown>;
    }

    it('launches a learner into a course and opens a session carried in the page', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        sub: 'learner-1',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        custom: { course: 'pipelines' },
      });
      expect(launch.response.status, launch.body).to.equal(200);
      expect(launch.sessionToken).to.be.a('string');
      expect(launch.body)
        .to.contain('Welcome, Ada Lovelace')
        .and.contain('You opened the course <strong>Pipelines</strong>');
      expect(launch.response.headers.get('location')).to.equal(null);
      expect(launch.response.headers.get('cache-control')).to.equal('no-store');
      const who = await me(launch.sessionToken!);
      expect(who).to.include({
        subject: 'learner-1',
        name: 'Ada Lovelace',
        courseId: 'pipelines',
      });
      expect(who.roles).to.deep.equal(['learner']);
      expect(who.context).to.deep.equal({ id: 'context-1', title: 'Field Enablement' });
    });

    it('lands on the progress page, with a notice, when the course parameter names no course, escaping what it shows', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        custom: { course: '<script>alert(1)</script>' },
        name: '<img src=x onerror=alert(1)>',
      });
      expect(launch.response.status, launch.body).to.equal(200);
      expect(launch.body).to.contain(
        "a course ('&lt;script&gt;alert(1)&lt;/script&gt;') that Accredit does not have",
      );
      expect(launch.body).to.contain('Welcome, &lt;img src=x onerror=alert(1)&gt;');
      expect(launch.body).to.not.contain('<script>alert').and.not.contain('<img src=x');
    });

    it('launches an instructor as an evaluator', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        sub: 'teacher-1',
        roles: [roles.instructor],
      });
      expect(launch.response.status, launch.body).to.equal(200);
      expect((await me(launch.sessionToken!)).roles).to.have.members(['evaluator', 'learner']);
    });

    it('launches a teaching assistant given with a sub-role URI as an evaluator', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        roles: [roles.teachingAssistant],
      });
      expect((await me(launch.sessionToken!)).roles).to.include('evaluator');
    });

    it('accepts short role names', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        roles: ['Instructor'],
      });
      expect((await me(launch.sessionToken!)).roles).to.include('evaluator');
    });

    for (const [label, given] of [
      ['empty', []],
      ['an empty string', ['']],
      ['unknown', ['http://purl.imsglobal.org/vocab/lis/v2/unknown/unknown#Helper']],
    ] as const) {
      it(`gives ${label} roles the least privilege (learner)`, async () => {
        const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, { roles: [...given] });
        expect(launch.response.status, launch.body).to.equal(200);
        expect((await me(launch.sessionToken!)).roles).to.deep.equal(['learner']);
      });
    }

    it('accepts a launch with no name, no email and no context', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, { context: null });
      expect(launch.response.status, launch.body).to.equal(200);
      const who = await me(launch.sessionToken!);
      expect(who).to.include({ name: null, email: null, context: null, courseId: null });
      expect(launch.body).to.contain('your progress');
    });

    it('accepts an audience list whose azp is our client id', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url, {
        claims: (p) => ({
          ...p,
          aud: [fixture.platform.clientId, 'another-audience'],
          azp: fixture.platform.clientId,
        }),
      });
      expect(launch.response.status, launch.body).to.equal(200);
    });

    it('accepts a token signed with a rotated key by refetching the platform JWKS once', async () => {
      await fixture.platform.launch(new Browser(), fixture.tool.url);
      const before = fixture.platform.jwksRequests;
      await fixture.platform.rotateKey();
      // The tool refetches at most once a second, so an unknown kid cannot be used to hammer the platform.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url);
      expect(launch.response.status, launch.body).to.equal(200);
      expect(fixture.platform.jwksRequests).to.equal(before + 1);
    });

    it('caches the platform JWKS between launches', async () => {
      await fixture.platform.launch(new Browser(), fixture.tool.url);
      const before = fixture.platform.jwksRequests;
      for (let i = 0; i < 3; i += 1) await fixture.platform.launch(new Browser(), fixture.tool.url);
      expect(fixture.platform.jwksRequests).to.equal(before);
    });

    it('refuses the session token in the query string of an API route', async () => {
      const launch = await fixture.platform.launch(new Browser(), fixture.tool.url);
      const res = await fetch(`${fixture.tool.url}/api/me?token=${launch.sessionToken}`);
      expect(res.status).to.equal(401);
      expect(await res.json()).to.deep.equal({
        error: 'unauthorized',
        message:
          'This route needs the session token of a launch in the header Authorization: Bearer <token>.',
      });
    });

    it('sets an http-only state cookie at login, scoped to /lti, and clears it at launch', async () => {
      const browser = new Browser();
      const launch = await fixture.platform.launch(browser, fixture.tool.url);
      expect(launch.response.status, launch.body).to.equal(200);
      const cleared = Browser.setCookies(launch.response).join('\n');
      expect(cleared).to.match(/lti_state_[\w-]+=;/);
      expect(browser.cookieNames()).to.deep.equal([]);
    });
  });
}
