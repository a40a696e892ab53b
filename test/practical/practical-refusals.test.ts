import { expect } from 'chai';
import type { LearnerApi } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { TestClock } from '../support/test-clock.js';
import { testDatabases } from '../support/test-databases.js';
import { evaluator, learner, link, passWritten } from './practical-support.js';

for (const database of testDatabases) {
  describe(`the practical refuses bad input, changing nothing (${database.name})`, () => {
    const clock = new TestClock();
    const fixture = useRegisteredPlatform(database, { clock });
    let n = 0;
    let context: string;
    beforeEach(() => {
      n += 1;
      context = `refusal-context-${n}`;
    });

    const submissionsOf = async (api: LearnerApi, course = 'pipelines') =>
      (await api.call('GET', `/api/courses/${course}/practical`)).body.submissions as unknown[];

    async function submitted(sub = `refusal-learner-${n}`) {
      const alice = await learner(fixture, sub, context, 'pipelines');
      await passWritten(alice, 'pipelines');
      const res = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(n)],
      });
      expect(res.status, res.text).to.equal(201);
      return { alice, id: res.body.id as string };
    }

    const auditOf = async (api: LearnerApi, id: string) =>
      (await api.call('GET', `/api/evaluator/submissions/${id}/audit`)).body.events.map(
        (e: { action: string }) => e.action,
      );

    it('refuses evidence before the written exam is passed (403, saying what to pass)', async () => {
      const alice = await learner(fixture, `early-${n}`, context, 'pipelines');
      const res = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(1)],
      });
      expect(res.status).to.equal(403);
      expect(res.body).to.deep.equal({
        error: 'forbidden',
        message: 'The practical assessment opens once you pass the Pipelines written exam; pass it first.',
      });
      expect(await submissionsOf(alice)).to.deep.equal([]);
    });

    const badEvidence: [string, unknown, string][] = [
      [
        'a link that is not a URL',
        { links: [{ url: 'not a url' }] },
        'The evidence is invalid: links.0.url: must be an http(s) URL, e.g. https://drive.example.com/recording.mp4.',
      ],
      [
        'a javascript: URL',
        { links: [{ url: 'javascript:alert(1)' }] },
        'The evidence is invalid: links.0.url: must be an http(s) URL, e.g. https://drive.example.com/recording.mp4.',
      ],
      [
        'more than 10 links',
        { links: Array.from({ length: 11 }, (_, i) => link(i)) },
        'The evidence is invalid: links: may hold at most 10 links.',
      ],
      [
        'notes over 10,000 characters',
        { notes: 'x'.repeat(10_001) },
        'The evidence is invalid: notes: must be at most 10,000 characters.',
      ],
      ['nothing at all', {}, 'The evidence is invalid: (body): give at least one link or some notes.'],
      [
        'an unknown field',
        { links: [link(1)], file: 'x' },
        'The evidence is invalid: (body): unknown field(s) file.',
      ],
    ];
    for (const [what, body, message] of badEvidence) {
      it(`refuses evidence with ${what} (400, naming it)`, async () => {
        const alice = await learner(fixture, `bad-evidence-${n}`, context, 'pipelines');
        await passWritten(alice, 'pipelines');
        const res = await alice.call('POST', '/api/courses/pipelines/practical/submissions', body);
        expect(res.status).to.equal(400);
        expect(res.body.message).to.equal(message);
        expect(await submissionsOf(alice)).to.deep.equal([]);
      });
    }

    it('refuses a kind of evidence the practical does not take (422)', async () => {
      const alice = await learner(fixture, `kind-${n}`, context, 'security');
      await passWritten(alice, 'security');
      const res = await alice.call('POST', '/api/courses/security/practical/submissions', {
        notes: 'My notes.',
      });
      expect(res.status).to.equal(422);
      expect(res.body.message).to.equal(
        'The Security practical takes document, not notes; send links to your evidence.',
      );
      expect(await submissionsOf(alice, 'security')).to.deep.equal([]);
    });

    it('refuses a second submission while one waits, and allows it after a withdrawal', async () => {
      const { alice, id } = await submitted();
      const second = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(9)],
      });
      expect(second.status).to.equal(409);
      expect(second.body.message).to.equal(
        'Your submission 1 is waiting for an evaluator; withdraw it first to submit different evidence.',
      );
      const withdrawn = await alice.call('POST', `/api/practical-submissions/${id}/withdraw`);
      expect(withdrawn.status).to.equal(200);
      expect(withdrawn.body.status).to.equal('withdrawn');
      const again = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(9)],
      });
      expect(again.status).to.equal(201);
      expect(again.body.number).to.equal(2);
    });

    it('keeps learners out of the queue, grading, claims and releases (403)', async () => {
      const { alice, id } = await submitted();
      const mallory = await learner(fixture, `mallory-${n}`, context, 'pipelines');
      const message =
        'Only evaluators can do this: an Instructor or Teaching Assistant of the LMS course, or someone named in EVALUATORS.';
      for (const [method, path, body] of [
        ['GET', '/api/evaluator/queue'],
        ['GET', `/api/evaluator/submissions/${id}`],
        ['POST', `/api/evaluator/submissions/${id}/claim`],
        [
          'PUT',
          `/api/evaluator/submissions/${id}/evaluation`,
          { scores: [{ criterionId: 'discovery', levelId: 'proficient' }] },
        ],
        ['POST', `/api/evaluator/submissions/${id}/release`],
        ['GET', '/api/evaluator/reports/agreement'],
      ] as [string, string, unknown?][]) {
        const res = await mallory.call(method, path, body);
        expect(res.status, `${method} ${path}`).to.equal(403);
        expect(res.body).to.deep.equal({ error: 'forbidden', message });
      }
      const other = await mallory.call('GET', `/api/practical-submissions/${id}`);
      expect(other.status).to.equal(403);
      expect((await alice.call('GET', `/api/practical-submissions/${id}`)).body.status).to.equal('submitted');
    });

    it("refuses an evaluator grading their own submission (403) and another context's (403)", async () => {
      const sub = `self-${n}`;
      const selfLearner = await learner(fixture, sub, context, 'pipelines');
      await passWritten(selfLearner, 'pipelines');
      const own = await selfLearner.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(1)],
      });
      const self = await evaluator(fixture, sub, context);
      const res = await self.call('POST', `/api/evaluator/submissions/${own.body.id}/claim`);
      expect(res.status).to.equal(403);
      expect(res.body.message).to.equal('You cannot evaluate your own submission; another evaluator must.');
      const stranger = await evaluator(fixture, `stranger-${n}`, `elsewhere-${n}`);
      const foreign = await stranger.call('POST', `/api/evaluator/submissions/${own.body.id}/claim`);
      expect(foreign.status).to.equal(403);
      expect(foreign.body.message).to.equal(
        'This submission was made from another LMS course than the one you evaluate in.',
      );
      expect((await stranger.call('GET', '/api/evaluator/queue')).body.entries).to.deep.equal([]);
      const bob = await evaluator(fixture, `bob-${n}`, context);
      expect(await auditOf(bob, own.body.id)).to.deep.equal(['submitted']);
    });

    it('gives one of two evaluators claiming at once the claim; the other gets 409', async () => {
      const { id } = await submitted();
      const [bob, carol] = await Promise.all(
        ['bob', 'carol'].map((x) => evaluator(fixture, `${x}-${n}`, context)),
      );
      const answers = await Promise.all(
        [bob!, carol!].map((api) => api.call('POST', `/api/evaluator/submissions/${id}/claim`)),
      );
      expect(answers.map((a) => a.status).sort()).to.deep.equal([201, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.message).to.match(
        /^Evaluator (bob|carol)-\d+ has claimed this submission until .+; pick another one\.$/,
      );
      expect(await auditOf(bob!, id)).to.deep.equal(['submitted', 'claimed']);
    });

    it('lets another evaluator take an abandoned claim once it expires', async () => {
      const { id } = await submitted();
      const [bob, carol] = await Promise.all(
        ['bob', 'carol'].map((x) => evaluator(fixture, `${x}-${n}`, context)),
      );
      expect((await bob!.call('POST', `/api/evaluator/submissions/${id}/claim`)).status).to.equal(201);
      expect((await carol!.call('POST', `/api/evaluator/submissions/${id}/claim`)).status).to.equal(409);
      clock.advanceMinutes(121);
      expect((await carol!.call('POST', `/api/evaluator/submissions/${id}/claim`)).status).to.equal(201);
      const late = await bob!.call('PUT', `/api/evaluator/submissions/${id}/evaluation`, {
        scores: [
          { criterionId: 'discovery', levelId: 'proficient' },
          { criterionId: 'value', levelId: 'proficient' },
        ],
      });
      expect(late.status).to.equal(409);
      expect(late.body.message).to.equal(
        'Claim the submission first (POST …/claim); then send your evaluation.',
      );
    });

    it('refuses a withdrawal once grading started (409)', async () => {
      const { alice, id } = await submitted();
      const bob = await evaluator(fixture, `bob-${n}`, context);
      await bob.call('POST', `/api/evaluator/submissions/${id}/claim`);
      const res = await alice.call('POST', `/api/practical-submissions/${id}/withdraw`);
      expect(res.status).to.equal(409);
      expect(res.body.message).to.equal(
        'Grading of submission 1 has started; it can no longer be withdrawn.',
      );
      expect((await alice.call('GET', `/api/practical-submissions/${id}`)).body.status).to.equal('submitted');
    });

    it('refuses a criterion or a level the rubric does not have (422, naming it), keeping the claim', async () => {
      const { id } = await submitted();
      const bob = await evaluator(fixture, `bob-${n}`, context);
      await bob.call('POST', `/api/evaluator/submissions/${id}/claim`);
      const cases: [unknown[], string][] = [
        [
          [
            { criterionId: 'discovery', levelId: 'proficient' },
            { criterionId: 'charisma', levelId: 'proficient' },
          ],
          "the rubric has no criterion 'charisma' (criteria: discovery, value); every criterion needs a level; missing: value",
        ],
        [
          [
            { criterionId: 'discovery', levelId: 'stellar' },
            { criterionId: 'value', levelId: 'proficient' },
          ],
          "criterion 'discovery' has no level 'stellar' (levels: beginning, developing, proficient)",
        ],
        [
          [
            { criterionId: 'discovery', levelId: 'proficient', at: '99:99' },
            { criterionId: 'value', levelId: 'proficient' },
          ],
          "the time '99:99' for criterion 'discovery' is not m:ss or h:mm:ss",
        ],
      ];
      for (const [scores, problem] of cases) {
        const res = await bob.call('PUT', `/api/evaluator/submissions/${id}/evaluation`, { scores });
        expect(res.status).to.equal(422);
        expect(res.body.message).to.match(
          /^The evaluation does not fit the rubric \(version [0-9a-f]{12}\): /,
        );
        expect(res.body.message).to.contain(problem);
      }
      const view = await bob.call('GET', `/api/evaluator/submissions/${id}`);
      expect(view.body.status).to.equal('submitted');
      expect(view.body.evaluations.map((e: { status: string }) => e.status)).to.deep.equal(['claimed']);
      expect(await auditOf(bob, id)).to.deep.equal(['submitted', 'claimed']);
    });

    it('refuses grading a withdrawn or a released submission (409)', async () => {
      const { alice, id } = await submitted();
      const bob = await evaluator(fixture, `bob-${n}`, context);
      await alice.call('POST', `/api/practical-submissions/${id}/withdraw`);
      const onWithdrawn = await bob.call('POST', `/api/evaluator/submissions/${id}/claim`);
      expect(onWithdrawn.status).to.equal(409);
      expect(onWithdrawn.body.message).to.equal(
        'Submission 1 was withdrawn by the learner; there is nothing to grade.',
      );

      const next = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(2)],
      });
      const nextId = next.body.id as string;
      await bob.call('POST', `/api/evaluator/submissions/${nextId}/claim`);
      const scores = [
        { criterionId: 'discovery', levelId: 'proficient' },
        { criterionId: 'value', levelId: 'proficient' },
      ];
      expect(
        (await bob.call('PUT', `/api/evaluator/submissions/${nextId}/evaluation`, { scores })).status,
      ).to.equal(200);
      expect((await bob.call('POST', `/api/evaluator/submissions/${nextId}/release`)).status).to.equal(200);
      const onReleased = await bob.call('PUT', `/api/evaluator/submissions/${nextId}/evaluation`, { scores });
      expect(onReleased.status).to.equal(409);
      expect(onReleased.body.message).to.equal(
        'Submission 2 has been graded and released; there is nothing to grade.',
      );
      const releasedAgain = await bob.call('POST', `/api/evaluator/submissions/${nextId}/release`);
      expect(releasedAgain.status).to.equal(409);
      expect(releasedAgain.body.message).to.equal('Submission 2 has been released already.');
    });

    it('closes the appeal window after the configured days', async () => {
      const { alice, id } = await submitted();
      const bob = await evaluator(fixture, `bob-${n}`, context);
      await bob.call('POST', `/api/evaluator/submissions/${id}/claim`);
      await bob.call('PUT', `/api/evaluator/submissions/${id}/evaluation`, {
        scores: [
          { criterionId: 'discovery', levelId: 'beginning' },
          { criterionId: 'value', levelId: 'beginning' },
        ],
      });
      await bob.call('POST', `/api/evaluator/submissions/${id}/release`);
      clock.advanceMinutes(15 * 24 * 60);
      const res = await alice.call('POST', `/api/practical-submissions/${id}/appeal`, {
        reason: 'I disagree with discovery.',
      });
      expect(res.status).to.equal(409);
      expect(res.body.message).to.match(
        /^The appeal window closed at .+ \(14 days after the result was released\)\.$/,
      );
      expect((await alice.call('GET', `/api/practical-submissions/${id}`)).body.status).to.equal('released');
    });
  });
}
