import { expect } from 'chai';
import { agsScope, passbackProblem } from '../../src/domain/grade-passback/grade-service.js';
import { scoreTimestamp } from '../../src/domain/grade-passback/score-timestamp.js';
import { type AgsScore, scoreProblems } from '../../src/reporting/ags/score-rules.js';

const valid: AgsScore = {
  userId: 'user-1',
  scoreGiven: 80,
  scoreMaximum: 100,
  comment: 'Passed',
  timestamp: '2026-11-29T10:00:00.000Z',
  activityProgress: 'Completed',
  gradingProgress: 'FullyGraded',
};

describe('AGS score rules (AGS 2.0 §3.4)', () => {
  it('accepts a complete score, and a progress-only score without scoreGiven', () => {
    expect(scoreProblems(valid)).to.deep.equal([]);
    const { scoreGiven: _, scoreMaximum: __, ...progressOnly } = valid;
    expect(
      scoreProblems({ ...progressOnly, activityProgress: 'Submitted', gradingProgress: 'PendingManual' }),
    ).to.deep.equal([]);
  });

  const cases: [string, Partial<AgsScore> & Record<string, unknown>, string][] = [
    ['no userId', { userId: '' }, 'userId is required'],
    ['a timestamp without milliseconds', { timestamp: '2026-11-29T10:00:00Z' }, 'timestamp must be ISO 8601'],
    [
      'an unknown activityProgress',
      { activityProgress: 'Done' },
      "activityProgress 'Done' is not an AGS value",
    ],
    [
      'an unknown gradingProgress',
      { gradingProgress: 'Graded' },
      "gradingProgress 'Graded' is not an AGS value",
    ],
    [
      'scoreGiven without scoreMaximum',
      { scoreMaximum: undefined },
      'scoreMaximum must accompany scoreGiven',
    ],
    ['a negative scoreGiven', { scoreGiven: -1 }, 'scoreGiven must be a number of at least 0'],
    ['a zero scoreMaximum', { scoreMaximum: 0 }, 'scoreMaximum must be a number above 0'],
  ];
  for (const [what, change, problem] of cases) {
    it(`refuses ${what}`, () => {
      const problems = scoreProblems({ ...valid, ...change } as AgsScore);
      expect(problems.join('; ')).to.contain(problem);
    });
  }
});

describe('score timestamps', () => {
  const t = (ms: number) => new Date(Date.parse('2026-11-29T10:00:00.000Z') + ms);
  it('keeps the event time when it is after the last score sent', () => {
    expect(scoreTimestamp(t(5), t(0))).to.deep.equal(t(5));
    expect(scoreTimestamp(t(5), undefined)).to.deep.equal(t(5));
  });
  it('moves a score to just after the last one when the event is not later', () => {
    expect(scoreTimestamp(t(0), t(0))).to.deep.equal(t(1));
    expect(scoreTimestamp(t(-100), t(0))).to.deep.equal(t(1));
  });
});

describe('whether a link can take grades', () => {
  const all = [agsScope.lineItem, agsScope.score];
  const service = (scopes: string[], lineItemsUrl: string | undefined = 'https://lms.example.com/li') => ({
    lineItemsUrl,
    lineItemUrl: undefined,
    scopes,
  });
  it('says why not, naming what is missing', () => {
    expect(passbackProblem(undefined)).to.equal('the launch carried no Assignment and Grade Services claim');
    expect(passbackProblem(service([agsScope.lineItem]))).to.equal(
      'the platform did not grant the score scope',
    );
    expect(passbackProblem({ ...service(all), lineItemsUrl: undefined })).to.equal(
      'the platform gave no line items container URL',
    );
    expect(passbackProblem(service([agsScope.score, agsScope.lineItemReadOnly]))).to.match(
      /did not grant the line item scope/,
    );
    expect(passbackProblem(service(all))).to.equal(undefined);
  });
});
