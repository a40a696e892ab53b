import { expect } from 'chai';
import { OutboxLearningRecords } from '../../src/reporting/outbox-learning-records.js';
import { systemIds } from '../../src/security/system-ids.js';
import { ProgramVersions } from '../../src/services/exam/program-versions.js';
import { sweepOverdueAttempts } from '../../src/services/exam/sweep-overdue-attempts.js';
import { type LearnerApi, launchAs } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { TestClock } from '../support/test-clock.js';
import { testDatabases } from '../support/test-databases.js';
import { testProgram } from '../support/test-program.js';
import { rightPicks, wrongPicks } from './exam-answers.js';

interface Question {
  id: string;
  type: string;
  options: { id: string; html: string }[];
}

for (const database of testDatabases) {
  describe(`written exam over HTTP (${database.name})`, () => {
    const clock = new TestClock();
    const fixture = useRegisteredPlatform(database, { clock });
    let n = 0;
    const learner = (course = 'pipelines') =>
      launchAs(fixture, { sub: `learner-${++n}`, custom: { course } });

    async function start(api: LearnerApi, course = 'pipelines') {
      const res = await api.call('POST', `/api/courses/${course}/attempts`);
      expect(res.status, res.text).to.equal(201);
      return res.body as { id: string; questions: Question[]; deadline: string; secondsLeft: number };
    }

    async function answerAll(
      api: LearnerApi,
      attemptId: string,
      questions: Question[],
      pick: typeof rightPicks,
    ) {
      for (const q of questions) {
        const res = await api.call('PUT', `/api/attempts/${attemptId}/responses/${q.id}`, {
          selected: pick(q),
        });
        expect(res.status, res.text).to.equal(200);
      }
    }

    it('takes a learner from launch to a passed exam, and opens the practical', async () => {
      const api = await learner();
      const before = await api.call('GET', '/api/courses/pipelines');
      expect(before.status).to.equal(200);
      expect(before.body.exam).to.include({
        state: 'not_started',
        canStart: true,
        passingScore: 75,
        attemptsLeft: 2,
      });
      expect(before.body.practical).to.deep.equal({
        status: 'locked',
        message:
          'Pass the written exam of Pipelines first: the practical assessment opens to learners who passed it.',
      });

      const attempt = await start(api);
      expect(attempt.questions).to.have.length(4);
      expect(attempt.secondsLeft).to.be.within(590, 600);
      await answerAll(api, attempt.id, attempt.questions, rightPicks);
      const submitted = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
      expect(submitted.status, submitted.text).to.equal(200);
      expect(submitted.body).to.include({ status: 'submitted', submittedBy: 'learner', review: 'full' });
      expect(submitted.body.result).to.deep.equal({
        passed: true,
        score: 5,
        maxScore: 5,
        percent: 100,
        passingScore: 75,
      });
      const reviewed = submitted.body.questions as { correct: boolean; key: { correctOptions: string[] } }[];
      expect(reviewed.every((q) => q.correct)).to.equal(true);
      expect(reviewed.every((q) => q.key.correctOptions.length > 0)).to.equal(true);

      const after = await api.call('GET', '/api/courses/pipelines');
      expect(after.body.exam).to.include({ state: 'passed', canStart: false, blockedBy: 'passed' });
      expect(after.body.practical).to.include({ status: 'open', title: 'Pipeline demo' });
      const again = await api.call('POST', '/api/courses/pipelines/attempts');
      expect(again.status).to.equal(409);
      expect(again.body).to.deep.equal({
        error: 'not_allowed_yet',
        message: 'You have already passed this written exam; no further attempt is needed.',
      });
      const progress = await api.call('GET', '/api/progress');
      expect(progress.body.accreditations).to.deep.equal([
        {
          id: 'solution-architect',
          title: 'Solution Architect Accreditation',
          audience: 'Solution Architect',
          courses: [
            { id: 'pipelines', title: 'Pipelines', written: 'passed', practical: 'open', certified: false },
            {
              id: 'security',
              title: 'Security',
              written: 'not_started',
              practical: 'locked',
              certified: false,
            },
          ],
        },
      ]);
    });

    it('queues the statements of every step in the outbox, kept undelivered while no LRS is configured', async () => {
      const api = await learner();
      const attempt = await start(api);
      await answerAll(api, attempt.id, attempt.questions, rightPicks);
      await api.call('POST', `/api/attempts/${attempt.id}/submit`);
      const res = await fixture.tool.admin('GET', '/api/admin/outbox?status=pending&target=xapi');
      const body = (await res.json()) as { lrsConfigured: boolean; entries: { id: string; kind: string }[] };
      expect(body.lrsConfigured).to.equal(false);
      const mine = [];
      for (const entry of body.entries) {
        const [stored] = await fixture.storage.outbox
          .list({ status: 'pending', limit: 1000 })
          .then((all) => all.filter((e) => e.id === entry.id));
        if (stored && JSON.parse(stored.payload).context.registration === attempt.id) mine.push(entry.kind);
      }
      expect(mine.sort()).to.deep.equal(
        [
          'answered',
          'answered',
          'answered',
          'answered',
          'completed',
          'initialized',
          'passed',
          'terminated',
        ].sort(),
      );
      const bad = await fixture.tool.admin('GET', '/api/admin/outbox?status=lost');
      expect(bad.status).to.equal(400);
      expect(await bad.json()).to.deep.equal({
        error: 'invalid_request',
        message: "status must be pending, delivered or dead, not 'lost'.",
      });
    });

    it('fails a learner, then enforces the cooldown, the remediation and the attempt limit', async () => {
      const api = await learner();
      const first = await start(api);
      await answerAll(api, first.id, first.questions, wrongPicks);
      const failed = await api.call('POST', `/api/attempts/${first.id}/submit`);
      expect(failed.body.result).to.include({ passed: false, score: 0, percent: 0 });
      const submittedAt = new Date(failed.body.submittedAt as string);

      const early = await api.call('POST', '/api/courses/pipelines/attempts');
      const opensAt = new Date(submittedAt.getTime() + 24 * 3_600_000).toISOString();
      expect(early.status).to.equal(409);
      expect(early.body).to.deep.equal({
        error: 'not_allowed_yet',
        message: `Your next attempt opens at ${opensAt}, after the retake cooldown.`,
        opensAt,
      });
      const status = await api.call('GET', '/api/courses/pipelines');
      expect(status.body.exam).to.include({
        state: 'failed',
        canStart: false,
        blockedBy: 'cooldown',
        opensAt,
      });

      clock.advance(24 * 3_600_000 + 1000);
      const remediation = await api.call('POST', '/api/courses/pipelines/attempts');
      expect(remediation.status).to.equal(409);
      expect(remediation.body.message).to.equal(
        "Before the next attempt, revisit the course's learning path (https://example.com/learning/pipelines) through the course page.",
      );
      const visit = await api.call('POST', '/api/courses/pipelines/learning-path-visits');
      expect(visit.status).to.equal(201);
      expect(visit.body).to.deep.equal({ url: 'https://example.com/learning/pipelines' });

      const second = await start(api);
      await answerAll(api, second.id, second.questions, wrongPicks);
      await api.call('POST', `/api/attempts/${second.id}/submit`);
      clock.advance(24 * 3_600_000 + 1000);
      await api.call('POST', '/api/courses/pipelines/learning-path-visits');
      const beyond = await api.call('POST', '/api/courses/pipelines/attempts');
      expect(beyond.status).to.equal(409);
      expect(beyond.body).to.deep.equal({
        error: 'not_allowed_yet',
        message:
          'You have used all 2 attempts at this written exam; ask your program admin if you need another.',
      });
      expect((await api.call('GET', '/api/courses/pipelines')).body.exam).to.include({
        attemptsLeft: 0,
        attemptsUsed: 2,
      });
    });

    it('gives partial credit on multiple response and scores unanswered items 0', async () => {
      const api = await learner();
      const attempt = await start(api);
      const multi = attempt.questions.find((q) => q.id === 'q-multi')!;
      const [oneRight] = rightPicks(multi);
      const res = await api.call('PUT', `/api/attempts/${attempt.id}/responses/q-multi`, {
        selected: [oneRight],
      });
      expect(res.status).to.equal(200);
      const submitted = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
      expect(submitted.body.result).to.include({ score: 1, maxScore: 5, percent: 20, passed: false });
    });

    it('submits an attempt past its deadline by itself and refuses late answers, naming the deadline', async () => {
      const api = await learner();
      const attempt = await start(api);
      const q = attempt.questions[0]!;
      expect(
        (await api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { selected: rightPicks(q) }))
          .status,
      ).to.equal(200);
      clock.advanceMinutes(11);
      const late = await api.call(
        'PUT',
        `/api/attempts/${attempt.id}/responses/${attempt.questions[1]!.id}`,
        {
          selected: rightPicks(attempt.questions[1]!),
        },
      );
      expect(late.status).to.equal(409);
      expect(late.body).to.deep.equal({
        error: 'attempt_closed',
        message: `The deadline of this attempt was ${attempt.deadline}; answers after it are not accepted. The attempt was submitted as it stood.`,
        deadline: attempt.deadline,
      });
      const read = await api.call('GET', `/api/attempts/${attempt.id}`);
      expect(read.body).to.include({
        status: 'submitted',
        submittedBy: 'timeout',
        submittedAt: attempt.deadline,
        answered: 1,
      });
    });

    it('closes an attempt past its deadline on the next read', async () => {
      const api = await learner();
      const attempt = await start(api);
      clock.advanceMinutes(11);
      const read = await api.call('GET', `/api/attempts/${attempt.id}`);
      expect(read.body).to.include({ status: 'submitted', submittedBy: 'timeout' });
      expect(read.body.result).to.include({ score: 0, passed: false });
    });

    it('has the sweeper submit attempts past their deadline, nobody asking', async () => {
      const api = await learner();
      const attempt = await start(api);
      clock.advanceMinutes(11);
      const deps = {
        storage: fixture.storage,
        programs: new ProgramVersions(testProgram, fixture.storage.contentVersions),
        clock,
        ids: systemIds,
        records: new OutboxLearningRecords({
          platforms: fixture.storage.platforms,
          program: () => testProgram,
          toolUrl: fixture.tool.url,
          ids: systemIds,
          clock,
        }),
      };
      expect(await sweepOverdueAttempts(deps)).to.be.at.least(1);
      const swept = await fixture.storage.attempts.findById(attempt.id);
      expect(swept).to.deep.include({ status: 'submitted', submittedBy: 'timeout' });
      expect(swept!.submittedAt!.toISOString()).to.equal(attempt.deadline);
      expect(await sweepOverdueAttempts(deps)).to.equal(0);
    });

    it('resumes the open attempt after the browser is closed, with the answers saved', async () => {
      const first = await launchAs(fixture, { sub: 'resumer', custom: { course: 'pipelines' } });
      const attempt = await start(first);
      const q = attempt.questions[0]!;
      await first.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { selected: rightPicks(q) });
      const second = await launchAs(fixture, { sub: 'resumer', custom: { course: 'pipelines' } });
      const resumed = await second.call('POST', '/api/courses/pipelines/attempts');
      expect(resumed.status).to.equal(200);
      expect(resumed.body.id).to.equal(attempt.id);
      const questions = resumed.body.questions as (Question & { selected: string[] })[];
      expect(questions.map((x) => x.id)).to.deep.equal(attempt.questions.map((x) => x.id));
      expect(questions.map((x) => x.options)).to.deep.equal(attempt.questions.map((x) => x.options));
      expect(questions[0]!.selected).to.deep.equal(rightPicks(q));
      expect(resumed.body.answered).to.equal(1);
    });

    it('saves the same answer twice without harm (idempotent)', async () => {
      const api = await learner();
      const attempt = await start(api);
      const q = attempt.questions[0]!;
      const a = await api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, {
        selected: rightPicks(q),
      });
      const b = await api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, {
        selected: rightPicks(q),
      });
      expect(a.status).to.equal(200);
      expect(b.status).to.equal(200);
      expect(b.body.answered).to.equal(1);
    });

    it('gives one attempt to many concurrent starts', async () => {
      const api = await learner();
      const results = await Promise.all(
        Array.from({ length: 6 }, () => api.call('POST', '/api/courses/pipelines/attempts')),
      );
      expect(new Set(results.map((r) => r.body.id)).size).to.equal(1);
      expect(results.filter((r) => r.status === 201)).to.have.length(1);
      expect(results.filter((r) => r.status === 200)).to.have.length(5);
    });

    it('never sends an answer key, a correctness flag or a score before submission', async () => {
      const api = await learner();
      const bodies: string[] = [];
      const keep = async (p: Promise<{ status: number; text: string }>) => {
        const r = await p;
        bodies.push(r.text);
        return r;
      };
      await keep(api.call('GET', '/api/courses/pipelines'));
      const started = await keep(api.call('POST', '/api/courses/pipelines/attempts'));
      const attempt = JSON.parse(started.text) as { id: string; questions: Question[] };
      for (const q of attempt.questions) {
        await keep(
          api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { selected: wrongPicks(q) }),
        );
        await keep(api.call('GET', `/api/attempts/${attempt.id}`));
      }
      await keep(api.call('POST', '/api/courses/pipelines/attempts'));
      await keep(api.call('GET', '/api/progress'));
      const forbiddenKeys = [
        'correct',
        'key',
        'answer',
        'feedback',
        'feedbackHtml',
        'correctOptions',
        'earned',
        'score',
        'result',
        'percent',
      ];
      const walk = (value: unknown, path: string) => {
        if (Array.isArray(value)) {
          for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
        } else if (value && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) {
            expect(forbiddenKeys, `${path}.${k}`).to.not.include(k);
            walk(v, `${path}.${k}`);
          }
        }
      };
      for (const text of bodies) {
        walk(JSON.parse(text), '$');
        for (const feedback of ['Build comes first.', 'Deploy comes last.', 'Right.', 'It can.']) {
          expect(text).to.not.contain(feedback);
        }
      }
      const submitted = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
      expect(submitted.text).to.contain('Build comes first.');
    });

    it('pins an attempt to the content version it began on', async () => {
      const api = await learner();
      const attempt = await start(api);
      const stored = await fixture.storage.contentVersions.find(
        (await api.call('GET', `/api/attempts/${attempt.id}`)).body.contentVersion as string,
      );
      expect(stored).to.be.a('string');
      const program = JSON.parse(stored!) as { courses: { id: string; questions: { id: string }[] }[] };
      const pinned = program.courses.find((c) => c.id === 'pipelines')!.questions.map((q) => q.id);
      expect(attempt.questions.every((q) => pinned.includes(q.id))).to.equal(true);
    });

    describe('refusals', () => {
      it('answers 404 for an unknown course', async () => {
        const api = await learner();
        for (const [method, path] of [
          ['GET', '/api/courses/nope'],
          ['POST', '/api/courses/nope/attempts'],
        ] as const) {
          const res = await api.call(method, path);
          expect(res.status).to.equal(404);
          expect(res.body).to.deep.equal({
            error: 'not_found',
            message: "There is no course 'nope'. Courses: pipelines, security.",
          });
        }
      });

      it('refuses malformed responses with 400 and saves nothing', async () => {
        const api = await learner();
        const attempt = await start(api);
        const q = attempt.questions[0]!;
        const cases: [unknown, string][] = [
          [{ selected: 'a' }, 'The response is invalid: selected: expected array, received string.'],
          [{}, 'The response is invalid: selected: is required.'],
          [{ selected: ['a'], extra: 1 }, 'The response is invalid: (body): unknown field(s) extra.'],
          ['{"selected": [', 'The request body is not valid JSON.'],
        ];
        for (const [body, message] of cases) {
          const res = await api.call('PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, body);
          expect(res.status).to.equal(400);
          expect(res.body.message).to.equal(message);
        }
        expect((await api.call('GET', `/api/attempts/${attempt.id}`)).body.answered).to.equal(0);
      });

      it('refuses a question outside the attempt and an option that does not exist (422), saving nothing', async () => {
        const api = await learner('security');
        const attempt = await start(api, 'security');
        const outside = await api.call('PUT', `/api/attempts/${attempt.id}/responses/q-single`, {
          selected: ['a'],
        });
        expect(outside.status).to.equal(422);
        expect(outside.body).to.deep.equal({
          error: 'invalid_response',
          message: "Question 'q-single' is not part of this attempt.",
        });
        const option = await api.call('PUT', `/api/attempts/${attempt.id}/responses/s-1`, {
          selected: ['maybe'],
        });
        expect(option.status).to.equal(422);
        expect(option.body.message).to.equal(
          "The response is invalid: option 'maybe' does not exist in question 's-1' (options: true, false).",
        );
        const two = await api.call('PUT', `/api/attempts/${attempt.id}/responses/s-1`, {
          selected: ['true', 'false'],
        });
        expect(two.status).to.equal(422);
        expect(two.body.message).to.equal(
          "The response is invalid: question 's-1' takes one option at most.",
        );
        expect((await api.call('GET', `/api/attempts/${attempt.id}`)).body.answered).to.equal(0);
      });

      it('refuses a second submit with 409 and keeps the first result', async () => {
        const api = await learner();
        const attempt = await start(api);
        await answerAll(api, attempt.id, attempt.questions, rightPicks);
        const first = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
        const second = await api.call('POST', `/api/attempts/${attempt.id}/submit`);
        expect(second.status).to.equal(409);
        expect(second.body).to.deep.equal({
          error: 'attempt_closed',
          message: `This attempt was already submitted at ${first.body.submittedAt}; it cannot change.`,
        });
        expect((await api.call('GET', `/api/attempts/${attempt.id}`)).body.result).to.deep.equal(
          first.body.result,
        );
      });

      it("refuses to read, answer or submit another learner's attempt (403), changing nothing", async () => {
        const owner = await learner();
        const attempt = await start(owner);
        const other = await learner();
        const q = attempt.questions[0]!;
        for (const [method, path, body] of [
          ['GET', `/api/attempts/${attempt.id}`, undefined],
          ['PUT', `/api/attempts/${attempt.id}/responses/${q.id}`, { selected: rightPicks(q) }],
          ['POST', `/api/attempts/${attempt.id}/submit`, undefined],
        ] as const) {
          const res = await other.call(method, path, body);
          expect(res.status, `${method} ${path}`).to.equal(403);
          expect(res.body).to.deep.equal({
            error: 'forbidden',
            message: 'This attempt belongs to another learner.',
          });
        }
        const mine = await owner.call('GET', `/api/attempts/${attempt.id}`);
        expect(mine.body).to.include({ status: 'in_progress', answered: 0 });
      });

      it('answers 404 for an attempt that does not exist', async () => {
        const api = await learner();
        const res = await api.call('GET', '/api/attempts/nope');
        expect(res.status).to.equal(404);
        expect(res.body).to.deep.equal({ error: 'not_found', message: "There is no attempt 'nope'." });
      });

      it('refuses the learner API without a session', async () => {
        const res = await fetch(`${fixture.tool.url}/api/courses/pipelines`);
        expect(res.status).to.equal(401);
      });
    });
  });
}
