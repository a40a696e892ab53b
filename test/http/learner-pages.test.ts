import { expect } from 'chai';
import { rightPicks } from '../exam/exam-answers.js';
import { launchAs } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';

const sqlite = testDatabases.find((d) => d.name === 'sqlite')!;

describe('learner pages over HTTP', () => {
  const fixture = useRegisteredPlatform(sqlite);
  const get = (path: string) => fetch(`${fixture.tool.url}${path}`, { redirect: 'manual' });
  const postForm = (path: string, fields: [string, string][] = []) =>
    fetch(`${fixture.tool.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  for (const [label, query, message] of [
    [
      'no session',
      '',
      'This page needs the session of a launch in its address (the session parameter), and it has none.',
    ],
    [
      'an unknown session',
      '?session=not-a-session',
      'The session token is not valid; launch the tool again from your platform.',
    ],
  ] as const) {
    it(`refuse ${label} with an HTML page that says to launch again`, async () => {
      const res = await get(`/progress${query}`);
      expect(res.status).to.equal(401);
      expect(res.headers.get('content-type')).to.match(/^text\/html/);
      expect(res.headers.get('cache-control')).to.equal('no-store');
      const body = await res.text();
      expect(body).to.contain('Your session is not valid').and.contain(message);
      expect(body).to.contain('Open Accredit again from your learning platform');
    });
  }

  it('answer with no-store, no Referer, no inline script or style, and the session in every page link', async () => {
    const learner = await launchAs(fixture, { sub: 'page-learner' });
    const res = await get(`/progress?session=${learner.token}`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
    expect(res.headers.get('content-security-policy'))
      .to.contain("script-src 'self'")
      .and.contain("style-src 'self'");
    const body = await res.text();
    expect(body).to.match(/^<!doctype html>\n<html lang="en">/);
    expect(body).to.contain(`<meta name="accredit-session" content="${learner.token}">`);
    for (const script of body.match(/<script[^>]*>/g) ?? [])
      expect(script).to.match(/ src="|application\/json/);
    expect(body).to.not.match(/\sstyle="|<style/);
    const pageLinks = [...body.matchAll(/href="(\/(?:progress|courses)[^"]*)"/g)].map((m) => m[1]);
    expect(pageLinks).to.include(`/courses/pipelines?session=${learner.token}`);
    for (const link of pageLinks) expect(link).to.contain(`session=${learner.token}`);
  });

  it('serve the scripts and styles with their content types and a year of caching', async () => {
    for (const [file, type] of [
      ['exam.js', /^(text|application)\/javascript/],
      ['launch.js', /^(text|application)\/javascript/],
      ['accredit.css', /^text\/css/],
    ] as const) {
      const res = await get(`/assets/${file}?v=any`);
      expect(res.status, file).to.equal(200);
      expect(res.headers.get('content-type')).to.match(type);
      expect(res.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
    }
    expect((await get('/assets/nothing.js')).status).to.equal(404);
  });

  it('take the exam form without scripts: save the posted answers, submit, and show the result', async () => {
    const learner = await launchAs(fixture, { sub: 'no-script-learner' });
    const started = await postForm(`/courses/pipelines/attempts?session=${learner.token}`);
    expect(started.status).to.equal(303);
    const location = started.headers.get('location')!;
    const attemptId = /^\/attempts\/([^/?]+)\?session=/.exec(location)?.[1];
    expect(attemptId, location).to.be.a('string');
    const attempt = await learner.call('GET', `/api/attempts/${attemptId}`);
    const questions = attempt.body.questions as { id: string; options: { id: string; html: string }[] }[];
    const fields = questions.flatMap((q) =>
      rightPicks(q).map((pick): [string, string] => [`answer:${q.id}`, pick]),
    );

    const submitted = await postForm(`/attempts/${attemptId}/submit?session=${learner.token}`, fields);
    expect(submitted.status).to.equal(303);
    expect(submitted.headers.get('location')).to.equal(`/attempts/${attemptId}?session=${learner.token}`);
    const after = await learner.call('GET', `/api/attempts/${attemptId}`);
    expect(after.body).to.deep.include({ status: 'submitted', submittedBy: 'learner', answered: 4 });
    expect(after.body.result).to.deep.include({ passed: true, percent: 100 });
    const result = await (await get(submitted.headers.get('location')!)).text();
    expect(result).to.contain('You scored 100 %; the passing score is 75 %.');

    const again = await postForm(`/attempts/${attemptId}/submit?session=${learner.token}`, []);
    expect(again.status).to.equal(303);
    expect((await learner.call('GET', `/api/attempts/${attemptId}`)).body).to.deep.equal(after.body);
  });

  it("refuse another learner's attempt with a 403 page that changes nothing", async () => {
    const owner = await launchAs(fixture, { sub: 'attempt-owner' });
    const stranger = await launchAs(fixture, { sub: 'attempt-stranger' });
    const started = await owner.call('POST', '/api/courses/pipelines/attempts');
    const attemptId = started.body.id as string;
    for (const res of [
      await get(`/attempts/${attemptId}?session=${stranger.token}`),
      await postForm(`/attempts/${attemptId}/submit?session=${stranger.token}`),
    ]) {
      expect(res.status).to.equal(403);
      expect(await res.text()).to.contain('This attempt belongs to another learner.');
    }
    const still = await owner.call('GET', `/api/attempts/${attemptId}`);
    expect(still.body).to.include({ status: 'in_progress', answered: 0 });
  });

  it('record a visit to the learning path and send the browser there without a Referer', async () => {
    const learner = await launchAs(fixture, { sub: 'path-learner' });
    const res = await get(`/courses/pipelines/learning-path?session=${learner.token}`);
    expect(res.status).to.equal(303);
    expect(res.headers.get('location')).to.equal('https://example.com/learning/pipelines');
    expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
  });
});
