import { expect } from 'chai';
import type { LearnerApi } from '../support/learner-api.js';
import { useRegisteredPlatform } from '../support/lti-fixture.js';
import { testDatabases } from '../support/test-databases.js';
import { useTestLrs } from '../support/test-lrs.js';
import { waitFor } from '../support/wait-for.js';
import { evaluator, learner, link, passWritten } from './practical-support.js';

// biome-ignore lint/suspicious/noExplicitAny: answers are read back as loose JSON.
type Json = Record<string, any>;

for (const database of testDatabases) {
  describe(`the practical assessment, from evidence to certification (${database.name})`, () => {
    const testLrs = useTestLrs();
    const fixture = useRegisteredPlatform(database, { config: testLrs.config });
    let n = 0;
    let context: string;
    beforeEach(() => {
      n += 1;
      context = `practical-context-${n}`;
    });

    const statementsOf = (sub: string) =>
      testLrs.lrs.statements().filter((s) => (s.actor as Json).account.name === sub);
    const verbsOf = (sub: string) =>
      statementsOf(sub).map((s) => (s.verb as Json).display['en-US'] as string);
    const practicalScores = (sub: string) => {
      const items = fixture.platform.gradebook.lineItems
        .filter((i) => i.contextId === context && i.tag === 'accredit-practical')
        .map((i) => i.id);
      return fixture.platform.gradebook.scores.filter(
        (s) => s.status === 200 && s.body.userId === sub && items.includes(s.lineItemId),
      );
    };

    async function grade(api: LearnerApi, id: string, levels: Record<string, string>, comment?: string) {
      const claimed = await api.call('POST', `/api/evaluator/submissions/${id}/claim`);
      expect(claimed.status, claimed.text).to.equal(201);
      return api.call('PUT', `/api/evaluator/submissions/${id}/evaluation`, {
        scores: Object.entries(levels).map(([criterionId, levelId]) => ({
          criterionId,
          levelId,
          comment: `About ${criterionId}.`,
          at: '12:40',
        })),
        ...(comment ? { comment } : {}),
      });
    }

    it('takes a learner who passed the written exam through submission, grading and release to certification', async () => {
      const sub = `cert-learner-${n}`;
      const alice = await learner(fixture, sub, context, 'pipelines');
      const locked = await alice.call('GET', '/api/courses/pipelines/practical');
      expect(locked.body).to.include({ open: false });
      await passWritten(alice, 'pipelines');

      const open = await alice.call('GET', '/api/courses/pipelines/practical');
      expect(open.body).to.include({ open: true, message: null, title: 'Pipeline demo' });
      expect(open.body.rubric.criteria.map((c: Json) => c.id)).to.deep.equal(['discovery', 'value']);
      expect(open.body.rubric).to.include({ passThreshold: 5, maximum: 6 });

      const submitted = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(1)],
        notes: 'Demo for ACME on 12 November.',
      });
      expect(submitted.status, submitted.text).to.equal(201);
      expect(submitted.body).to.include({ status: 'submitted', number: 1, result: null });
      const id = submitted.body.id as string;

      // The gradebook hears it waits for an evaluator.
      const [pending] = await waitFor(
        'the PendingManual score',
        () => practicalScores(sub).length === 1 && practicalScores(sub),
      );
      expect(pending!.body).to.include({
        userId: sub,
        activityProgress: 'Submitted',
        gradingProgress: 'PendingManual',
      });
      expect(pending!.body).to.not.have.property('scoreGiven');
      const practicalItem = fixture.platform.gradebook.lineItems.find((i) => i.id === pending!.lineItemId)!;
      expect(practicalItem).to.include({
        tag: 'accredit-practical',
        resourceId: 'pipelines',
        label: 'Pipelines: practical assessment',
      });

      const bob = await evaluator(fixture, `cert-evaluator-${n}`, context);
      const queue = await bob.call('GET', '/api/evaluator/queue?courseId=pipelines');
      expect(queue.status, queue.text).to.equal(200);
      const entry = queue.body.entries.find((e: Json) => e.id === id);
      expect(entry).to.include({ awaiting: 'first', status: 'submitted', canTake: true, claim: null });
      expect(entry.learner).to.deep.equal({ subject: sub, name: `Learner ${sub}` });

      const graded = await grade(bob, id, { discovery: 'proficient', value: 'proficient' }, 'A crisp demo.');
      expect(graded.status, graded.text).to.equal(200);
      expect(graded.body).to.include({ status: 'ready', awaiting: 'release' });
      expect(graded.body.result.decision).to.include({ total: 6, maximum: 6, percent: 100, passed: true });

      // Not released yet: the learner sees no result.
      const before = await alice.call('GET', `/api/practical-submissions/${id}`);
      expect(before.body).to.include({ status: 'ready', result: null });

      const released = await bob.call('POST', `/api/evaluator/submissions/${id}/release`);
      expect(released.status, released.text).to.equal(200);
      expect(released.body.certified).to.be.a('string');

      const seen = await alice.call('GET', `/api/practical-submissions/${id}`);
      expect(seen.body.result).to.deep.include({
        passed: true,
        total: 6,
        maximum: 6,
        passThreshold: 5,
        belowMinimum: [],
        comment: 'A crisp demo.',
        rubricVersion: open.body.rubric.version,
      });
      expect(seen.body.result.criteria[0]).to.deep.equal({
        criterionId: 'discovery',
        title: 'Discovery',
        level: { id: 'proficient', title: 'Proficient', points: 3 },
        belowMinimum: false,
        comment: 'About discovery.',
        at: '12:40',
      });
      expect(seen.body.appeal.possibleUntil).to.be.a('string');

      const progress = await alice.call('GET', '/api/progress');
      const course = progress.body.accreditations[0].courses.find((c: Json) => c.id === 'pipelines');
      expect(course).to.include({ written: 'passed', practical: 'passed', certified: true });
      const practical = await alice.call('GET', '/api/courses/pipelines/practical');
      expect(practical.body.certification.practical.decision.passed).to.equal(true);
      expect(practical.body.certification.written.passed).to.equal(true);

      const scores = await waitFor(
        'the FullyGraded score',
        () => practicalScores(sub).length === 2 && practicalScores(sub),
      );
      expect(scores[1]!.body).to.include({
        scoreGiven: 100,
        scoreMaximum: 100,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
      });
      expect(scores[1]!.body.comment).to.match(/^Passed: 6 of 6 points \(5 needed\).*A crisp demo\.$/);
      expect(Date.parse(scores[1]!.body.timestamp as string)).to.be.greaterThan(
        Date.parse(scores[0]!.body.timestamp as string),
      );

      await waitFor('the learner statements', () =>
        ['submitted', 'passed', 'certified'].every((v) => verbsOf(sub).includes(v)),
      );
      const evaluated = await waitFor('the evaluated statement', () =>
        statementsOf(`cert-evaluator-${n}`).find((s) => (s.verb as Json).display['en-US'] === 'evaluated'),
      );
      expect((evaluated.context as Json).registration).to.equal(id);
      expect(evaluated.result).to.deep.include({ success: true });
      const passedPractical = statementsOf(sub).find(
        (s) => (s.verb as Json).display['en-US'] === 'passed' && (s.object as Json).id.endsWith('/practical'),
      )!;
      expect(passedPractical.result).to.deep.include({ success: true, completion: true });

      const audit = await bob.call('GET', `/api/evaluator/submissions/${id}/audit`);
      expect(audit.body.events.map((e: Json) => e.action)).to.deep.equal([
        'submitted',
        'claimed',
        'evaluated',
        'ready_for_release',
        'released',
      ]);
      expect(audit.body.events[2].actor).to.deep.equal({
        subject: `cert-evaluator-${n}`,
        name: `Evaluator cert-evaluator-${n}`,
      });
    });

    it('lets a learner who failed the practical submit again and pass', async () => {
      const sub = `retry-learner-${n}`;
      const alice = await learner(fixture, sub, context, 'pipelines');
      await passWritten(alice, 'pipelines');
      const bob = await evaluator(fixture, `retry-evaluator-${n}`, context);
      const first = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(1)],
      });
      const failed = await grade(
        bob,
        first.body.id,
        { discovery: 'developing', value: 'beginning' },
        'Too little value.',
      );
      expect(failed.body.result.decision).to.include({ total: 3, passed: false });
      await bob.call('POST', `/api/evaluator/submissions/${first.body.id}/release`);

      const seen = await alice.call('GET', `/api/practical-submissions/${first.body.id}`);
      expect(seen.body.result).to.include({ passed: false, total: 3 });
      const progress = await alice.call('GET', '/api/progress');
      expect(progress.body.accreditations[0].courses[0]).to.include({
        practical: 'failed',
        certified: false,
      });

      const again = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(2)],
      });
      expect(again.status, again.text).to.equal(201);
      expect(again.body.number).to.equal(2);
      const passed = await grade(bob, again.body.id, { discovery: 'proficient', value: 'developing' });
      expect(passed.body.result.decision).to.include({ total: 5, passed: true });
      await bob.call('POST', `/api/evaluator/submissions/${again.body.id}/release`);
      const after = await alice.call('GET', '/api/progress');
      expect(after.body.accreditations[0].courses[0]).to.include({ practical: 'passed', certified: true });
      const scores = await waitFor(
        'three practical scores',
        () => practicalScores(sub).length === 4 && practicalScores(sub),
      );
      expect(scores.map((s) => [s.body.activityProgress, s.body.scoreGiven])).to.deep.equal([
        ['Submitted', undefined],
        ['Completed', 50],
        ['Submitted', undefined],
        ['Completed', 83.33],
      ]);
    });

    it('double-marks independently, sends a disagreement to moderation, and reports agreement', async () => {
      const sub = `double-learner-${n}`;
      const alice = await learner(fixture, sub, context, 'security');
      await passWritten(alice, 'security');
      const submitted = await alice.call('POST', '/api/courses/security/practical/submissions', {
        links: [{ url: 'https://docs.example.com/review.pdf' }],
      });
      expect(submitted.status, submitted.text).to.equal(201);
      const id = submitted.body.id as string;
      const [a, b, c] = await Promise.all(
        ['a', 'b', 'c'].map((x) => evaluator(fixture, `double-${x}-${n}`, context)),
      );

      // Calibration first: the course has a reference submission.
      const refused = await a!.call('POST', `/api/evaluator/submissions/${id}/claim`);
      expect(refused.status).to.equal(403);
      expect(refused.body.message).to.match(
        /^Calibrate first: score the Security reference submission 'ref-1'/,
      );
      for (const api of [a!, b!, c!]) {
        const before = await api.call('GET', '/api/evaluator/calibration/security');
        expect(before.body).to.include({ calibrated: false });
        expect(before.body.references[0].runs).to.deep.equal([]);
        const run = await api.call('POST', '/api/evaluator/calibration/security/ref-1', {
          levels: { clarity: 'high', risk: 'fair' },
        });
        expect(run.status, run.text).to.equal(201);
        expect(run.body).to.include({ exact: 0.5, withinOne: 1 });
        expect(run.body.criteria[1]).to.deep.equal({
          criterionId: 'risk',
          agreed: 'low',
          given: 'fair',
          levelsApart: 1,
        });
        expect((await api.call('GET', '/api/evaluator/calibration/security')).body.calibrated).to.equal(true);
      }

      const first = await grade(a!, id, { clarity: 'high', risk: 'high' });
      expect(first.body).to.include({ status: 'second_marking', awaiting: 'second' });
      const again = await a!.call('POST', `/api/evaluator/submissions/${id}/claim`);
      expect(again.status).to.equal(403);
      expect(again.body.message).to.equal(
        'You have evaluated this submission already; the independent second marking needs a different evaluator.',
      );
      // The second marker does not see the first's scores.
      const blind = await b!.call('GET', `/api/evaluator/submissions/${id}`);
      expect(blind.body.evaluations[0]).to.not.have.property('criteria');

      // Clarity 'low' is below its minimum: the second marker fails it (non-compensatory: 1 + 3 = 4 reaches the threshold).
      const second = await grade(b!, id, { clarity: 'low', risk: 'high' });
      expect(second.body.status).to.equal('moderation');
      const secondMine = second.body.evaluations.find((e: Json) => e.role === 'second');
      expect(secondMine.decision).to.include({ total: 4, passThreshold: 4, passed: false });
      expect(secondMine.decision.belowMinimum).to.deep.equal(['clarity']);

      const moderated = await grade(
        c!,
        id,
        { clarity: 'fair', risk: 'high' },
        'Clear enough; strong on risk.',
      );
      expect(moderated.body.status).to.equal('ready');
      expect(moderated.body.result.decision).to.include({ total: 5, passed: true });
      const released = await c!.call('POST', `/api/evaluator/submissions/${id}/release`);
      expect(released.status).to.equal(200);

      const audit = await c!.call('GET', `/api/evaluator/submissions/${id}/audit`);
      const actions = audit.body.events.map((e: Json) => e.action);
      expect(actions).to.include.members([
        'sent_to_second_marking',
        'sent_to_moderation',
        'ready_for_release',
        'released',
      ]);
      const moderation = audit.body.events.find((e: Json) => e.action === 'sent_to_moderation');
      expect(moderation.details.disagreement).to.equal(
        "one passes it and the other does not; 'clarity' is 2 levels apart (high vs low)",
      );

      const report = await a!.call('GET', '/api/evaluator/reports/agreement?courseId=security');
      expect(report.status, report.text).to.equal(200);
      expect(report.body.doubleMarked).to.be.at.least(1);
      const clarity = report.body.criteria.find((x: Json) => x.criterionId === 'clarity');
      expect(clarity).to.have.keys(['criterionId', 'items', 'percentAgreement', 'kappa']);
      expect(report.body.decisions.items).to.equal(report.body.doubleMarked);
    });

    it('reports the accreditation earned once every one of its courses is certified', async () => {
      const sub = `badge-learner-${n}`;
      const [a, b] = await Promise.all(['a', 'b'].map((x) => evaluator(fixture, `badge-${x}-${n}`, context)));
      for (const api of [a!, b!]) {
        await api.call('POST', '/api/evaluator/calibration/security/ref-1', {
          levels: { clarity: 'high', risk: 'low' },
        });
      }
      for (const course of ['pipelines', 'security']) {
        const alice = await learner(fixture, sub, context, course);
        await passWritten(alice, course);
        const submitted = await alice.call('POST', `/api/courses/${course}/practical/submissions`, {
          links: [link(7)],
        });
        const id = submitted.body.id as string;
        const levels: Record<string, string> =
          course === 'pipelines'
            ? { discovery: 'proficient', value: 'proficient' }
            : { clarity: 'high', risk: 'high' };
        await grade(a!, id, levels);
        if (course === 'security') await grade(b!, id, levels);
        const released = await a!.call('POST', `/api/evaluator/submissions/${id}/release`);
        expect(released.status, released.text).to.equal(200);
        expect(released.body.certified).to.be.a('string');
        if (course === 'pipelines') {
          await waitFor('the pipelines certification', () => verbsOf(sub).includes('certified'));
          expect(verbsOf(sub)).to.not.include('earned');
        }
      }
      const earned = await waitFor('the earned statement', () =>
        statementsOf(sub).find((s) => (s.verb as Json).display['en-US'] === 'earned'),
      );
      expect(earned.verb).to.deep.equal({
        id: 'http://id.tincanapi.com/verb/earned',
        display: { 'en-US': 'earned' },
      });
      expect(earned.object).to.deep.include({
        id: `${fixture.tool.url}/xapi/accreditations/solution-architect`,
      });
      expect(verbsOf(sub).filter((v) => v === 'certified')).to.have.length(2);
    });

    it('hears an appeal by a different evaluator, against the rubric version of the first grade', async () => {
      const sub = `appeal-learner-${n}`;
      const alice = await learner(fixture, sub, context, 'pipelines');
      await passWritten(alice, 'pipelines');
      const [bob, carol] = await Promise.all(
        ['bob', 'carol'].map((x) => evaluator(fixture, `appeal-${x}-${n}`, context)),
      );
      const submitted = await alice.call('POST', '/api/courses/pipelines/practical/submissions', {
        links: [link(3)],
      });
      const id = submitted.body.id as string;
      await grade(bob!, id, { discovery: 'beginning', value: 'proficient' });
      await bob!.call('POST', `/api/evaluator/submissions/${id}/release`);

      const short = await alice.call('POST', `/api/practical-submissions/${id}/appeal`, { reason: 'Unfair' });
      expect(short.status).to.equal(400);
      expect(short.body.message).to.equal(
        'The appeal is invalid: reason: must say why, in at least 10 characters.',
      );
      const appealed = await alice.call('POST', `/api/practical-submissions/${id}/appeal`, {
        reason: 'The discovery part is at 04:10 in the recording.',
      });
      expect(appealed.status, appealed.text).to.equal(200);
      expect(appealed.body.status).to.equal('appealed');
      const twice = await alice.call('POST', `/api/practical-submissions/${id}/appeal`, {
        reason: 'Once more, please.',
      });
      expect(twice.status).to.equal(409);

      const sameEvaluator = await bob!.call('POST', `/api/evaluator/submissions/${id}/claim`);
      expect(sameEvaluator.status).to.equal(403);
      const heard = await grade(
        carol!,
        id,
        { discovery: 'developing', value: 'proficient' },
        'Discovery is there at 04:10.',
      );
      expect(heard.body.status).to.equal('ready');
      expect(heard.body.result.rubricVersion).to.equal(
        submitted.body.result?.rubricVersion ?? heard.body.rubric.version,
      );
      await carol!.call('POST', `/api/evaluator/submissions/${id}/release`);
      const seen = await alice.call('GET', `/api/practical-submissions/${id}`);
      expect(seen.body.result).to.include({ passed: true, comment: 'Discovery is there at 04:10.' });
      expect(seen.body.appeal.reason).to.equal('The discovery part is at 04:10 in the recording.');
    });
  });
}
