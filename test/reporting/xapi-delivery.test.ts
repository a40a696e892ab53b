import { expect } from 'chai';
import { rightPicks, wrongPicks } from '../exam/exam-answers.js';
import { takeExam as takeCourseExam } from '../exam/take-exam.js';
import { type LearnerApi, launchAs } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { useTestLrs } from '../support/test-lrs.js';
import { waitFor } from '../support/wait-for.js';

// biome-ignore lint/suspicious/noExplicitAny: statements are read back as loose JSON.
type Json = Record<string, any>;

for (const database of testDatabases) {
  describe(`xAPI delivery through the outbox (${database.name})`, () => {
    const testLrs = useTestLrs();
    const fixture = useRegisteredPlatform(database, { config: testLrs.config });
    let n = 0;

    beforeEach(() => {
      testLrs.lrs.status = undefined;
      testLrs.lrs.refuse = undefined;
      testLrs.lrs.retryAfter = undefined;
      testLrs.lrs.maxBatch = undefined;
    });

    const takeExam = async (api: LearnerApi, pick: typeof rightPicks) =>
      (await takeCourseExam(api, 'pipelines', pick)).id as string;

    const ofAttempt = (attemptId: string) =>
      testLrs.lrs.statements().filter((s) => (s.context as Json | undefined)?.registration === attemptId);
    const outbox = async () => (await (await fixture.tool.admin('GET', '/api/admin/outbox')).json()) as Json;

    it('reports every step of an attempt with the expected statements', async () => {
      const api = await launchAs(fixture, { sub: `xapi-learner-${++n}`, custom: { course: 'pipelines' } });
      const attemptId = await takeExam(api, rightPicks);
      const statements = await waitFor(
        '8 statements at the LRS',
        () => ofAttempt(attemptId).length === 8 && ofAttempt(attemptId),
      );
      const verbs = statements.map((s) => (s.verb as Json).display['en-US']);
      expect(verbs.filter((v) => v === 'answered')).to.have.length(4);
      expect(verbs).to.include.members(['initialized', 'completed', 'passed', 'terminated']);
      for (const s of statements) {
        expect(s.actor).to.deep.equal({
          objectType: 'Agent',
          account: { homePage: fixture.platform.issuer, name: `xapi-learner-${n}` },
        });
        expect((s.context as Json).contextActivities.grouping).to.deep.equal([
          { objectType: 'Activity', id: `${fixture.tool.url}/xapi/accreditations/solution-architect` },
        ]);
        expect((s.context as Json).contextActivities.category).to.deep.equal([
          { objectType: 'Activity', id: `${fixture.tool.url}/xapi/profile/v1` },
        ]);
      }
      const passed = statements.find((s) => (s.verb as Json).display['en-US'] === 'passed')!;
      expect(passed.object).to.include({ id: `${fixture.tool.url}/xapi/courses/pipelines/written-exam` });
      expect(passed.result).to.deep.include({
        success: true,
        completion: true,
        score: { scaled: 1, raw: 5, min: 0, max: 5 },
      });
      expect((passed.result as Json).duration).to.match(/^PT/);
      expect((passed.context as Json).contextActivities.parent[0].id).to.equal(
        `${fixture.tool.url}/xapi/courses/pipelines`,
      );
      const answered = statements.find((s) => (s.object as Json).id.endsWith('/questions/q-multi'))!;
      expect((answered.object as Json).definition).to.deep.include({
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['o1[,]o2'],
      });
      expect(answered.result).to.deep.equal({
        response: 'o1[,]o2',
        success: true,
        score: { raw: 2, min: 0, max: 2 },
      });
      const status = await outbox();
      expect(status.entries.filter((e: Json) => e.status === 'pending')).to.have.length(0);
    });

    it('reports a launch with a launched statement for the course, outside any attempt', async () => {
      const sub = `xapi-launcher-${++n}`;
      await launchAs(fixture, { sub, custom: { course: 'pipelines' } });
      const [launched] = await waitFor('the launched statement', () => {
        const found = testLrs.lrs
          .statements()
          .filter(
            (s) => (s.actor as Json).account.name === sub && (s.verb as Json).display['en-US'] === 'launched',
          );
        return found.length === 1 && found;
      });
      expect(launched!.verb).to.deep.equal({
        id: 'http://adlnet.gov/expapi/verbs/launched',
        display: { 'en-US': 'launched' },
      });
      expect(launched!.object).to.deep.include({ id: `${fixture.tool.url}/xapi/courses/pipelines` });
      expect((launched!.context as Json).registration).to.equal(undefined);
      expect((launched!.context as Json).contextActivities.grouping).to.deep.equal([
        { objectType: 'Activity', id: `${fixture.tool.url}/xapi/accreditations/solution-architect` },
      ]);
    });

    it('keeps every statement through an LRS outage and delivers each once when it recovers', async () => {
      testLrs.lrs.status = 503;
      const api = await launchAs(fixture, { sub: `xapi-learner-${++n}`, custom: { course: 'pipelines' } });
      const attemptId = await takeExam(api, wrongPicks);
      await waitFor('retries during the outage', async () => {
        const status = await outbox();
        return status.entries.some(
          (e: Json) => e.status === 'pending' && e.tries >= 2 && /LRS answered 503/.test(e.lastError),
        );
      });
      expect(ofAttempt(attemptId)).to.have.length(0);
      testLrs.lrs.status = undefined;
      const statements = await waitFor(
        '8 statements after recovery',
        () => ofAttempt(attemptId).length === 8 && ofAttempt(attemptId),
      );
      expect(new Set(statements.map((s) => s.id)).size).to.equal(8);
      expect(statements.map((s) => (s.verb as Json).display['en-US'])).to.include('failed');
    });

    it('dead-letters the one statement the LRS refuses (400), with its message, and delivers the rest', async () => {
      testLrs.lrs.refuse = (s) => (s.verb as Json).display['en-US'] === 'completed';
      const api = await launchAs(fixture, { sub: `xapi-learner-${++n}`, custom: { course: 'pipelines' } });
      const attemptId = await takeExam(api, rightPicks);
      await waitFor('7 statements delivered', () => ofAttempt(attemptId).length === 7);
      const status = await waitFor('a dead entry', async () => {
        const s = await outbox();
        return s.entries.some((e: Json) => e.status === 'dead') && s;
      });
      const dead = status.entries.filter((e: Json) => e.status === 'dead');
      expect(dead).to.have.length(1);
      expect(dead[0]).to.include({ kind: 'completed', target: 'xapi' });
      expect(dead[0].lastError).to.match(/^LRS answered 400: .*result\.score\.raw exceeds max/);

      testLrs.lrs.refuse = undefined;
      const retried = await fixture.tool.admin('POST', '/api/admin/outbox/retry', { allDead: true });
      expect(await retried.json()).to.deep.equal({ retried: 1 });
      await waitFor('the retried statement delivered', () => ofAttempt(attemptId).length === 8);
    });

    it('dead-letters a statement the LRS holds differently (409) and never retries it', async () => {
      testLrs.lrs.status = 503;
      const api = await launchAs(fixture, { sub: `xapi-learner-${++n}`, custom: { course: 'pipelines' } });
      const started = await api.call('POST', '/api/courses/pipelines/attempts');
      expect(started.status).to.equal(201);
      const pending = await waitFor('the initialized statement queued', async () =>
        (await outbox()).entries.find((e: Json) => e.kind === 'initialized' && e.status === 'pending'),
      );
      // The LRS already holds a different statement under that id: a bug on our side, never a reason to loop.
      testLrs.lrs.stored.set(pending.id, JSON.stringify({ id: pending.id, verb: 'something else' }));
      testLrs.lrs.status = undefined;
      const dead = await waitFor('the 409 dead-lettered', async () =>
        (await outbox()).entries.find((e: Json) => e.id === pending.id && e.status === 'dead'),
      );
      expect(dead.lastError).to.match(/^LRS answered 409: .*a different statement/);
      const sends = testLrs.lrs.received.filter((id) => id === pending.id).length;
      await new Promise((r) => setTimeout(r, 300));
      expect(testLrs.lrs.received.filter((id) => id === pending.id).length).to.equal(sends);
    });

    it('halves batches the LRS finds too large (413) until they pass', async () => {
      const deadBefore = (await outbox()).entries.filter((e: Json) => e.status === 'dead').length;
      testLrs.lrs.status = 503;
      const api = await launchAs(fixture, { sub: `xapi-learner-${++n}`, custom: { course: 'pipelines' } });
      const attemptId = await takeExam(api, rightPicks);
      testLrs.lrs.maxBatch = 2;
      testLrs.lrs.status = undefined;
      await waitFor('8 statements delivered in small batches', () => ofAttempt(attemptId).length === 8);
      expect((await outbox()).entries.filter((e: Json) => e.status === 'dead')).to.have.length(deadBefore);
    });

    it('exposes queue depth, the oldest pending age and delivery outcomes at /metrics', async () => {
      const text = await (await fetch(`${fixture.tool.url}/metrics`)).text();
      expect(text).to.match(/^accredit_outbox_entries\{target="xapi",status="delivered"\} \d+$/m);
      expect(text).to.match(/^accredit_deliveries_total\{target="xapi",result="delivered"\} [1-9]\d*$/m);
      expect(text).to.match(/^accredit_deliveries_total\{target="xapi",result="retry"\} [1-9]\d*$/m);
      expect(text).to.match(/^accredit_deliveries_total\{target="xapi",result="dead"\} [1-9]\d*$/m);
      expect(text).to.match(/^accredit_live_sessions \d+$/m);
    });
  });
}
