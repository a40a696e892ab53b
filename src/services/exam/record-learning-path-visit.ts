import type { Learner } from '../../domain/exam/attempt.js';
import type { ExamDeps } from './exam-deps.js';

/** The learner opens the course's learning path; remediation counts this visit. */
export async function recordLearningPathVisit(
  deps: ExamDeps,
  learner: Learner,
  courseId: string,
): Promise<string> {
  const course = deps.programs.course(courseId);
  await deps.storage.learningPathVisits.record(learner, courseId, deps.clock.now());
  return course.learningPath;
}
