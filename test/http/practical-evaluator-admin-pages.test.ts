import { expect } from 'chai';
import { AdminPageTokens } from '../../src/security/admin-page-token.js';
import { passWritten } from '../practical/practical-support.js';
import { launchAs } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { adminToken } from '../support/start-tool.js';
import { testDatabases } from '../support/test-databases.js';
import { roles } from '../support/test-platform.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

describe('practical, evaluator and admin pages over HTTP', () => {
  const fixture = useRegisteredPlatform(sqlite);
  const get = (path: string) => fetch(`${fixture.tool.url}${path}`, { redirect: 'manual' });
  const postForm = (path: string, fields: Record<string, string> = {}) =>
    fetch(`${fixture.tool.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const platformCount = async () => (await fixture.storage.platforms.list()).length;
  const canvas = {
    name: 'Our Canvas',
    issuer: 'https://canvas.example.com',
    clientId: 'c-1',
    authLoginUrl: 'https://canvas.example.com/auth',
    accessTokenUrl: 'https://canvas.example.com/token',
    jwksUrl: 'https://canvas.example.com/jwks',
    deploymentIds: '1:abc',
  };

  it('take the evidence form without scripts: 422 naming each wrong field, then 303 once it is right', async () => {
    const learner = await launchAs(fixture, { sub: 'form-learner', custom: { course: 'pipelines' } });
    await passWritten(learner, 'pipelines');
    const path = `/courses/pipelines/practical/submissions?session=${learner.token}`;
    const refused = await postForm(path, {
      'link-url-1': 'javascript:alert(1)',
      'link-title-2': 'A title without a link',
      notes: '',
    });
    expect(refused.status).to.equal(422);
    const body = await refused.text();
    expect(body).to.contain('Link 1: enter a web address that starts with https:// or http://');
    expect(body).to.contain('Link 2: enter the web address of the link, or clear its title');
    expect(body).to.contain('id="link-url-1" name="link-url-1" value="javascript:alert(1)"');
    expect(body).to.not.match(/href="javascript:/);
    expect((await learner.call('GET', '/api/courses/pipelines/practical')).body.current).to.equal(null);

    const sent = await postForm(path, { 'link-url-1': 'https://drive.example.com/1.mp4' });
    expect(sent.status).to.equal(303);
    expect(sent.headers.get('location')).to.equal(
      `/courses/pipelines/practical?session=${learner.token}&done=submitted`,
    );
    expect((await learner.call('GET', '/api/courses/pipelines/practical')).body.current).to.include({
      status: 'submitted',
    });
  });

  it('refuse a learner every evaluator page with the 403 page, and change nothing', async () => {
    const owner = await launchAs(fixture, { sub: 'refusal-owner', custom: { course: 'pipelines' } });
    await passWritten(owner, 'pipelines');
    const submitted = await owner.call('POST', '/api/courses/pipelines/practical/submissions', {
      links: [{ url: 'https://drive.example.com/2.mp4' }],
    });
    const id = submitted.body.id as string;
    const learner = await launchAs(fixture, { sub: 'curious-learner' });
    const q = `?session=${learner.token}`;
    for (const res of [
      await get(`/evaluator/queue${q}`),
      await get(`/evaluator/submissions/${id}${q}`),
      await postForm(`/evaluator/submissions/${id}/claim${q}`),
      await postForm(`/evaluator/submissions/${id}/evaluation${q}`, {
        'level:discovery': 'proficient',
        'level:value': 'proficient',
      }),
      await postForm(`/evaluator/submissions/${id}/release${q}`),
      await get(`/evaluator/calibration/security${q}`),
      await postForm(`/evaluator/calibration/security/ref-1${q}`, {
        'level:clarity': 'high',
        'level:risk': 'low',
      }),
      await get(`/evaluator/reports/agreement${q}`),
    ]) {
      expect(res.status, res.url).to.equal(403);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      expect(await res.text()).to.contain('Only evaluators can do this');
    }
    const evaluator = await launchAs(fixture, { sub: 'refusal-evaluator', roles: [roles.instructor] });
    const seen = await evaluator.call('GET', `/api/evaluator/submissions/${id}`);
    expect(seen.body).to.include({ status: 'submitted' });
    expect(seen.body.evaluations).to.deep.equal([]);
    expect(
      (await evaluator.call('GET', `/api/evaluator/submissions/${id}/audit`)).body.events,
    ).to.have.length(1);
  });

  it('refuse the admin pages without a sign-in, with a forged, expired or foreign session, and change nothing', async () => {
    const before = await platformCount();
    const [platform] = await fixture.storage.platforms.list();
    const learner = await launchAs(fixture, { sub: 'admin-curious' });
    const past = new Date(Date.now() - 31 * 60_000);
    for (const [label, query, message] of [
      ['no session', '', 'Sign in with the admin token to see the admin pages.'],
      [
        'a forged session',
        '?session=9999999999.abc.def',
        'This admin page session is not valid; sign in again.',
      ],
      [
        'a session of another ADMIN_TOKEN',
        `?session=${new AdminPageTokens('another-admin-token-0123456789').issue(new Date()).token}`,
        'This admin page session is not valid; sign in again.',
      ],
      [
        'an expired session',
        `?session=${new AdminPageTokens(adminToken).issue(past).token}`,
        'Your admin session has expired; sign in again.',
      ],
      [
        'a learner session',
        `?session=${learner.token}`,
        'This admin page session is not valid; sign in again.',
      ],
    ] as const) {
      for (const res of [
        await get(`/admin/platforms${query}`),
        await get(`/admin/outbox${query}`),
        await get(`/admin/course-links${query}`),
        await get(`/admin/content${query}`),
        await get(`/admin/platforms/${platform!.id}/remove${query}`),
        await postForm(`/admin/platforms${query}`, canvas),
        await postForm(`/admin/platforms/${platform!.id}/remove${query}`),
        await postForm(`/admin/outbox/retry${query}`, { all: 'dead' }),
      ]) {
        expect(res.status, `${label}: ${res.url}`).to.equal(401);
        expect(res.headers.get('cache-control')).to.equal('no-store');
        const body = await res.text();
        expect(body, label).to.contain(message).and.contain('<h1>Admin sign-in</h1>');
        expect(body).to.not.contain(platform!.issuer);
      }
    }
    expect(await platformCount()).to.equal(before);
  });

  it('refuse a wrong admin token at sign-in, and carry only a page session, never the token, once signed in', async () => {
    for (const [token, message] of [
      ['', 'Enter the admin token.'],
      ['not-the-admin-token-at-all', 'The admin token is wrong.'],
      [`${adminToken}x`, 'The admin token is wrong.'],
    ] as const) {
      const res = await postForm('/admin/sign-in', { token });
      expect(res.status).to.equal(401);
      expect(res.headers.get('location')).to.equal(null);
      expect(await res.text()).to.contain(message);
    }
    const signedIn = await postForm('/admin/sign-in', { token: adminToken });
    expect(signedIn.status).to.equal(303);
    expect(signedIn.headers.get('set-cookie')).to.equal(null);
    const location = signedIn.headers.get('location')!;
    expect(location).to.match(/^\/admin\/platforms\?session=\d+\.[\w-]+\.[\w-]+$/);
    expect(location).to.not.contain(adminToken);
    const page = await get(location);
    expect(page.status).to.equal(200);
    expect(page.headers.get('referrer-policy')).to.equal('no-referrer');
    expect(await page.text()).to.contain('Test LMS');
    // The admin page session is no learner session, and no bearer token for the admin API.
    const session = new URL(location, fixture.tool.url).searchParams.get('session')!;
    expect((await get(`/progress?session=${encodeURIComponent(session)}`)).status).to.equal(401);
    const api = await fetch(`${fixture.tool.url}/api/admin/platforms`, {
      headers: { Authorization: `Bearer ${session}` },
    });
    expect(api.status).to.equal(401);

    const registered = await postForm(`/admin/platforms?session=${session}`, canvas);
    expect(registered.status).to.equal(303);
    const again = await postForm(`/admin/platforms?session=${session}`, canvas);
    expect(again.status).to.equal(409);
    expect(await again.text()).to.contain('and client id &#39;c-1&#39; is already registered');
  });
});
