import { type Attempt, isOverdue, type Learner } from '../../domain/exam/attempt.js';
import { responseProblem } from '../../domain/exam/response-rules.js';
import { AppError } from '../../errors.js';
import { closedError } from './closed-error.js';
import { type ExamDeps, requireOwnAttempt } from './exam-deps.js';
import { finishAttempt } from './finish-attempt.js';

/**
 * Saves (or replaces) the learner's answer to one question of an open attempt. Saving the same
 * answer twice is harmless. After the deadline nothing is saved: the attempt is submitted as it
 * stood, and the learner is told when the deadline was.
 */
export async function saveResponse(
  deps: ExamDeps,
  learner: Learner,
  attemptId: string,
  questionId: string,
  selected: readonly string[],
): Promise<Attempt> {
  const now = deps.clock.now();
  const report = { records: deps.records, actor: await deps.records.actorOf(learner) };
  const outcome = await deps.storage.transaction(async (repos) => {
    const attempt = requireOwnAttempt(await repos.attempts.findByIdForUpdate(attemptId), attemptId, learner);
    if (attempt.status === 'submitted') return { kind: 'closed' as const, attempt };
    const course = await deps.programs.courseAt(attempt.contentVersion, attempt.courseId);
    if (isOverdue(attempt, now)) {
      return {
        kind: 'closed' as const,
        attempt: await finishAttempt(repos, report, attempt, course, now, 'timeout'),
      };
    }
    const item = attempt.items.find((i) => i.questionId === questionId);
    const question = course.questions.find((q) => q.id === questionId);
    if (!item || !question) {
      throw new AppError('invalid_response', `Question '${questionId}' is not part of this attempt.`);
    }
    const problem = responseProblem(question, item, selected);
    if (problem) throw new AppError('invalid_response', `The response is invalid: ${problem}.`);
    await repos.attempts.saveResponse(attempt.id, questionId, selected, now);
    const saved: Attempt = {
      ...attempt,
      responses: { ...attempt.responses, [questionId]: { selected, savedAt: now } },
    };
    await repos.outbox.enqueue(deps.records.responseSaved(report.actor, saved, course, questionId), now);
    return { kind: 'saved' as const, attempt: saved };
  });
  if (outcome.kind === 'saved') return outcome.attempt;
  throw closedError(outcome.attempt);
}
