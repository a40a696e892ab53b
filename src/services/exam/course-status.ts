import { accreditationsOf, type Course } from '../../domain/content/program.js';
import type { Learner } from '../../domain/exam/attempt.js';
import { type ExamStatus, examStatus } from '../../domain/exam/exam-status.js';
import { type PracticalState, practicalState } from '../../domain/practical/practical-state.js';
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

/**
 * Every accreditation with the learner's standing on each of its courses: the written exam, the
 * practical in one word, and whether the course is certified.
 */
export async function learnerProgress(deps: ExamDeps, learner: Learner) {
  const program = deps.programs.current;
  const history = await deps.storage.attempts.listForLearner(learner);
  const submissions = await deps.storage.submissions.listForLearner(learner);
  const certified = new Set(
    (await deps.storage.certifications.listForLearner(learner)).map((c) => c.courseId),
  );
  const now = deps.clock.now();
  const standings = new Map<string, { exam: ExamStatus; practical: PracticalState; certified: boolean }>();
  for (const course of program.courses) {
    const lastVisit = await deps.storage.learningPathVisits.lastVisit(learner, course.id);
    const exam = examStatus(
      course.exam,
      history.filter((a) => a.courseId === course.id),
      lastVisit,
      now,
    );
    standings.set(course.id, {
      exam,
      practical: practicalState(
        submissions.filter((s) => s.courseId === course.id),
        exam.practicalOpen,
      ),
      certified: certified.has(course.id),
    });
  }
  return program.accreditations.map((accreditation) => ({
    accreditation,
    courses: accreditation.courseIds.map((id) => ({
      course: program.courses.find((c) => c.id === id)!,
      ...standings.get(id)!,
    })),
  }));
}

export type LearnerProgress = Awaited<ReturnType<typeof learnerProgress>>;
