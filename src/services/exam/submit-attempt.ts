import type { Attempt, Learner } from '../../domain/exam/attempt.js';
import { isOverdue } from '../../domain/exam/attempt.js';
import { closedError } from './closed-error.js';
import { type ExamDeps, requireOwnAttempt } from './exam-deps.js';
import { finishAttempt } from './finish-attempt.js';

/** The learner submits; the server scores. A second submit is refused and changes nothing. */
export async function submitAttempt(deps: ExamDeps, learner: Learner, attemptId: string): Promise<Attempt> {
  const now = deps.clock.now();
  const report = { records: deps.records, actor: await deps.records.actorOf(learner) };
  const outcome = await deps.storage.transaction(async (repos) => {
    const attempt = requireOwnAttempt(await repos.attempts.findByIdForUpdate(attemptId), attemptId, learner);
    if (attempt.status === 'submitted') return { kind: 'refused' as const, attempt };
    const course = await deps.programs.courseAt(attempt.contentVersion, attempt.courseId);
    const by = isOverdue(attempt, now) ? 'timeout' : 'learner';
    return {
      kind: 'finished' as const,
      attempt: await finishAttempt(repos, report, attempt, course, now, by),
    };
  });
  if (outcome.kind === 'refused') throw closedError(outcome.attempt);
  return outcome.attempt;
}
