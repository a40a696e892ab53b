import { expect } from 'chai';
import type { Rubric } from '../../src/domain/content/program.js';
import type { Evaluation } from '../../src/domain/practical/evaluation.js';
import { disagreementBetween } from '../../src/domain/practical/grading-flow.js';
import { agreement } from '../../src/domain/practical/inter-rater-agreement.js';
import { decide } from '../../src/domain/practical/rubric-decision.js';

const levels = [
  { id: 'low', title: 'Low', points: 1, description: undefined },
  { id: 'fair', title: 'Fair', points: 2, description: undefined },
  { id: 'high', title: 'High', points: 3, description: undefined },
];
const rubric: Rubric = {
  version: 'v1',
  passThreshold: 4,
  criteria: [
    { id: 'clarity', title: 'Clarity', description: undefined, minimumLevel: 'fair', levels },
    { id: 'risk', title: 'Risk', description: undefined, minimumLevel: undefined, levels },
  ],
};
const scores = (clarity: string, risk: string) => [
  { criterionId: 'clarity', levelId: clarity, comment: undefined, anchor: undefined },
  { criterionId: 'risk', levelId: risk, comment: undefined, anchor: undefined },
];

describe('rubric decisions (non-compensatory)', () => {
  it('passes when the total reaches the threshold and every minimum is met', () => {
    expect(decide(rubric, scores('fair', 'fair'))).to.deep.equal({
      total: 4,
      maximum: 6,
      percent: 66.67,
      passThreshold: 4,
      belowMinimum: [],
      passed: true,
    });
  });
  it('fails below a minimum level whatever the total', () => {
    const d = decide(rubric, scores('low', 'high'));
    expect(d).to.include({ total: 4, passed: false });
    expect(d.belowMinimum).to.deep.equal(['clarity']);
  });
  it('fails below the threshold with every minimum met', () => {
    expect(decide(rubric, scores('fair', 'low'))).to.include({ total: 3, passed: false });
  });
});

describe("inter-rater agreement (percent and Cohen's kappa)", () => {
  it('computes kappa as (po − pe) / (1 − pe)', () => {
    // 10 items: both "yes" 4, both "no" 3, a yes / b no 2, a no / b yes 1.
    const pairs: [string, string][] = [
      ...Array(4).fill(['yes', 'yes']),
      ...Array(3).fill(['no', 'no']),
      ...Array(2).fill(['yes', 'no']),
      ...Array(1).fill(['no', 'yes']),
    ];
    // po = 0.7; pe = 0.6·0.5 + 0.4·0.5 = 0.5; kappa = 0.4.
    expect(agreement(pairs)).to.deep.equal({ items: 10, percentAgreement: 0.7, kappa: 0.4 });
  });
  it('gives kappa 1 for full agreement on one category, and nothing for no items', () => {
    expect(
      agreement([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).to.deep.equal({ items: 2, percentAgreement: 1, kappa: 1 });
    expect(agreement([])).to.deep.equal({ items: 0, percentAgreement: 0, kappa: undefined });
  });
  it('goes below zero when raters disagree more than chance', () => {
    expect(
      agreement([
        ['a', 'b'],
        ['b', 'a'],
      ]).kappa,
    ).to.equal(-1);
  });
});

describe('when two evaluations need moderation', () => {
  const evaluation = (clarity: string, risk: string): Evaluation => ({
    id: `${clarity}-${risk}`,
    submissionId: 's',
    role: 'first',
    evaluator: { platformId: 'p', subject: 'e', name: undefined },
    rubricVersion: 'v1',
    status: 'completed',
    claimedAt: new Date(0),
    claimExpiresAt: new Date(0),
    scores: scores(clarity, risk),
    comment: undefined,
    decision: decide(rubric, scores(clarity, risk)),
    completedAt: new Date(0),
  });
  it('agrees within the gap and with the same decision', () => {
    expect(disagreementBetween(rubric, evaluation('fair', 'high'), evaluation('high', 'fair'), 1)).to.equal(
      undefined,
    );
  });
  it('names every reason when they differ', () => {
    expect(disagreementBetween(rubric, evaluation('high', 'high'), evaluation('low', 'high'), 1)).to.equal(
      "one passes it and the other does not; 'clarity' is 2 levels apart (high vs low)",
    );
    expect(disagreementBetween(rubric, evaluation('high', 'low'), evaluation('high', 'high'), 1)).to.equal(
      "'risk' is 2 levels apart (low vs high)",
    );
  });
});
