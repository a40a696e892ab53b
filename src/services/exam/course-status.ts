import { accreditationsOf, type Course } from '../../domain/content/program.js';
import type { Learner } from '../../domain/exam/attempt.js';
import { type ExamStatus, examStatus } from '../../domain/exam/exam-status.js';
import type { ExamDeps } from './exam-deps.js';

export interface CourseStatus {
  readonly course: Course;
  readonly accreditationIds: readonly string[];
  readonly exam: ExamStatus;
}

/** One course as the learner stands on it. */
export async function courseStatus(
  deps: ExamDeps,
  learner: Learner,
  courseId: string,
): Promise<CourseStatus> {
  const course = deps.programs.course(courseId);
  const history = await deps.storage.attempts.listForLearner(learner, courseId);
  const lastVisit = await deps.storage.learningPathVisits.lastVisit(learner, courseId);
  return {
    course,
    accreditationIds: accreditationsOf(deps.programs.current, courseId).map((a) => a.id),
    exam: examStatus(course.exam, history, lastVisit, deps.clock.now()),
  };
}

/** Every accreditation with the learner's standing on each of its courses. */
export async function learnerProgress(deps: ExamDeps, learner: Learner) {
  const program = deps.programs.current;
  const history = await deps.storage.attempts.listForLearner(learner);
  const now = deps.clock.now();
  const statuses = new Map<string, ExamStatus>();
  for (const course of program.courses) {
    const lastVisit = await deps.storage.learningPathVisits.lastVisit(learner, course.id);
    statuses.set(
      course.id,
      examStatus(
        course.exam,
        history.filter((a) => a.courseId === course.id),
        lastVisit,
        now,
      ),
    );
  }
  return program.accreditations.map((accreditation) => ({
    accreditation,
    courses: accreditation.courseIds.map((id) => ({
      course: program.courses.find((c) => c.id === id)!,
      exam: statuses.get(id)!,
    })),
  }));
}
