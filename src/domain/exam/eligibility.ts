import type { WrittenExam } from '../content/program.js';
import type { Attempt } from './attempt.js';

export type StartDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: 'passed' | 'attempt_limit' | 'cooldown' | 'remediation';
      readonly opensAt?: Date;
    };

/**
 * May the learner start a new attempt? Not after passing, not beyond the attempt limit, not before
 * the cooldown after a failed attempt ends, and (with remediation) not before revisiting the
 * learning path after that failure. `history` holds the learner's submitted attempts of the course.
 */
export function decideStart(
  exam: WrittenExam,
  history: readonly Attempt[],
  lastLearningPathVisit: Date | undefined,
  now: Date,
): StartDecision {
  const submitted = history.filter((a) => a.status === 'submitted');
  if (submitted.some((a) => a.result?.passed)) return { allowed: false, reason: 'passed' };
  if (exam.attemptLimit !== undefined && submitted.length >= exam.attemptLimit) {
    return { allowed: false, reason: 'attempt_limit' };
  }
  const last = [...submitted].sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime()).pop();
  if (!last) return { allowed: true };
  const opensAt = new Date(last.submittedAt!.getTime() + exam.retakeCooldownHours * 3_600_000);
  if (opensAt.getTime() > now.getTime()) return { allowed: false, reason: 'cooldown', opensAt };
  if (
    exam.remediation &&
    !(lastLearningPathVisit && lastLearningPathVisit.getTime() > last.submittedAt!.getTime())
  ) {
    return { allowed: false, reason: 'remediation' };
  }
  return { allowed: true };
}
