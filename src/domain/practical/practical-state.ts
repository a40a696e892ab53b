import { hasPassed, isActive, type PracticalSubmission } from './submission.js';

/** Where a learner stands on a course's practical, in one word for the progress and course pages. */
export type PracticalState = 'locked' | 'open' | 'submitted' | 'in_grading' | 'passed' | 'failed';

/**
 * From the learner's submissions for one course (oldest first) and whether the practical is open
 * to them (the written exam passed): a pass anywhere counts; otherwise the submission that still
 * counts says where it is; a released fail with nothing newer is `failed` (they may submit again).
 */
export function practicalState(own: readonly PracticalSubmission[], open: boolean): PracticalState {
  if (own.some(hasPassed)) return 'passed';
  const current = [...own].reverse().find(isActive);
  if (current) return current.status === 'submitted' ? 'submitted' : 'in_grading';
  if (own.some((s) => s.status === 'released')) return 'failed';
  return open ? 'open' : 'locked';
}
