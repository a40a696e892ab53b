import { type Attempt, isOverdue, type Learner } from '../../domain/exam/attempt.js';
import { type ExamDeps, requireOwnAttempt } from './exam-deps.js';
import { finishAttempt } from './finish-attempt.js';

/** The learner's own attempt; one past its deadline is submitted first, as it stood. */
export async function readAttempt(deps: ExamDeps, learner: Learner, attemptId: string): Promise<Attempt> {
  const attempt = requireOwnAttempt(await deps.storage.attempts.findById(attemptId), attemptId, learner);
  return closeIfOverdue(deps, attempt);
}

export async function closeIfOverdue(deps: ExamDeps, attempt: Attempt): Promise<Attempt> {
  const now = deps.clock.now();
  if (!isOverdue(attempt, now)) return attempt;
  const course = await deps.programs.courseAt(attempt.contentVersion, attempt.courseId);
  const report = { records: deps.records, actor: await deps.records.actorOf(attempt.learner) };
  return deps.storage.transaction(async (repos) => {
    const locked = await repos.attempts.findByIdForUpdate(attempt.id);
    if (!locked || locked.status === 'submitted') return locked ?? attempt;
    return finishAttempt(repos, report, locked, course, now, 'timeout');
  });
}
