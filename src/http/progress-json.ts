import type { LearnerProgress } from '../services/exam/course-status.js';

/** The learner's progress as the API and the progress page show it. */
export function progressJson(progress: LearnerProgress) {
  return {
    accreditations: progress.map(({ accreditation, courses }) => ({
      id: accreditation.id,
      title: accreditation.title,
      audience: accreditation.audience,
      courses: courses.map(({ course, exam, practical, certified }) => ({
        id: course.id,
        title: course.title,
        written: exam.state,
        practical,
        certified,
      })),
    })),
  };
}
