import { expect } from 'chai';
import { drawAttempt } from '../../src/domain/exam/attempt.js';
import { examStatement, isoDuration } from '../../src/reporting/xapi/exam-statements.js';
import { statementProblems } from '../../src/reporting/xapi/statement-rules.js';
import type { Statement } from '../../src/reporting/xapi/xapi-types.js';
import { testProgram } from '../support/test-program.js';

const course = testProgram.courses.find((c) => c.id === 'pipelines')!;
const now = new Date('2026-01-01T00:20:00.000Z');
const attempt = {
  ...drawAttempt({
    id: '2b1c4f2e-5b1a-4f53-8a0e-0e2f3c4d5e6f',
    learner: { platformId: 'p', subject: 's' },
    course,
    contentVersion: testProgram.version,
    seed: 'seed',
    now: new Date('2026-01-01T00:00:00.000Z'),
  }),
  status: 'submitted' as const,
  submittedAt: now,
  submittedBy: 'learner' as const,
  result: { score: 4, maxScore: 5, percent: 80, passed: true, passingScore: 75 },
};
const ctx = {
  toolUrl: 'https://accredit.example.com',
  actor: { issuer: 'https://lms.example.com', subject: 'u-1' },
  attempt,
  course,
  accreditationIds: ['solution-architect'],
};
const id = '0a3f1c2e-8b7d-4e61-9c5a-1f2e3d4c5b6a';

describe('xAPI statements', () => {
  for (const verb of ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const) {
    it(`builds a valid ${verb} statement`, () => {
      expect(statementProblems(examStatement(ctx, id, verb, now), now)).to.deep.equal([]);
    });
  }

  for (const question of course.questions) {
    it(`builds a valid answered statement for a ${question.type} question`, () => {
      expect(statementProblems(examStatement(ctx, id, 'answered', now, question.id), now)).to.deep.equal([]);
    });
  }

  it('builds the same bytes for the same event (a resend is identical)', () => {
    expect(JSON.stringify(examStatement(ctx, id, 'passed', now))).to.equal(
      JSON.stringify(examStatement(ctx, id, 'passed', now)),
    );
  });

  it('states the passed result with scaled, raw, min, max and an ISO duration', () => {
    expect(examStatement(ctx, id, 'passed', now).result).to.deep.equal({
      success: true,
      completion: true,
      duration: 'PT20M0S',
      score: { scaled: 0.8, raw: 4, min: 0, max: 5 },
    });
    expect(isoDuration(3_723_450)).to.equal('PT1H2M3.45S');
  });

  const broken: [string, (s: Statement) => Statement, string][] = [
    ['a non-UUID id', (s) => ({ ...s, id: 'x' }), 'id must be a UUID'],
    [
      'a relative actor homePage',
      (s) => ({ ...s, actor: { ...s.actor, account: { homePage: '/lms', name: 'u' } } }),
      'actor.account needs an IRL homePage and a name',
    ],
    [
      'a scaled score above 1',
      (s) => ({ ...s, result: { score: { scaled: 1.5 } } }),
      'result.score.scaled must be within [-1, 1]',
    ],
    [
      'a raw score above max',
      (s) => ({ ...s, result: { score: { raw: 6, min: 0, max: 5 } } }),
      'result.score.raw must not exceed max',
    ],
    [
      'a duration in seconds',
      (s) => ({ ...s, result: { duration: '90s' } }),
      'result.duration must be an ISO 8601 duration',
    ],
    [
      'a future timestamp',
      (s) => ({ ...s, timestamp: '2099-01-01T00:00:00.000Z' }),
      'timestamp must not be in the future',
    ],
    [
      'a timestamp with an offset',
      (s) => ({ ...s, timestamp: '2026-01-01T00:00:00.000+02:00' }),
      'timestamp must be UTC ISO 8601 with milliseconds',
    ],
    [
      'a registration that is not a UUID',
      (s) => ({ ...s, context: { ...s.context, registration: 'r' } }),
      'context.registration must be a UUID',
    ],
  ];
  for (const [name, change, problem] of broken) {
    it(`catches ${name} before it is queued`, () => {
      expect(statementProblems(change(examStatement(ctx, id, 'passed', now)), now)).to.include(problem);
    });
  }
});
