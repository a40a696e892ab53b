import type { WrittenExam } from '../content/program.js';
import type { Attempt, AttemptResult } from './attempt.js';
import { decideStart, type StartDecision } from './eligibility.js';

export type ExamState = 'not_started' | 'in_progress' | 'passed' | 'failed';

/** Where a learner stands on one course's written exam, and whether the practical is open to them. */
export interface ExamStatus {
  readonly state: ExamState;
  readonly attemptsUsed: number;
  readonly attemptsLeft: number | undefined;
  readonly openAttemptId: string | undefined;
  readonly lastResult: AttemptResult | undefined;
  readonly lastAttemptId: string | undefined;
  readonly start: StartDecision;
  readonly practicalOpen: boolean;
}

export function examStatus(
  exam: WrittenExam,
  history: readonly Attempt[],
  lastLearningPathVisit: Date | undefined,
  now: Date,
): ExamStatus {
  const submitted = history
    .filter((a) => a.status === 'submitted')
    .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime());
  const open = history.find((a) => a.status === 'in_progress');
  const passed = submitted.some((a) => a.result?.passed);
  const last = submitted[submitted.length - 1];
  const state: ExamState = passed ? 'passed' : open ? 'in_progress' : last ? 'failed' : 'not_started';
  return {
    state,
    attemptsUsed: submitted.length + (open ? 1 : 0),
    attemptsLeft:
      exam.attemptLimit === undefined
        ? undefined
        : Math.max(0, exam.attemptLimit - submitted.length - (open ? 1 : 0)),
    openAttemptId: open?.id,
    lastResult: last?.result,
    lastAttemptId: last?.id,
    start: open ? { allowed: true } : decideStart(exam, history, lastLearningPathVisit, now),
    practicalOpen: passed,
  };
}
