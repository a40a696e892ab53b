import type { Course } from '../../domain/content/program.js';
import type { Attempt, Learner } from '../../domain/exam/attempt.js';
import type { Certification } from '../../domain/practical/certification.js';
import { isActive, type PracticalSubmission } from '../../domain/practical/submission.js';
import type { PracticalDeps } from './practical-deps.js';

/** Where a learner stands on a course's practical: whether it is open, their submissions, certification. */
export interface PracticalStanding {
  readonly course: Course;
  /** The passed written attempt the practical builds on, if any. */
  readonly writtenPassed: Attempt | undefined;
  readonly submissions: readonly PracticalSubmission[];
  /** The submission that still counts (waiting, being graded or passed), if any. */
  readonly current: PracticalSubmission | undefined;
  readonly certification: Certification | undefined;
}

export async function practicalStanding(
  deps: PracticalDeps,
  learner: Learner,
  courseId: string,
): Promise<PracticalStanding> {
  const course = deps.programs.course(courseId);
  const attempts = await deps.storage.attempts.listForLearner(learner, courseId);
  const submissions = await deps.storage.submissions.listForLearner(learner, courseId);
  const certifications = await deps.storage.certifications.listForLearner(learner);
  return {
    course,
    writtenPassed: attempts.find((a) => a.status === 'submitted' && a.result?.passed),
    submissions,
    current: [...submissions].reverse().find(isActive),
    certification: certifications.find((c) => c.courseId === courseId),
  };
}

export function lockedMessage(course: Course): string {
  return `The practical assessment opens once you pass the ${course.title} written exam; pass it first.`;
}
