import { expect } from 'chai';
import type { WrittenExam } from '../../src/domain/content/program.js';
import { type Attempt, drawAttempt } from '../../src/domain/exam/attempt.js';
import { decideStart } from '../../src/domain/exam/eligibility.js';
import { scoreAttempt } from '../../src/domain/exam/scoring.js';
import { testProgram } from '../support/test-program.js';

const course = testProgram.courses.find((c) => c.id === 'pipelines')!;
const learner = { platformId: 'p', subject: 's' };
const at = new Date('2026-01-01T00:00:00Z');
const draw = (seed: string) =>
  drawAttempt({ id: 'a', learner, course, contentVersion: testProgram.version, seed, now: at });
const questions = new Map(course.questions.map((q) => [q.id, q]));

function answer(attempt: Attempt, questionId: string, texts: string[]): Attempt {
  const item = attempt.items.find((i) => i.questionId === questionId)!;
  const q = course.questions.find((x) => x.id === questionId)!;
  const selected =
    q.type === 'true-false'
      ? texts.map((t) => t.toLowerCase())
      : item.optionOrder.flatMap((contentIndex, position) =>
          texts.includes(q.options[contentIndex]!.text) ? [String.fromCharCode(97 + position)] : [],
        );
  return { ...attempt, responses: { ...attempt.responses, [questionId]: { selected, savedAt: at } } };
}

describe('exam rules', () => {
  it('draws and shuffles the same way for the same seed, and differently for another', () => {
    expect(draw('seed-1').items).to.deep.equal(draw('seed-1').items);
    const orders = new Set(
      ['1', '2', '3', '4', '5', '6', '7', '8'].map((s) => JSON.stringify(draw(s).items)),
    );
    expect(orders.size).to.be.greaterThan(1);
    expect(draw('seed-1').deadline.toISOString()).to.equal('2026-01-01T00:10:00.000Z');
  });

  const multi: [string[], number][] = [
    [['Smaller changes', 'Automated tests'], 2],
    [['Smaller changes'], 1],
    [['Smaller changes', 'Monthly releases'], 0],
    [['Smaller changes', 'Automated tests', 'Monthly releases'], 1],
    [['Smaller changes', 'Automated tests', 'Monthly releases', 'Manual approvals for every change'], 0],
    [[], 0],
  ];
  for (const [picked, points] of multi) {
    it(`scores a multiple-response pick of [${picked.join(', ')}] ${points} of 2`, () => {
      const result = scoreAttempt(answer(draw('x'), 'q-multi', picked), questions, course.exam);
      expect(result.score).to.equal(points);
    });
  }

  it('scores single choice and true/false all or nothing, and passes at the passing score', () => {
    let attempt = draw('y');
    attempt = answer(attempt, 'q-single', ['Build']);
    attempt = answer(attempt, 'q-single-2', ['Continuous Integration']);
    attempt = answer(attempt, 'q-tf', ['True']);
    expect(scoreAttempt(attempt, questions, course.exam)).to.deep.equal({
      score: 3,
      maxScore: 5,
      percent: 60,
      passed: false,
      passingScore: 75,
    });
    attempt = answer(attempt, 'q-multi', ['Smaller changes']);
    expect(scoreAttempt(attempt, questions, course.exam)).to.include({ score: 4, percent: 80, passed: true });
    expect(scoreAttempt(answer(attempt, 'q-tf', ['False']), questions, course.exam)).to.include({ score: 3 });
  });

  describe('decideStart', () => {
    const exam: WrittenExam = { ...course.exam, attemptLimit: 2, retakeCooldownHours: 24, remediation: true };
    const failed = (submittedAt: string): Attempt => ({
      ...draw('z'),
      status: 'submitted',
      submittedAt: new Date(submittedAt),
      submittedBy: 'learner',
      result: { score: 0, maxScore: 5, percent: 0, passed: false, passingScore: 75 },
    });

    it('allows a first attempt', () => {
      expect(decideStart(exam, [], undefined, at)).to.deep.equal({ allowed: true });
    });

    it('waits for the cooldown, then for a learning path visit, then allows', () => {
      const history = [failed('2026-01-01T00:00:00Z')];
      expect(decideStart(exam, history, undefined, new Date('2026-01-01T12:00:00Z'))).to.deep.equal({
        allowed: false,
        reason: 'cooldown',
        opensAt: new Date('2026-01-02T00:00:00Z'),
      });
      expect(decideStart(exam, history, undefined, new Date('2026-01-02T00:00:01Z'))).to.deep.include({
        reason: 'remediation',
      });
      expect(
        decideStart(exam, history, new Date('2025-12-31T00:00:00Z'), new Date('2026-01-02T00:00:01Z')),
      ).to.deep.include({
        reason: 'remediation',
      });
      expect(
        decideStart(exam, history, new Date('2026-01-01T01:00:00Z'), new Date('2026-01-02T00:00:01Z')),
      ).to.deep.equal({
        allowed: true,
      });
    });

    it('stops at the attempt limit and after a pass', () => {
      expect(
        decideStart(exam, [failed('2026-01-01T00:00:00Z'), failed('2026-01-03T00:00:00Z')], undefined, at),
      ).to.deep.equal({
        allowed: false,
        reason: 'attempt_limit',
      });
      const passed = {
        ...failed('2026-01-01T00:00:00Z'),
        result: { score: 5, maxScore: 5, percent: 100, passed: true, passingScore: 75 },
      };
      expect(decideStart(exam, [passed], undefined, at)).to.deep.equal({ allowed: false, reason: 'passed' });
    });
  });
});
