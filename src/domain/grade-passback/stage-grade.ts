import type { Course } from '../content/program.js';
import type { Attempt } from '../exam/attempt.js';
import type { PracticalSubmission } from '../practical/submission.js';

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

/** Evidence handed in: the gradebook shows it waits for an evaluator (no score yet). */
export function practicalSubmittedGrade(submission: PracticalSubmission, course: Course): StageGrade {
  return {
    stage: 'practical',
    scoreGiven: undefined,
    scoreMaximum: 100,
    activityProgress: 'Submitted',
    gradingProgress: 'PendingManual',
    comment: `Submission ${submission.number} of the ${course.title} ${stageLabels.practical} is waiting for an evaluator.`,
    at: submission.submittedAt,
  };
}

/** The learner withdrew before grading started: nothing waits for an evaluator any more. */
export function practicalWithdrawnGrade(
  submission: PracticalSubmission,
  course: Course,
  at: Date,
): StageGrade {
  return {
    stage: 'practical',
    scoreGiven: undefined,
    scoreMaximum: 100,
    activityProgress: 'Initialized',
    gradingProgress: 'NotReady',
    comment: `Submission ${submission.number} of the ${course.title} ${stageLabels.practical} was withdrawn by the learner.`,
    at,
  };
}

/** The result released: the rubric score as a percentage, with the evaluator's comment. */
export function practicalReleasedGrade(
  submission: PracticalSubmission,
  evaluatorComment: string | undefined,
  course: Course,
  at: Date,
): StageGrade | undefined {
  const d = submission.result?.decision;
  if (!d) return undefined;
  const verdict = d.passed
    ? 'Passed'
    : d.belowMinimum.length > 0
      ? `Not passed (below the minimum level on ${d.belowMinimum.join(', ')})`
      : 'Not passed';
  return {
    stage: 'practical',
    scoreGiven: d.percent,
    scoreMaximum: 100,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
    comment: `${verdict}: ${d.total} of ${d.maximum} points (${d.passThreshold} needed) in the ${course.title} ${stageLabels.practical}, rubric version ${submission.result!.rubricVersion}.${evaluatorComment ? ` ${evaluatorComment}` : ''}`,
    at,
  };
}
