import type { Course } from '../content/program.js';
import type { Attempt } from '../exam/attempt.js';

export type Stage = 'written' | 'practical';
export type ActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
export type GradingProgress = 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';

/** What the gradebook should show for one stage of a course, as of `at` (when it happened). */
export interface StageGrade {
  readonly stage: Stage;
  /** Percent, so a content change in points does not change the line item's scale. */
  readonly scoreGiven: number | undefined;
  readonly scoreMaximum: number;
  readonly activityProgress: ActivityProgress;
  readonly gradingProgress: GradingProgress;
  readonly comment: string;
  readonly at: Date;
}

export const stageLabels: Record<Stage, string> = {
  written: 'written exam',
  practical: 'practical assessment',
};

/** A submitted written exam: machine-scored, so complete and fully graded at once. */
export function writtenExamGrade(attempt: Attempt, course: Course): StageGrade | undefined {
  if (attempt.status !== 'submitted' || !attempt.result || !attempt.submittedAt) return undefined;
  const r = attempt.result;
  const verdict = r.passed ? 'Passed' : 'Not passed';
  const how = attempt.submittedBy === 'timeout' ? ' (submitted when the time ran out)' : '';
  return {
    stage: 'written',
    scoreGiven: r.percent,
    scoreMaximum: 100,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
    comment: `${verdict}: ${r.percent}% (${r.score} of ${r.maxScore} points; ${r.passingScore}% needed) in the ${course.title} ${stageLabels.written}${how}.`,
    at: attempt.submittedAt,
  };
}
