import { type Attempt, drawAttempt, isOverdue, type Learner } from '../../domain/exam/attempt.js';
import { decideStart } from '../../domain/exam/eligibility.js';
import { AppError } from '../../errors.js';
import type { ExamDeps } from './exam-deps.js';
import { finishAttempt } from './finish-attempt.js';

/**
 * Starts an attempt at a course's written exam, or resumes the open one. Two concurrent starts give
 * one attempt: the database holds at most one open attempt per learner and course.
 */
export async function startAttempt(
  deps: ExamDeps,
  learner: Learner,
  courseId: string,
  /** The course link the learner launched through; their grade goes back there. */
  linkId?: string,
): Promise<{ attempt: Attempt; created: boolean }> {
  const course = deps.programs.course(courseId);
  const now = deps.clock.now();
  const history = await deps.storage.attempts.listForLearner(learner, courseId);
  const open = history.find((a) => a.status === 'in_progress');
  if (open && !isOverdue(open, now)) return { attempt: open, created: false };
  const report = { records: deps.records, actor: await deps.records.actorOf(learner) };
  if (open) {
    const pinned = await deps.programs.courseAt(open.contentVersion, courseId);
    const finished = await deps.storage.transaction((repos) =>
      finishAttempt(repos, report, open, pinned, now, 'timeout'),
    );
    history.splice(history.indexOf(open), 1, finished);
  }

  const lastVisit = await deps.storage.learningPathVisits.lastVisit(learner, courseId);
  const decision = decideStart(course.exam, history, lastVisit, now);
  if (!decision.allowed) throw refusal(decision, course.exam.attemptLimit, course.learningPath);

  // A link made for another course does not take this course's grades; a progress-page link does.
  const link = linkId ? await deps.storage.courseLinks.findById(linkId) : undefined;
  const gradedThrough =
    link && (link.courseId === undefined || link.courseId === courseId) ? link.id : undefined;
  const attempt = drawAttempt({
    id: deps.ids.uuid(),
    learner,
    course,
    linkId: gradedThrough,
    contentVersion: deps.programs.current.version,
    seed: deps.ids.token(),
    now,
  });
  return deps.storage.transaction(async (repos) => {
    const outcome = await repos.attempts.insertIfNoneOpen(attempt);
    if (outcome.created)
      await repos.outbox.enqueue(deps.records.attemptStarted(report.actor, attempt, course), now);
    return outcome;
  });
}

function refusal(
  decision: Exclude<ReturnType<typeof decideStart>, { allowed: true }>,
  attemptLimit: number | undefined,
  learningPath: string,
): AppError {
  switch (decision.reason) {
    case 'passed':
      return new AppError(
        'not_allowed_yet',
        'You have already passed this written exam; no further attempt is needed.',
      );
    case 'attempt_limit':
      return new AppError(
        'not_allowed_yet',
        `You have used all ${attemptLimit} attempts at this written exam; ask your program admin if you need another.`,
      );
    case 'cooldown':
      return new AppError(
        'not_allowed_yet',
        `Your next attempt opens at ${decision.opensAt!.toISOString()}, after the retake cooldown.`,
        { opensAt: decision.opensAt!.toISOString() },
      );
    case 'remediation':
      return new AppError(
        'not_allowed_yet',
        `Before the next attempt, revisit the course's learning path (${learningPath}) through the course page.`,
        { learningPath },
      );
  }
}
