import type { Course, Question } from '../../domain/content/program.js';
import type { Attempt } from '../../domain/exam/attempt.js';
import { scoreAttempt } from '../../domain/exam/scoring.js';
import { writtenExamGrade } from '../../domain/grade-passback/stage-grade.js';
import type { LearningRecords, RecordActor } from '../../ports/learning-records.js';
import type { Repositories } from '../../ports/storage.js';

/**
 * Scores an open attempt and records it as submitted, queueing what must be reported in the same
 * transaction; returns the attempt as it now stands.
 */
export async function finishAttempt(
  repositories: Repositories,
  report: { records: LearningRecords; actor: RecordActor },
  attempt: Attempt,
  course: Course,
  at: Date,
  by: 'learner' | 'timeout',
): Promise<Attempt> {
  const questions = new Map<string, Question>(course.questions.map((q) => [q.id, q]));
  const result = scoreAttempt(attempt, questions, course.exam);
  const submittedAt = by === 'timeout' && attempt.deadline < at ? attempt.deadline : at;
  if (!(await repositories.attempts.markSubmitted(attempt.id, result, submittedAt, by))) {
    const current = await repositories.attempts.findById(attempt.id);
    if (current) return current;
  }
  const finished: Attempt = { ...attempt, status: 'submitted', submittedAt, submittedBy: by, result };
  await repositories.outbox.enqueue(report.records.attemptSubmitted(report.actor, finished, course), at);
  const grade = writtenExamGrade(finished, course);
  if (grade) {
    await repositories.outbox.enqueue(
      await report.records.gradeChanged(repositories, finished.learner, finished.linkId, grade, course),
      at,
    );
  }
  return finished;
}
